// Promises to people: a commitment that names someone and a day ("send @sam the runbook by Fri").
// It is kept when it is ticked, where it was written or in a later retro's "Last time", and kept
// on time when that tick is in an entry dated on or before its day.
import { EntrySummary } from '../journal/entrySummary';
import { addDays, parseIsoDate, toIsoDate } from '../toolkit/localDates';
import { MAX_LINE, NO_PEOPLE, PeopleList, peopleIn } from './peopleNames';

/** What a promise is read from: an entry as the index gives it. */
export type PromiseSource = Pick<EntrySummary, 'date' | 'path' | 'items' | 'followUps'>;

export interface PersonPromise {
  /** The commitment as written. */
  text: string;
  /** Whom it is to, as the journal names them, in the order written. */
  people: string[];
  /** `YYYY-MM-DD`. */
  due: string;
  /** The words that set the day, as written: "by Fri". */
  dueWords: string;
  /** The entry it was written in. */
  date: string;
  path: string;
  line: number;
}

/** A commitment ticked: where it was written, or carried and ticked in a later "Last time". */
export interface Tick {
  text: string;
  /** The date of the entry the tick is in. */
  date: string;
}

export interface PromiseOutcome {
  promise: PersonPromise;
  /** The date of the first tick, when kept. */
  kept?: string;
  onTime: boolean;
}

export interface PromiseStats {
  kept: number;
  total: number;
  onTime: number;
}

const DAY_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
// "by" then one of a closed list of phrases: alternation only, nothing unbounded next to anything else.
const BY = new RegExp(
  String.raw`\bby[ \t]+(?:the[ \t]+)?(\d{4}-\d{2}-\d{2}|end of (?:the )?(?:day|week|month)|eod|eow|eom|tomorrow|tmrw|today|tonight|` +
    String.raw`mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b`,
  'i',
);

/**
 * The day a commitment is due by, relative to the date of the entry it is written in: "by
 * 2026-12-05"; "by today", "by EOD"; "by tomorrow"; "by Fri", "by Friday": the next Friday after
 * the entry's day (written in a retro, "this Friday" is never the day of the retro itself); "by
 * end of week": that week's Friday (the next one from a weekend); "by end of month".
 */
export function dueDateIn(text: string, entryDate: string): { due: string; words: string } | undefined {
  const written = parseIsoDate(entryDate);
  const m = BY.exec(text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text);
  if (!written || !m) return undefined;
  const phrase = m[1].toLowerCase();
  const words = m[0];
  let due: Date | undefined;
  if (/^\d/.test(phrase)) due = parseIsoDate(phrase);
  else if (phrase === 'today' || phrase === 'tonight' || phrase === 'eod' || phrase === 'end of day' || phrase === 'end of the day') due = written;
  else if (phrase === 'tomorrow' || phrase === 'tmrw') due = addDays(written, 1);
  else if (phrase.endsWith('week') || phrase === 'eow') due = addDays(written, (5 - written.getDay() + 7) % 7);
  else if (phrase.endsWith('month') || phrase === 'eom') due = new Date(written.getFullYear(), written.getMonth() + 1, 0);
  else {
    const day = DAY_NAMES[phrase.slice(0, 3)];
    due = addDays(written, ((day - written.getDay() + 7) % 7) || 7);
  }
  return due ? { due: toIsoDate(due), words } : undefined;
}

const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every commitment that names a person and a day, oldest first. The same words written again
 * (copied into a later retro) are the same promise.
 */
export function promisesIn(entries: readonly PromiseSource[], people: PeopleList = NO_PEOPLE): PersonPromise[] {
  const sorted = [...entries].sort((a, b) => compare(a.date, b.date) || compare(a.path, b.path));
  const promises: PersonPromise[] = [];
  const seen = new Set<string>();
  for (const entry of sorted) {
    for (const item of entry.items) {
      if (item.group !== 'changes') continue;
      const key = normalize(item.text);
      if (seen.has(key)) continue;
      const named = peopleIn(item.text, people);
      const due = named.length > 0 ? dueDateIn(item.text, entry.date) : undefined;
      if (!due) continue;
      seen.add(key);
      promises.push({ text: item.text, people: named, due: due.due, dueWords: due.words, date: entry.date, path: entry.path, line: item.line });
    }
  }
  return promises;
}

/** Every tick of a commitment, with the date of the entry it is in. */
export function ticksIn(entries: readonly PromiseSource[]): Tick[] {
  const ticks: Tick[] = [];
  for (const entry of entries) {
    for (const item of entry.items) if (item.group === 'changes' && item.done) ticks.push({ text: item.text, date: entry.date });
    for (const f of entry.followUps) if (f.done) ticks.push({ text: f.text, date: entry.date });
  }
  return ticks;
}

/** Each promise with its first tick on or after the day it was made, and whether that was on time. */
export function promiseOutcomes(promises: readonly PersonPromise[], ticks: readonly Tick[]): PromiseOutcome[] {
  const byText = new Map<string, string[]>();
  for (const t of ticks) {
    const key = normalize(t.text);
    byText.set(key, [...(byText.get(key) ?? []), t.date]);
  }
  return promises.map((promise) => {
    const dates = (byText.get(normalize(promise.text)) ?? []).filter((d) => d >= promise.date).sort(compare);
    const kept = dates[0];
    return { promise, ...(kept ? { kept } : {}), onTime: kept !== undefined && kept <= promise.due };
  });
}

/** How many promises were kept, of how many, and how many of those on time. */
export function promiseStats(promises: readonly PersonPromise[], ticks: readonly Tick[]): PromiseStats {
  const outcomes = promiseOutcomes(promises, ticks);
  return { kept: outcomes.filter((o) => o.kept).length, total: outcomes.length, onTime: outcomes.filter((o) => o.onTime).length };
}

/** "promises kept: 9 of 11, 7 on time" */
export function promiseSummary(stats: PromiseStats): string {
  return `promises kept: ${stats.kept} of ${stats.total}, ${stats.onTime} on time`;
}
