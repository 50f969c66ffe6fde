import { LineEdit } from '../journal/entryEdits';

export interface Goal {
  /** The goal's wording without `due:` and tags. */
  title: string;
  done: boolean;
  due?: string;
  tags: string[];
  /** 0-based line in goals.md. */
  line: number;
}

export const GOALS_FILE = 'goals.md';

const TASK = /^\s{0,3}[-*+][ \t]+\[([ xX])\][ \t]+(.*)$/;
const DUE = /(?:^|\s)due:\s*(\d{4}-\d{2}-\d{2})\b/i;
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]+)/gu;

/** The goals in `goals.md`: one task-list item each, with optional `due: YYYY-MM-DD` and `#tags`. */
export function parseGoals(text: string): Goal[] {
  const goals: Goal[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const m = TASK.exec(line);
    if (!m) return;
    let rest = m[2];
    const due = DUE.exec(rest)?.[1];
    rest = rest.replace(DUE, ' ');
    const tags = [...rest.matchAll(TAG)].map((t) => t[1]);
    const title = rest.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
    if (!title) return;
    const goal: Goal = { title, done: m[1] !== ' ', tags, line: index };
    if (due) goal.due = due;
    goals.push(goal);
  });
  return goals;
}

/** Ticks the goal on `line`; undefined when that line is no longer an open goal (the file changed). */
export function markGoalDoneEdit(text: string, line: number): LineEdit | undefined {
  const current = text.split(/\r?\n/)[line] ?? '';
  const m = TASK.exec(current);
  if (!m || m[1] !== ' ') return undefined;
  return { line, mode: 'replace', text: current.replace('[ ]', '[x]') };
}

export function goalLine(title: string, due?: string): string {
  return `- [ ] ${title.replace(/\s+/g, ' ').trim()}${due ? ` due: ${due}` : ''}`;
}

/** A new goals.md holding one goal. */
export function newGoalsFile(title: string, due?: string): string {
  return `# Goals\n\n${goalLine(title, due)}\n`;
}

/** Adds an open goal after the last non-blank line of goals.md. */
export function appendGoalEdit(text: string, title: string, due?: string): LineEdit {
  const lines = text.split(/\r?\n/);
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  return { line: last + 1, mode: 'insert', text: goalLine(title, due) };
}
