import { Goal } from './goals';
import { monthName } from '../toolkit/localDates';
import { GROWTH_GROUPS, GrowthGroup } from '../../shared/noteKinds';
import { IndexedEntry } from '../journal/journalIndex';

/** An inclusive range of `YYYY-MM-DD` dates; open ends allowed. */
export interface Period {
  from?: string;
  to?: string;
}

export interface GrowthNote {
  group: GrowthGroup;
  text: string;
  date: string;
  /** Entry path relative to the journal. */
  path: string;
  line: number;
  done: boolean;
}

export interface GoalStatus {
  goal: Goal;
  /** Progress bullets that mention the goal, newest first. */
  mentions: GrowthNote[];
  /** How many retros mentioned progress on it. */
  retros: number;
  /** What the entries say of it, when read for evidence: achieved or abandoned without being ticked. */
  verdict?: 'done' | 'looks-achieved' | 'abandoned' | 'open';
  /** The line a user reads about that verdict. */
  note?: string;
}

export function inPeriod(date: string, period: Period | undefined): boolean {
  return !period || ((!period.from || date >= period.from) && (!period.to || date <= period.to));
}

const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The notes of one group across entries (newest first). A commitment counts as done when it was
 * ticked where it was written or in a later retro's "Last time".
 */
export function notesOf(group: GrowthGroup, entries: readonly IndexedEntry[], period?: Period): GrowthNote[] {
  const notes: GrowthNote[] = [];
  for (const entry of entries) {
    if (!inPeriod(entry.date, period)) continue;
    for (const item of entry.items) {
      if (item.group === group) notes.push({ group, text: item.text, date: entry.date, path: entry.path, line: item.line, done: item.done === true });
    }
  }
  if (group === 'changes') {
    const doneLater = new Map<string, string>(); // text → latest date it was ticked
    for (const entry of entries) {
      for (const f of entry.followUps) {
        if (f.done && (doneLater.get(normalize(f.text)) ?? '') < entry.date) doneLater.set(normalize(f.text), entry.date);
      }
    }
    for (const note of notes) {
      const ticked = doneLater.get(normalize(note.text));
      if (ticked && ticked >= note.date) note.done = true;
    }
  }
  return notes.sort((a, b) => b.date.localeCompare(a.date) || a.path.localeCompare(b.path) || a.line - b.line);
}

/** How many notes each group holds (goals: how many goals). */
export function groupCounts(entries: readonly IndexedEntry[], goals: readonly Goal[], period?: Period): Record<GrowthGroup, number> {
  const counts = Object.fromEntries(GROWTH_GROUPS.map((g) => [g, 0])) as Record<GrowthGroup, number>;
  counts.goals = goals.length;
  for (const entry of entries) {
    if (!inPeriod(entry.date, period)) continue;
    for (const item of entry.items) if (item.group !== 'goals') counts[item.group]++;
  }
  return counts;
}

/** Notes grouped by `YYYY-MM`, newest month first (notes keep their order). */
export function byMonth(notes: readonly GrowthNote[]): { month: string; notes: GrowthNote[] }[] {
  const months = new Map<string, GrowthNote[]>();
  for (const note of notes) {
    const month = note.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(note);
    else months.set(month, [note]);
  }
  return [...months.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([month, list]) => ({ month, notes: list }));
}


/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${monthName(`${year}-${m}`)} ${year}`;
}
