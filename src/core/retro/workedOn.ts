import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GitMissingError, runGit } from '../git/runGit';
import { pathExists } from '../journal/journalFiles';

export interface Commit {
  /** Folder name of the repository, as the user knows it. */
  repo: string;
  hash: string;
  subject: string;
  /** Author date, ISO 8601. */
  date: string;
}

/** What the "Worked on" section will say: the commits, or one line on why there are none. */
export type WorkedOn = { kind: 'commits'; commits: Commit[] } | { kind: 'none'; reason: string };

/** Reading the log must not hold up a retro for long. */
const GIT_TIMEOUT_MS = 5_000;
const MAX_COMMITS_PER_REPO = 200;
const FIELD = '\x1f';

/**
 * The git repositories a set of workspace folders holds: the repository each folder is in, and
 * repositories one level below it (a folder of several checked-out projects). Unique, sorted.
 */
export async function findRepositories(folders: readonly string[], gitPath = 'git'): Promise<string[]> {
  const found = new Set<string>();
  const topLevel = async (dir: string): Promise<void> => {
    try {
      found.add(path.resolve((await runGit(dir, ['rev-parse', '--show-toplevel'], { gitPath, timeoutMs: GIT_TIMEOUT_MS })).trim()));
    } catch (err) {
      if (err instanceof GitMissingError) throw err;
    }
  };
  for (const folder of folders) {
    await topLevel(folder);
    let children: import('node:fs').Dirent[] = [];
    try {
      children = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const nested = children.filter((c) => c.isDirectory() && !c.name.startsWith('.') && c.name !== 'node_modules');
    await Promise.all(
      nested.map(async (c) => {
        const dir = path.join(folder, c.name);
        if (await pathExists(path.join(dir, '.git'))) await topLevel(dir);
      }),
    );
  }
  return [...found].sort();
}


/** Parses `git log --format=%H%x1f%aI%x1f%s` output. */
export function parseGitLog(repo: string, output: string): Commit[] {
  return output
    .split('\n')
    .filter((line) => line.includes(FIELD))
    .map((line) => {
      const [hash, date, ...subject] = line.split(FIELD);
      return { repo, hash, date, subject: subject.join(FIELD).trim() };
    });
}

/** The user's own commits (author = the repository's `user.email`) since `since`, oldest first, all branches. */
export async function commitsSince(repoPath: string, since: Date, gitPath = 'git'): Promise<{ commits: Commit[]; email?: string }> {
  let email: string;
  try {
    email = (await runGit(repoPath, ['config', 'user.email'], { gitPath, timeoutMs: GIT_TIMEOUT_MS })).trim();
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    return { commits: [] }; // `git config` exits 1 when the key is unset
  }
  if (!email) return { commits: [] };
  const output = await runGit(
    repoPath,
    [
      'log',
      '--exclude=refs/stash',
      '--all',
      '--no-merges',
      '--fixed-strings',
      `--author=<${email}>`,
      `--since=${since.toISOString()}`,
      `--max-count=${MAX_COMMITS_PER_REPO}`,
      `--format=%H${FIELD}%aI${FIELD}%s`,
    ],
    { gitPath, timeoutMs: GIT_TIMEOUT_MS },
  );
  const commits = parseGitLog(path.basename(repoPath), output).reverse();
  return { commits, email };
}

/**
 * What the user committed since `since` across the workspace folders. Never throws: no git, no
 * repository or no commits become one line of explanation.
 */
export async function collectWorkedOn(folders: readonly string[], since: Date, sinceLabel: string, gitPath = 'git'): Promise<WorkedOn> {
  try {
    const repos = await findRepositories(folders, gitPath);
    if (repos.length === 0) return { kind: 'none', reason: 'No git repository in this workspace.' };
    const results = await Promise.all(repos.map((r) => commitsSince(r, since, gitPath).catch(() => ({ commits: [], email: undefined }))));
    if (results.every((r) => r.email === undefined)) {
      return { kind: 'none', reason: 'Git has no `user.email` set, so your commits could not be told apart.' };
    }
    const commits = results.flatMap((r) => r.commits).sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    if (commits.length === 0) return { kind: 'none', reason: `No commits by you ${sinceLabel}.` };
    return { kind: 'commits', commits };
  } catch (err) {
    if (err instanceof GitMissingError) return { kind: 'none', reason: 'Git is not installed, so your commits are not listed.' };
    return { kind: 'none', reason: `Your commits could not be read (${err instanceof Error ? err.message : String(err)}).` };
  }
}
