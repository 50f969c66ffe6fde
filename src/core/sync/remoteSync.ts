// Bringing the other machines' journal in: after a fetch, the remote branch is fast-forwarded to or
// merged, and every file both sides changed is merged by its structure (structuralMerge.ts), never
// left with conflict markers. Only local git runs here (no network): fetching and pushing go
// through JournalRepo, which may use VS Code's Git extension and its credentials.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GitCommandError, GitMissingError, runGit } from '../git/runGit';
import { rewriteFile } from '../journal/journalFiles';
import { describeGitFailure } from './gitFailures';
import { commitMessage, isReflectTempFile, MACHINE_TRAILER } from './journalRepo';
import { JournalRepo, preferredRemote } from './journalRepoGit';
import { mergeJournalFile } from './structuralMerge';

/** How far this machine and the remote have drifted apart: the status bar's "↑2 ↓1". */
export interface SyncCounts {
  remote: string;
  /** The remote branch this one follows (`origin/main`), when it exists yet. */
  ref?: string;
  ahead: number;
  behind: number;
}

/** A file both machines changed, and how it was merged. */
export interface MergedFile {
  path: string;
  /** What the merge did, in words, for the output channel. */
  notes: string[];
}

export type IntegrateOutcome =
  | { status: 'no-remote' }
  /** The remote has no branch yet (nothing was ever pushed): the next push creates it. */
  | { status: 'remote-empty'; remote: string }
  | { status: 'up-to-date'; remote: string }
  | { status: 'fast-forward'; remote: string; commits: number }
  | { status: 'merged'; remote: string; commits: number; files: MergedFile[] };

/** Git stopped in a state Reflect would not finish (a merge of the user's own in progress, a failed resolve): nothing was changed. */
export class SyncStoppedError extends Error {
  override readonly name = 'SyncStoppedError';
}

export interface IntegrateOptions {
  gitPath?: string;
  /** This machine's name, written beside a paragraph kept from both sides. */
  machine: string;
}


const git = (root: string, args: readonly string[], gitPath?: string): Promise<string> => runGit(root, args, { gitPath });

async function succeeds(root: string, args: readonly string[], gitPath?: string): Promise<boolean> {
  try {
    await git(root, args, gitPath);
    return true;
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    return false;
  }
}

/**
 * The remote branch this branch follows: its upstream; else `<remote>/<branch>`; else, when the
 * remote has exactly one branch (a journal started on a machine whose git named it `master`), that one.
 */
export async function remoteBranch(root: string, gitPath?: string): Promise<{ remote: string; ref?: string; upstream?: boolean; renameTo?: string } | undefined> {
  const upstream = (await git(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], gitPath).catch(() => '')).trim();
  if (upstream && (await succeeds(root, ['rev-parse', '--verify', '--quiet', `${upstream}^{commit}`], gitPath))) {
    return { remote: upstream.split('/')[0], ref: upstream, upstream: true };
  }
  const remote = preferredRemote((await git(root, ['remote'], gitPath)).split('\n').map((r) => r.trim()).filter(Boolean));
  if (!remote) return undefined;
  const branch = (await git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], gitPath).catch(() => '')).trim();
  if (branch && (await succeeds(root, ['rev-parse', '--verify', '--quiet', `refs/remotes/${remote}/${branch}^{commit}`], gitPath))) {
    return { remote, ref: `${remote}/${branch}` };
  }
  const branches = (await git(root, ['for-each-ref', '--format=%(refname:short)', `refs/remotes/${remote}/`], gitPath))
    .split('\n')
    .map((b) => b.trim())
    .filter((b) => b && b !== `${remote}/HEAD` && b !== remote);
  return { remote, ref: branches.length === 1 ? branches[0] : undefined, renameTo: branches.length === 1 && branch ? branches[0].slice(remote.length + 1) : undefined };
}

/**
 * A journal that follows no remote branch yet adopts the one it found: the local branch takes the
 * remote branch's name (a journal started where git says `master` joins a remote on `main`) and
 * follows it, so the push goes where the other machines pull from.
 */
