// The eval fixture as Reflect sees it after a clone onto a new machine: the hand-written journal is
// committed into a fresh git repository at the dates its truth gives (every file's mtime is today's),
// then indexed as Reflect indexes it. Each *.eval.ts scores one part of insight against the truth.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Goal, GOALS_FILE, parseGoals } from '../../src/core/growth/goals';
import { IndexedEntry, JournalIndex } from '../../src/core/journal/journalIndex';
import { firstCommitDates } from '../../src/core/sync/journalHistory';
import { GrowthGroup } from '../../src/shared/noteKinds';

export interface TruthEntry {
  file: string;
  date: string;
  items: Partial<Record<GrowthGroup, string[]>>;
}

export interface TruthStory {
  story: string;
  /** Substrings of the lines that tell the story. */
  evidence: string[];
  dates: string[];
}

export interface TruthFeedbackTheme {
  theme: string;
  quotes: string[];
  from: string[];
  arc: 'critical-to-positive' | 'positive' | 'critical' | 'mixed';
}

export interface TruthCommitment {
  text: string;
  made: string;
  fate: 'kept' | 'dropped' | 'open';
  evidence: string | null;
  on: string | null;
}

export interface TruthGoal {
  title: string;
  status: 'looks-achieved' | 'done' | 'open' | 'abandoned';
  evidence: string[];
}

export interface Truth {
  entries: TruthEntry[];
  brag: TruthStory[];
  notBrag: string[];
  feedbackThemes: TruthFeedbackTheme[];
  commitments: TruthCommitment[];
  goals: TruthGoal[];
  turningPoint: { date: string; energyBefore: number; energyAfter: number; drainsLeft: string[]; drainsStayed: string[] };
  topDrains: { theme: string; before: boolean; after: boolean }[];
  topEnergizers: { theme: string }[];
}

/** test/eval/fixtures, found from wherever the bundle was written (out/test/eval, or a scratch folder). */
function fixtureFolder(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'eval', 'fixtures');
    if (existsSync(path.join(candidate, 'priya-truth.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`test/eval/fixtures not found above ${__dirname}`);
  }
}

const FIXTURE = fixtureFolder();

export const truth = JSON.parse(readFileSync(path.join(FIXTURE, 'priya-truth.json'), 'utf8')) as Truth;

function git(cwd: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Priya', GIT_AUTHOR_EMAIL: 'priya@example.com', GIT_COMMITTER_NAME: 'Priya', GIT_COMMITTER_EMAIL: 'priya@example.com' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: `${date}T18:30:00`, GIT_COMMITTER_DATE: `${date}T18:30:00` });
  execFileSync('git', args, { cwd, env, stdio: 'pipe' });
}

export interface EvalJournal {
  folder: string;
  entries: IndexedEntry[];
  goals: Goal[];
  dispose(): void;
}

/** The fixture as a git journal (goals and templates first, then each entry on its own day), indexed. */
export async function loadJournal(): Promise<EvalJournal> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'reflect-eval-'));
  cpSync(path.join(FIXTURE, 'priya-journal'), folder, { recursive: true });
  git(folder, ['init', '--quiet', '--initial-branch=main']);
  const byDate = [...truth.entries].sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
  git(folder, ['add', GOALS_FILE, 'templates']);
  git(folder, ['commit', '--quiet', '-m', 'journal: start'], byDate[0].date);
  for (const entry of byDate) {
    git(folder, ['add', '--', entry.file]);
    git(folder, ['commit', '--quiet', '-m', `retro: ${entry.file}`], entry.date);
  }
  const indexFile = path.join(folder, '..', `${path.basename(folder)}-index.json`);
  const index = new JournalIndex(folder, indexFile, () => undefined, (rels) => firstCommitDates(folder, rels));
  await index.load();
  return {
    folder,
    entries: index.entries(),
    goals: parseGoals(readFileSync(path.join(folder, GOALS_FILE), 'utf8')),
    dispose: () => {
      rmSync(folder, { recursive: true, force: true });
      rmSync(indexFile, { force: true });
    },
  };
}

export const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
export const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
export const f1 = (precision: number, recall: number): number => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
/** Case- and space-insensitive "does this line contain that truth substring". */
export const contains = (line: string, fragment: string): boolean => line.toLowerCase().replace(/\s+/g, ' ').includes(fragment.toLowerCase().replace(/\s+/g, ' '));

/** A Markdown table for the eval's output, indented under mocha's test line. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `      | ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `      |${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
