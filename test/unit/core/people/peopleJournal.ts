// Reads a journal the way the extension will: entries through the index's summarizeEntry, and the
// requests, answers and "For my 1:1" notes of each entry file.
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Goal, GOALS_FILE, parseGoals } from '../../../../src/core/growth/goals';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { listMarkdown } from '../../../../src/core/journal/journalFiles';
import { FeedbackAnswer, parseAnswers } from '../../../../src/core/people/feedbackAnswers';
import { FeedbackRequest, parseRequests } from '../../../../src/core/people/feedbackRequests';
import { OneOnOneNote, oneOnOneNotesIn } from '../../../../src/core/people/oneOnOne';
import { parsePeople, PeopleList, PEOPLE_FILE } from '../../../../src/core/people/peopleNames';
import { REPO_ROOT, tempDir } from '../../fixtures';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'unit', 'core', 'people', 'fixtures');

export interface PeopleJournal {
  folder: string;
  entries: IndexedEntry[];
  requests: FeedbackRequest[];
  answers: FeedbackAnswer[];
  notes: OneOnOneNote[];
  people: PeopleList;
  goals: Goal[];
}

/** The hand-written fixture journal, copied to a temp folder (tests may write to it). */
export function fixtureJournalCopy(): string {
  const folder = path.join(tempDir('reflect-people-'), 'journal');
  cpSync(path.join(FIXTURES, 'journal'), folder, { recursive: true });
  return folder;
}

export async function readJournal(folder: string): Promise<PeopleJournal> {
  const journal: PeopleJournal = { folder, entries: [], requests: [], answers: [], notes: [], people: parsePeople(readFileSync(path.join(folder, PEOPLE_FILE), 'utf8')),
    goals: parseGoals(readFileSync(path.join(folder, GOALS_FILE), 'utf8')) };
  for (const file of (await listMarkdown(path.join(folder, 'entries'))).sort()) {
    const rel = path.relative(folder, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    const entry = summarizeEntry(rel, text);
    journal.entries.push({ ...entry, mtimeMs: 0, size: text.length });
    journal.requests.push(...parseRequests(text, entry.date, rel));
    journal.answers.push(...parseAnswers(text, entry.date, rel));
    journal.notes.push(...oneOnOneNotesIn(text, entry.date, rel));
  }
  return journal;
}
