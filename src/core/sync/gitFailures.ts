// What went wrong in the journal's repository, in git's own words, and when to tell the user.
// A failure never costs an entry (the Markdown is already on disk); the point is to say so once,
// not on every save.
import { GitCommandError, GitMissingError } from '../git/runGit';
import { OnceEach } from '../toolkit/onceEach';

export type GitOperation = 'set-up' | 'commit' | 'push' | 'add-remote' | 'sync' | 'clone';

export type GitFailureKind =
  | 'git-missing'
  | 'no-remote'
  | 'locked'
  | 'conflict'
  | 'identity'
  | 'rejected'
  | 'unreachable'
  | 'auth'
  | 'timeout'
  | 'other';

export interface GitFailure {
  operation: GitOperation;
  kind: GitFailureKind;
  /** Git's message, shortened to what fits a notification. */
  detail: string;
  /** Everything git said, for the output channel. */
  full: string;
}

/** Push was asked for, but the journal repository has no remote to push to. */
export class NoRemoteError extends Error {
  constructor() {
    super('the journal repository has no remote');
  }
}

/**
 * Git's words from any error: our GitCommandError, or the GitError of VS Code's Git extension
 * (whose `message` is only "Failed to execute git" and whose `stderr` holds the reason).
 */
export function gitErrorText(err: unknown): string {
  if (err && typeof err === 'object' && 'stderr' in err) {
    const stderr = (err as { stderr?: unknown }).stderr;
    if (typeof stderr === 'string' && stderr.trim()) return stderr.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

const PATTERNS: [GitFailureKind, RegExp][] = [
  ['locked', /index\.lock|Another git process seems to be running|Unable to create .*\.lock/i],
  ['conflict', /unmerged|merge conflict|partial commit during a merge|You have not concluded your merge|CONFLICT/i],
  ['identity', /Please tell me who you are|Author identity unknown|no email was given|unable to auto-detect email/i],
  ['rejected', /\[rejected\]|non-fast-forward|fetch first|Updates were rejected|failed to push some refs/i],
  ['auth', /Authentication failed|Permission denied|could not read Username|terminal prompts disabled|returned error: 40[13]/i],
  [
    'unreachable',
    /Could not resolve host|unable to access|Connection (refused|timed out|reset)|Network is unreachable|does not appear to be a git repository|Could not read from remote repository|Repository not found/i,
  ],
];

/** Sorts a failure into a kind (for "once per kind") and keeps git's words. */
export function describeGitFailure(operation: GitOperation, err: unknown): GitFailure {
  const full = gitErrorText(err);
  let kind: GitFailureKind = 'other';
  if (err instanceof GitMissingError) kind = 'git-missing';
  else if (err instanceof Error && err.name === 'SyncStoppedError') kind = 'conflict';
  else if (err instanceof NoRemoteError) kind = 'no-remote';
  else if (err instanceof GitCommandError && err.timedOut) kind = 'timeout';
  else kind = PATTERNS.find(([, re]) => re.test(full))?.[0] ?? 'other';
  return { operation, kind, detail: summarizeGitOutput(full), full };
}

/**
 * The lines of git's output worth a notification: `fatal:`/`error:` lines when there are any
 * (without the prefix), else the first lines; never `hint:` lines. At most 300 characters.
 */
export function summarizeGitOutput(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^hint:/i.test(l));
  const important = lines.filter((l) => /^(fatal|error|remote: error):/i.test(l) || /^! \[/.test(l));
  const chosen = (important.length ? important : lines).slice(0, 3).map((l) => l.replace(/^(fatal|error):\s*/i, ''));
  const joined = chosen.join(' ').replace(/\s+/g, ' ').trim();
  return joined.length > 300 ? `${joined.slice(0, 299)}…` : joined;
}

const VERB: Record<GitOperation, string> = {
  'set-up': 'set up the journal repository',
  commit: 'commit the journal',
  push: 'push the journal',
  'add-remote': 'add the remote to the journal repository',
  sync: 'sync the journal',
  clone: 'bring your existing journal here',
};

/** What happens next on its own, so a hint never promises a retry that won't come. */
export interface RetryContext {
  autoCommit: boolean;
  autoPush: boolean;
}

/** When the operation is tried again: by itself (auto-commit, auto-push), or when the user runs it. */
function retryText(operation: GitOperation, ctx: RetryContext): string {
  if (operation === 'commit') return ctx.autoCommit ? 'the next save commits again' : 'run "Reflect: Commit Journal" to try again';
  if (operation === 'push') return ctx.autoCommit && ctx.autoPush ? 'the next commit pushes again' : 'run "Reflect: Push Journal" to try again';
  if (operation === 'sync') return ctx.autoCommit && ctx.autoPush ? 'Reflect syncs again by itself' : 'run "Reflect: Sync Journal" to try again';
  return 'run the command again';
}

function hint(f: GitFailure, ctx: RetryContext): string {
  const retry = retryText(f.operation, ctx);
  switch (f.kind) {
    case 'git-missing':
      return 'Install git (or set git.path) to keep a history of your journal.';
    case 'no-remote':
      return `Run "Reflect: Set Up Journal Repository" to add a private remote${ctx.autoPush ? ', or turn off reflect.git.autoPush' : ''}.`;
    case 'locked':
      return `Another git process is using the journal repository, or a stale .git/index.lock is left over; ${retry}.`;
    case 'conflict':
      return `The journal repository is in the middle of a merge; finish it in the journal folder, then ${retry}.`;
    case 'identity':
      return 'Set your name and email for git (git config --global user.name / user.email).';
    case 'rejected':
      return 'The remote has commits this journal does not yet have; run "Reflect: Sync Journal" to take them in and push again.';
    case 'unreachable':
    case 'timeout':
      return `${retry[0].toUpperCase()}${retry.slice(1)}.`;
    case 'auth':
      return 'Check your credentials for the remote.';
    case 'other':
      return '';
  }
}

/** The one-notification text: what failed, git's words, what to do (true to the settings), and that nothing was lost. */
export function failureMessage(f: GitFailure, ctx: RetryContext): string {
  if (f.kind === 'git-missing') return 'Reflect: git was not found, so your journal is not committed. Your entries are still saved as Markdown.';
  if (f.kind === 'no-remote') return `Reflect couldn't push the journal: it has no remote. ${hint(f, ctx)} Your entries are saved.`;
  const advice = hint(f, ctx);
  const detail = f.detail ? `: ${f.detail.replace(/[.]$/, '')}.` : '.';
  return `Reflect couldn't ${VERB[f.operation]}${detail}${advice ? ` ${advice}` : ''} Your entries are saved.`;
}

/**
 * Decides which failures reach the user: each kind of failure of an operation once, until that
 * operation succeeds again (then a new failure is news). "Git is missing" is said once, ever.
 */
export class FailureNotices {
  private readonly shown = new OnceEach();

  /** True the first time this operation fails this way since it last succeeded. Records it. */
  shouldShow(f: Pick<GitFailure, 'operation' | 'kind'>): boolean {
    return this.shown.first(f.kind === 'git-missing' ? 'git-missing' : `${f.operation}:${f.kind}`);
  }

  succeeded(operation: GitOperation): void {
    this.shown.forget((key) => key.startsWith(`${operation}:`));
  }
}
