// The journal repository's git operations through the git executable: the fallback when VS Code's
// Git extension is disabled or absent, and the read-only queries (status, counts) either way.
import { GitMissingError, runGit } from '../git/runGit';
import { NoRemoteError } from './gitFailures';
import { ENTRIES_FOLDER, ensureFolder } from '../journal/journalFiles';
import { isJournalPath, isReflectTempFile, JOURNAL_MARKER_KEY, JOURNAL_PATHSPECS, PendingChange } from './journalRepo';

/** Which program ran git: VS Code's Git extension (hooks, credentials, Source Control view) or the executable. */
export type GitVia = 'vscode.git' | 'git';

/** Commits not on the remote yet, and how many distinct entries they touch. */
export interface Unpushed {
  remote: string;
  commits: number;
  entries: number;
}

/**
 * What Reflect does in the journal's own repository. Implemented here with the git executable and
 * in src/vscode with VS Code's Git extension; core logic takes either.
 */
export interface JournalRepo {
  readonly root: string;
  readonly via: GitVia;
  /** Uncommitted changes to journal files (entries, goals, templates, reviews), or to `pathspecs`. */
  pendingChanges(pathspecs?: readonly string[]): Promise<PendingChange[]>;
  /** Stages exactly these changes and commits only them: other staged work stays staged. False when nothing differed. */
  commit(changes: readonly PendingChange[], message: string): Promise<boolean>;
  /** Pushes the current branch to its upstream, or to `origin` (else the first remote), setting the upstream. */
  push(): Promise<void>;
  /** Fetches the remote the branch follows (or `origin`, else the first): the only other network call. */
  fetch(): Promise<void>;
  remotes(): Promise<string[]>;
  addRemote(name: string, url: string): Promise<void>;
  /** Whether Set Up marked this repository as a journal (see JOURNAL_MARKER_KEY). */
  isMarkedJournal(): Promise<boolean>;
  markJournal(): Promise<void>;
  trackedFiles(): Promise<string[]>;
  /** Undefined when there is no remote: then nothing is "not yet pushed", it is simply local. */
  unpushed(): Promise<Unpushed | undefined>;
}

/** Pushing a large journal over a slow link takes a while; a hung credential prompt must not hang forever. */
export const PUSH_TIMEOUT_MS = 120_000;
/** Beyond this many paths, stage and commit whole journal folders: argument lists have limits (32 KB on Windows). */
const MAX_PATH_ARGS = 100;

/** Parses `git status --porcelain=v1 -z`: a rename yields the deleted old path and the new one. */
export function parseStatusZ(output: string): PendingChange[] {
  const fields = output.split('\0');
  const changes: PendingChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const [x, y] = [field[0], field[1]];
    if (x === 'R' || x === 'C') {
      const from = fields[++i];
      if (x === 'R' && from) changes.push({ path: from, deleted: true });
    }
    changes.push({ path: field.slice(3), deleted: x === 'D' || y === 'D' });
  }
  return changes;
}

/** The pathspecs to hand git for a set of changes: the files, or their top-level folders when there are many. */
export function pathArgs(changes: readonly PendingChange[]): string[] {
  const paths = [...new Set(changes.map((c) => c.path))];
  if (paths.length <= MAX_PATH_ARGS) return paths;
  return [...new Set(paths.map((p) => p.split('/')[0]))];
}

/** `git init` in `folder` (created if needed), keeping the user's init.defaultBranch and templates. */
export async function initRepository(folder: string, gitPath?: string): Promise<void> {
  await ensureFolder(folder);
  await runGit(folder, ['init', '--quiet'], { gitPath });
}

export class CliJournalRepo implements JournalRepo {
  readonly via: GitVia = 'git';

  constructor(
    readonly root: string,
    private readonly gitPath?: string,
  ) {}

  private git(args: readonly string[], timeoutMs?: number): Promise<string> {
    return runGit(this.root, args, { gitPath: this.gitPath, timeoutMs });
  }

