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
import { Sequencer } from '../toolkit/async';

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

/** An entry is read again when any of these changed. */
const stampOf = (e: IndexedEntry): string => `${e.date}\n${e.mtimeMs}\n${e.size}`;

interface EntryPeople {
  stamp: string;
  requests: FeedbackRequest[];
  answers: FeedbackAnswer[];
  notes: OneOnOneNote[];
}

/**
 * The journal's requests, answers and 1:1 notes, read again only for entries that changed since the
 * last read (by path, modification time and size): the tree, the follow-ups and the commands ask
 * after every change, and most entries never change again. One read at a time.
 */
export class PeopleReader {
  private folder = '';
  private readonly byPath = new Map<string, EntryPeople>();
  private readonly reads = new Sequencer();

  read(journal: string, entries: readonly IndexedEntry[]): Promise<PeopleJournal> {
    return this.reads.queue(() => this.readNow(journal, entries));
  }

  private async readNow(journal: string, entries: readonly IndexedEntry[]): Promise<PeopleJournal> {
    if (journal !== this.folder) {
      this.byPath.clear();
      this.folder = journal;
    }
    const stale = entries.filter((e) => this.byPath.get(e.path)?.stamp !== stampOf(e));
    // people.md every time (it is one small file), and only the stale entries.
    const fresh = await readPeopleJournal(journal, stale);
    const current = new Set(entries.map((e) => e.path));
    for (const p of this.byPath.keys()) if (!current.has(p)) this.byPath.delete(p);
    for (const e of stale) this.byPath.set(e.path, { stamp: stampOf(e), requests: [], answers: [], notes: [] });
    for (const r of fresh.requests) this.byPath.get(r.path ?? '')?.requests.push(r);
    for (const a of fresh.answers) this.byPath.get(a.path ?? '')?.answers.push(a);
    for (const n of fresh.notes) this.byPath.get(n.path)?.notes.push(n);
    const ordered = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const kept = ordered.map((e) => this.byPath.get(e.path)).filter((x): x is EntryPeople => x !== undefined);
    const requests = kept.flatMap((x) => x.requests);
    const answers = kept.flatMap((x) => x.answers);
    const notes = kept.flatMap((x) => x.notes);
    const people = withNames(fresh.people, [...requests.map((r) => r.person), ...answers.map((a) => a.person)]);
    return { people, requests, answers, notes };
  }
}