async function followRemoteBranch(root: string, where: { remote: string; ref?: string; renameTo?: string }, gitPath?: string): Promise<void> {
  if (!where.ref) return;
  if (where.renameTo) await git(root, ['branch', '-m', where.renameTo], gitPath);
  if (await hasHead(root, gitPath)) await git(root, ['branch', '--quiet', `--set-upstream-to=${where.ref}`], gitPath);
}

async function hasHead(root: string, gitPath?: string): Promise<boolean> {
  return succeeds(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], gitPath);
}

async function count(root: string, range: string, gitPath?: string): Promise<number> {
  return Number((await git(root, ['rev-list', '--count', range], gitPath)).trim()) || 0;
}

/** Commits on each side since they parted, as last fetched. Undefined without a remote. */
export async function syncCounts(root: string, gitPath?: string): Promise<SyncCounts | undefined> {
  const where = await remoteBranch(root, gitPath);
  if (!where) return undefined;
  if (!where.ref) return { remote: where.remote, ahead: (await hasHead(root, gitPath)) ? await count(root, 'HEAD', gitPath) : 0, behind: 0 };
  const { remote, ref } = where;
  if (!(await hasHead(root, gitPath))) return { remote, ref, ahead: 0, behind: await count(root, ref, gitPath) };
  return { remote, ref, ahead: await count(root, `${ref}..HEAD`, gitPath), behind: await count(root, `HEAD..${ref}`, gitPath) };
}

/**
 * Takes in what was fetched from the remote: a fast-forward when this machine has nothing new, else
 * a merge commit in which every file changed on both sides is merged by its structure. Commit what
 * is pending first: git refuses to merge over uncommitted changes to the same files. On any failure
 * the merge is aborted, so the repository is as it was, and the error is thrown.
 */
export async function integrateRemote(root: string, options: IntegrateOptions): Promise<IntegrateOutcome> {
  const { gitPath } = options;
  const where = await remoteBranch(root, gitPath);
  if (!where) return { status: 'no-remote' };
  const { remote, ref } = where;
  if (!ref) return { status: 'remote-empty', remote };
  await assertNoMergeInProgress(root, gitPath);
  if (!where.upstream && (await hasHead(root, gitPath))) await followRemoteBranch(root, where, gitPath);
  if (!(await hasHead(root, gitPath))) {
    // A new machine with nothing committed yet: take the remote's history as it is.
    await git(root, ['merge', '--ff-only', '--quiet', ref], gitPath);
    await followRemoteBranch(root, where, gitPath);
    return { status: 'fast-forward', remote, commits: await count(root, 'HEAD', gitPath) };
  }
  const behind = await count(root, `HEAD..${ref}`, gitPath);
  if (behind === 0) return { status: 'up-to-date', remote };
  const ahead = await count(root, `${ref}..HEAD`, gitPath);
  if (ahead === 0) {
    await git(root, ['merge', '--ff-only', '--quiet', ref], gitPath);
    return { status: 'fast-forward', remote, commits: behind };
  }
  const message = `journal: take in ${remote}'s entries\n\n${MACHINE_TRAILER}: ${options.machine}`;
  try {
    // Two journals started apart (a second machine that already had entries) have no common history: join them.
    await git(root, ['-c', 'user.useConfigOnly=true', 'merge', '--no-ff', '--no-edit', '--allow-unrelated-histories', '--quiet', '-m', message, ref], gitPath);
    return { status: 'merged', remote, commits: behind, files: [] };
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    const conflicted = await unmergedPaths(root, gitPath);
    if (conflicted.size === 0) {
      await abortMerge(root, gitPath);
      throw err;
    }
    try {
      const files = await resolveAll(root, ref, conflicted, options);
      await git(root, ['-c', 'user.useConfigOnly=true', 'commit', '--quiet', '--no-edit', '-m', message], gitPath);
      return { status: 'merged', remote, commits: behind, files };
    } catch (resolveError) {
      await abortMerge(root, gitPath);
      throw resolveError;
    }
  }
}

