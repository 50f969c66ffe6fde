// What the people features read from the journal: the alias list, and the requests, answers and
// "For my 1:1" notes of the entries the index knows. The index holds bullets, not these lines' parts,
// so the entry files are read again; only entries since a date, and never a link.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { IndexedEntry } from '../journal/indexShape';
import { FeedbackAnswer, parseAnswers } from './feedbackAnswers';
import { FeedbackRequest, parseRequests } from './feedbackRequests';
import { OneOnOneNote, oneOnOneNotesIn } from './oneOnOne';
import { NO_PEOPLE, parsePeople, PEOPLE_FILE, PeopleList, withNames } from './peopleNames';

export interface PeopleJournal {
  /** The alias list, with every person named in a request or an answer added. */
  people: PeopleList;
  requests: FeedbackRequest[];
  answers: FeedbackAnswer[];
  notes: OneOnOneNote[];
}

/** Entries read at a time: enough to keep the disk busy, few enough to leave file handles to others. */
const BATCH = 16;

/** Reads a file of the journal unless it is a link (one could lead anywhere); undefined when unreadable. */
export async function readJournalFile(file: string): Promise<string | undefined> {
  try {
    if ((await fs.lstat(file)).isSymbolicLink()) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The alias list of the journal (`people.md`), empty when there is none. */
export async function readPeople(journal: string): Promise<PeopleList> {
  const text = await readJournalFile(path.join(journal, PEOPLE_FILE));
  return text === undefined ? NO_PEOPLE : parsePeople(text);
}

/** Requests, answers and notes of the entries dated `since` or later (all when omitted). */
export async function readPeopleJournal(journal: string, entries: readonly IndexedEntry[], since = ''): Promise<PeopleJournal> {
  const out: PeopleJournal = { people: await readPeople(journal), requests: [], answers: [], notes: [] };
  const wanted = entries.filter((e) => e.date >= since).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : 1));
  for (let i = 0; i < wanted.length; i += BATCH) {
    const batch = wanted.slice(i, i + BATCH);
    const texts = await Promise.all(batch.map((e) => readJournalFile(path.join(journal, ...e.path.split('/')))));
    batch.forEach((entry, k) => {
      const text = texts[k];
      if (text === undefined) return;
      out.requests.push(...parseRequests(text, entry.date, entry.path));
      out.answers.push(...parseAnswers(text, entry.date, entry.path));
      out.notes.push(...oneOnOneNotesIn(text, entry.date, entry.path));
    });
  }
  out.people = withNames(out.people, [...out.requests.map((r) => r.person), ...out.answers.map((a) => a.person)]);
  return out;
}
