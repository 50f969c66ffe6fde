// Bringing an existing journal to this machine: a remote URL checked before git ever sees it, and
// `git clone` into a journal folder that holds nothing yet. Joining a folder that already holds
// entries is a sync (remoteSync joins unrelated histories); this file only clones.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GitMissingError, runGit } from '../git/runGit';
import { ensureFolder } from '../journal/journalFiles';
import { PUSH_TIMEOUT_MS } from './journalRepoGit';
import { integrateRemote } from './remoteSync';

/**
 * Why `value` can't be a remote URL, or undefined when it can (an empty value too: "no remote").
 * A URL starting with "-" would reach git as an option (`--upload-pack=…` runs a program).
 */
export function remoteUrlProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/\s/.test(v)) return 'A remote URL has no spaces.';
  if (v.startsWith('-')) return 'A remote URL does not start with "-".';
  return undefined;
}

/** `value` as a remote URL to use, or undefined when it is not a string or not a usable URL. */
export function usableRemoteUrl(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() && !remoteUrlProblem(value) ? value.trim() : undefined;
}

/** True when `folder` is missing or an empty folder: the only places `git clone` writes into. */
export async function holdsNothing(folder: string): Promise<boolean> {
  try {
    return (await fs.readdir(folder)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

export interface CloneResult {
  /** False when the remote had no commits yet (nothing was ever pushed there). */
  hasHistory: boolean;
}

/**
 * `git clone <url> <folder>` into a missing or empty folder: the remote's history, its default
 * branch checked out and followed. Never into a folder that holds anything (git refuses, and so
 * does this, before the network). Throws what git throws; a failed clone leaves no repository.
 */
export async function cloneJournal(folder: string, url: string, gitPath?: string): Promise<CloneResult> {
  const problem = remoteUrlProblem(url);
  if (problem || !url.trim()) throw new Error(problem ?? 'no remote URL to clone');
  const target = path.resolve(folder);
  if (!(await holdsNothing(target))) throw new Error(`${target} is not empty: Reflect clones only into an empty journal folder`);
  const parent = path.dirname(target);
  await ensureFolder(parent);
  // "--" ends the options: the URL and the folder are never read as one. A clone downloads the
  // whole journal: as long as a push may take.
  // `--origin origin` whatever clone.defaultRemoteName says: the name hosting services' instructions use.
  await runGit(parent, ['clone', '--quiet', '--origin', 'origin', '--', url.trim(), target], { gitPath, timeoutMs: PUSH_TIMEOUT_MS });
  // A remote whose HEAD names a branch nobody pushed (a bare `git init` says master, the journal
  // was pushed as main) clones with nothing checked out: take its one branch, as a sync would.
  if (!(await hasCommits(target, gitPath))) await integrateRemote(target, { gitPath, machine: 'this machine' });
  return { hasHistory: await hasCommits(target, gitPath) };
}

async function hasCommits(root: string, gitPath?: string): Promise<boolean> {
  try {
    await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], { gitPath });
    return true;
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    return false;
  }
}

/** The URL of `remote` in the repository at `root`, or undefined when it has none by that name. */
export async function remoteUrl(root: string, remote: string, gitPath?: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['remote', 'get-url', '--', remote], { gitPath })).trim() || undefined;
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    return undefined;
  }
}