/** A merge (or rebase) of the user's own, stopped in the journal: theirs to finish; Reflect touches nothing. */
async function assertNoMergeInProgress(root: string, gitPath?: string): Promise<void> {
  for (const marker of ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD']) {
    if (await pathExistsIn(root, marker, gitPath)) {
      throw new SyncStoppedError('the journal repository is in the middle of a merge or rebase that Reflect did not start; finish or abort it in the journal folder, and Reflect syncs again');
    }
  }
}

async function pathExistsIn(root: string, gitFile: string, gitPath?: string): Promise<boolean> {
  const file = (await git(root, ['rev-parse', '--git-path', gitFile], gitPath)).trim();
  return fs.stat(path.resolve(root, file)).then(
    () => true,
    () => false,
  );
}

async function abortMerge(root: string, gitPath?: string): Promise<void> {
  if (await pathExistsIn(root, 'MERGE_HEAD', gitPath)) await git(root, ['merge', '--abort'], gitPath).catch(() => undefined);
}

interface Stages {
  mode: Partial<Record<1 | 2 | 3, string>>;
  blob: Partial<Record<1 | 2 | 3, string>>;
}

/** `git ls-files -u`: each conflicted path with the blobs of base (1), ours (2) and theirs (3) that exist. */
async function unmergedPaths(root: string, gitPath?: string): Promise<Map<string, Stages>> {
  const out = await git(root, ['ls-files', '-u', '-z'], gitPath);
  const paths = new Map<string, Stages>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, blob, stage] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    const n = Number(stage) as 1 | 2 | 3;
    const stages = paths.get(file) ?? { mode: {}, blob: {} };
    stages.mode[n] = mode;
    stages.blob[n] = blob;
    paths.set(file, stages);
  }
  return paths;
}

async function resolveAll(root: string, ref: string, conflicted: Map<string, Stages>, options: IntegrateOptions): Promise<MergedFile[]> {
  const { gitPath } = options;
  const files: MergedFile[] = [];
  for (const [file, stages] of conflicted) {
    const notes = await resolveOne(root, ref, file, stages, options);
    files.push({ path: file, notes });
  }
  // Whatever git could not stage is a state Reflect does not understand: stop rather than commit it.
  if ((await unmergedPaths(root, gitPath)).size > 0) throw new SyncStoppedError('git left files unmerged that Reflect could not resolve');
  return files;
}

const readBlob = (root: string, blob: string | undefined, gitPath?: string): Promise<string | undefined> =>
  blob ? git(root, ['cat-file', 'blob', blob], gitPath) : Promise.resolve(undefined);

async function resolveOne(root: string, ref: string, file: string, stages: Stages, options: IntegrateOptions): Promise<string[]> {
  const { gitPath } = options;
  const abs = path.join(root, ...file.split('/'));
  const isLink = Object.values(stages.mode).some((m) => m === '120000');
  if (isLink || isReflectTempFile(file)) {
    // Never merge through a link: keep this machine's version as it is.
    await git(root, stages.blob[2] ? ['checkout', '--ours', '--', file] : ['rm', '--quiet', '--cached', '--', file], gitPath);
    if (stages.blob[2]) await git(root, ['add', '--', file], gitPath);
    return ['a link: kept this machine\'s version'];
  }
  const [base, ours, theirs] = await Promise.all([readBlob(root, stages.blob[1], gitPath), readBlob(root, stages.blob[2], gitPath), readBlob(root, stages.blob[3], gitPath)]);
  if (ours === undefined && theirs === undefined) {
    await git(root, ['rm', '--quiet', '--cached', '--', file], gitPath);
    return ['deleted on both machines'];
  }
  // Deleted on one machine, changed on the other: the change wins, so no line is lost.
  const kept = ours === undefined ? theirs : theirs === undefined ? ours : undefined;
  let text: string;
  let notes: string[];
  if (kept !== undefined) {
    text = kept;
    notes = [ours === undefined ? 'deleted here, changed on the other machine: kept the changes' : 'deleted on the other machine, changed here: kept the changes'];
  } else {
    const [ourTime, theirTime, theirMachine] = await Promise.all([
      commitTime(root, 'HEAD', file, gitPath),
      commitTime(root, ref, file, gitPath),
      machineOf(root, ref, file, gitPath),
    ]);
    const merged = mergeJournalFile(base, { text: ours!, label: options.machine, time: ourTime }, { text: theirs!, label: theirMachine, time: theirTime }, file);
    text = merged.text;
    notes = merged.notes;
  }
  await fs.mkdir(path.dirname(abs), { recursive: true });
  const exists = await fs.lstat(abs).then((s) => s.isFile(), () => false);
  // The conflicted file holds git's markers: replace it whole (under its lock, keeping its mode).
  if (exists) await rewriteFile(abs, () => text, { root });
  else await fs.writeFile(abs, text, { flag: 'wx' });
  await git(root, ['add', '--', file], gitPath);
  return notes;
}

