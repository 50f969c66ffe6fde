// Real temp folders and real git repositories for unit tests: no mocks of core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarizeEntry } from '../../src/core/journal/entrySummary';
import { listMarkdown } from '../../src/core/journal/journalFiles';
import { RetroSlot } from '../../src/core/retro/followThrough';
import { Clock } from '../../src/core/toolkit/clock';

/** A temp folder removed after the current test file. */
export function tempDir(prefix = 'reflect-unit-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fixedClock(date: Date): Clock {
  return { now: () => new Date(date) };
}

/** 2026-11-25 (a Wednesday) at 17:30 local time. */
export const WEDNESDAY_EVENING = new Date(2026, 10, 25, 17, 30);

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** A repository whose `user.email` is `email`. */
export function makeRepo(dir: string, email = 'me@example.com'): string {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.email', email]);
  git(dir, ['config', 'user.name', 'Me']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

/** An empty commit with the given subject, author and author/committer date. */
export function commit(repo: string, subject: string, when: Date, author = 'Me <me@example.com>'): void {
  const iso = when.toISOString();
  git(repo, ['commit', '--quiet', '--allow-empty', '-m', subject, `--author=${author}`], {
    GIT_AUTHOR_DATE: iso,
    GIT_COMMITTER_DATE: iso,
  });
}

/** The journal's entries as the index would list them (path, date, type), read from the files now. */
export async function entriesIn(journal: string): Promise<RetroSlot[]> {
  const files = await listMarkdown(path.join(journal, 'entries'));
  return files.map((file) => {
    const rel = path.relative(journal, file).split(path.sep).join('/');
    const { date, type } = summarizeEntry(rel, readFileSync(file, 'utf8'));
    return { path: rel, date, type };
  });
}

/** The repository's root, found from wherever the bundled test runs (out/test/unit/…). */
export const REPO_ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'extension.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
})();