  async pendingChanges(pathspecs?: readonly string[]): Promise<PendingChange[]> {
    const out = await this.git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...(pathspecs ?? JOURNAL_PATHSPECS)]);
    return parseStatusZ(out).filter((c) => !isReflectTempFile(c.path) && (pathspecs !== undefined || isJournalPath(c.path)));
  }

  /** Staged paths (index vs HEAD; vs nothing on an unborn branch), optionally limited to `pathspecs`. */
  async stagedPaths(pathspecs: readonly string[] = []): Promise<string[]> {
    const out = await this.git(['diff', '--cached', '--name-only', '-z', '--no-renames', '--', ...pathspecs]);
    return out.split('\0').filter(Boolean);
  }

  async stage(changes: readonly PendingChange[]): Promise<void> {
    await this.git(['add', '--all', '--', ...pathArgs(changes)]);
  }

  async commit(changes: readonly PendingChange[], message: string): Promise<boolean> {
    if (changes.length === 0) return false;
    await this.stage(changes);
    return this.commitStaged(changes, message);
  }

  /**
   * Commits what is staged of these changes and nothing else (`git commit -- <paths>` is
   * `--only`). Like VS Code's Git extension, refuses to guess an identity (user.useConfigOnly).
   */
  async commitStaged(changes: readonly PendingChange[], message: string): Promise<boolean> {
    const args = pathArgs(changes);
    const staged = await this.stagedPaths(args);
    if (staged.length === 0) return false;
    await this.git(['-c', 'user.useConfigOnly=true', 'commit', '--quiet', '-m', message, '--', ...(staged.length <= MAX_PATH_ARGS ? staged : args)]);
    return true;
  }

  async push(): Promise<void> {
    if (await this.upstream()) {
      await this.git(['push'], PUSH_TIMEOUT_MS);
      return;
    }
    const remote = preferredRemote(await this.remotes());
    if (!remote) throw new NoRemoteError();
    await this.git(['push', '--set-upstream', remote, 'HEAD'], PUSH_TIMEOUT_MS);
  }

  async fetch(): Promise<void> {
    const upstream = await this.upstream();
    const remote = upstream ? upstream.split('/')[0] : preferredRemote(await this.remotes());
    if (!remote) throw new NoRemoteError();
    await this.git(['fetch', '--quiet', '--no-tags', remote], PUSH_TIMEOUT_MS);
  }

  async remotes(): Promise<string[]> {
    return (await this.git(['remote'])).split('\n').map((r) => r.trim()).filter(Boolean);
  }

  async addRemote(name: string, url: string): Promise<void> {
    await this.git(['remote', 'add', '--', name, url]);
  }

  async isMarkedJournal(): Promise<boolean> {
    try {
      return (await this.git(['config', '--local', '--bool', '--get', JOURNAL_MARKER_KEY])).trim() === 'true';
    } catch (err) {
      if (err instanceof GitMissingError) throw err;
      return false; // exit code 1: not set
    }
  }

  async markJournal(): Promise<void> {
    await this.git(['config', '--local', JOURNAL_MARKER_KEY, 'true']);
  }

  async trackedFiles(): Promise<string[]> {
    return (await this.git(['ls-files', '-z'])).split('\0').filter(Boolean);
  }

  /** `origin/main` or the like, or undefined when the branch has no upstream (or it was never fetched). */
  async upstream(): Promise<string | undefined> {
    try {
      return (await this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])).trim() || undefined;
    } catch (err) {
      if (err instanceof GitMissingError) throw err;
      return undefined;
    }
  }

  async hasHead(): Promise<boolean> {
    try {
      await this.git(['rev-parse', '--verify', '--quiet', 'HEAD']);
      return true;
    } catch (err) {
      if (err instanceof GitMissingError) throw err;
      return false;
    }
  }

  async unpushed(): Promise<Unpushed | undefined> {
    const remotes = await this.remotes();
    const upstream = await this.upstream();
    const remote = upstream ? upstream.split('/')[0] : preferredRemote(remotes);
    if (!remote) return undefined;
    if (!(await this.hasHead())) return { remote, commits: 0, entries: 0 };
    // Without an upstream, what no branch of that remote has yet (all of it, before the first push).
    const range = upstream ? ['@{upstream}..HEAD'] : ['HEAD', '--not', `--remotes=${remote}`];
    const commits = Number((await this.git(['rev-list', '--count', ...range])).trim()) || 0;
    const names = commits === 0 ? '' : await this.git(['log', '--format=', '--name-only', ...range, '--', ENTRIES_FOLDER]);
    const entries = new Set(names.split('\n').filter((n) => n.endsWith('.md'))).size;
    return { remote, commits, entries };
  }
}

/** `origin` when there is one (what `git clone` and hosting services' instructions name it), else the first. */
export function preferredRemote(remotes: readonly string[]): string | undefined {
  return remotes.includes('origin') ? 'origin' : remotes[0];
}