async function commitTime(root: string, ref: string, file: string, gitPath?: string): Promise<number> {
  const out = (await git(root, ['log', '-1', '--format=%ct', ref, '--', file], gitPath).catch(() => '')).trim();
  return Number(out) * 1000 || 0;
}

/** The machine that last changed `file` on `ref`, from Reflect's commit trailer; else "the other machine". */
async function machineOf(root: string, ref: string, file: string, gitPath?: string): Promise<string> {
  const out = await git(root, ['log', '-1', `--format=%(trailers:key=${MACHINE_TRAILER},valueonly)`, ref, '--', file], gitPath).catch((err: unknown) => {
    if (err instanceof GitCommandError) return '';
    throw err;
  });
  return out.trim().split('\n')[0]?.trim() || 'the other machine';
}

export interface SyncOptions extends IntegrateOptions {
  /** Commit what is pending first (auto-commit on); off, only what is already committed travels. */
  commitPending: boolean;
  /** Send this machine's commits too; off, only take in the remote's (`reflect.git.sync` is `pull`). */
  push: boolean;
}

export interface SyncOutcome {
  /** The commit made of pending changes first, if any. */
  committed?: string;
  integrated: IntegrateOutcome;
  /** Commits pushed (0 when the remote already had everything). */
  pushed: number;
  counts?: SyncCounts;
}

/** Another machine pushed between our fetch and our push: fetch, merge and push again, this many times. */
const PUSH_ATTEMPTS = 3;

/**
 * One sync of the journal: commit what is pending, fetch, take in the remote (merging by structure),
 * push. A push rejected because another machine pushed first is retried after taking that in too.
 * Never force-pushes, never discards a commit. Throws what git throws (the caller says it once);
 * every line is on disk and in a commit either way.
 */
export async function syncJournal(repo: JournalRepo, options: SyncOptions): Promise<SyncOutcome> {
  let committed: string | undefined;
  await assertNoMergeInProgress(repo.root, options.gitPath);
  if (options.commitPending) {
    const pending = await repo.pendingChanges();
    const message = commitMessage(pending, options.machine);
    if (pending.length > 0 && (await repo.commit(pending, message))) committed = message.split('\n')[0];
  }
  if (!(await remoteBranch(repo.root, options.gitPath))) return { committed, integrated: { status: 'no-remote' }, pushed: 0 };
  for (let attempt = 1; ; attempt++) {
    await repo.fetch();
    const integrated = await integrateRemote(repo.root, options);
    const counts = await syncCounts(repo.root, options.gitPath);
    if (!counts || counts.ahead === 0 || !options.push) return { committed, integrated, pushed: 0, counts };
    try {
      await repo.push();
      return { committed, integrated, pushed: counts.ahead, counts: await syncCounts(repo.root, options.gitPath) };
    } catch (err) {
      if (attempt >= PUSH_ATTEMPTS || describeGitFailure('push', err).kind !== 'rejected') throw err;
    }
  }
}
