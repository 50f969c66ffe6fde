// What the journal's git commands did, for their callers and the integration tests.
import { GitFailure } from './gitFailures';
import { GitVia, Unpushed } from './journalRepoGit';
import { IntegrateOutcome, SyncCounts } from './remoteSync';

/** What Set Up did. */
export interface SetUpResult {
  folder: string;
  /** True when Reflect ran `git init`; false when it adopted an existing repository. */
  created: boolean;
  via: GitVia;
  /** The enclosing work repository whose info/exclude now hides the journal. */
  excludedFrom?: string;
  remotes: string[];
}

/** Why Reflect did not run git at all: the journal is not a (marked) repository, or it is in an untrusted workspace. */
export type Refusal = { status: 'not-set-up'; reason: string } | { status: 'blocked'; reason: string };

export type PushResult =
  | { status: 'pushed'; remote: string; via: GitVia }
  | { status: 'up-to-date'; remote: string }
  | { status: 'failed'; failure: GitFailure; unpushed?: Unpushed };

/** What Push Journal did; `unpushed` after a failure is what the status bar counts. */
export type PushOutcome = PushResult | Refusal;

/** What Commit Journal (or an auto-commit) did, and the push that followed with autoPush. */
export type CommitOutcome =
  | { status: 'committed'; message: string; files: string[]; via: GitVia; push?: PushResult }
  | { status: 'nothing'; via: GitVia; push?: PushResult }
  | { status: 'failed'; failure: GitFailure }
  | Refusal;

/** What Sync Journal (or an automatic sync) did. */
export type SyncRunOutcome =
  | { status: 'synced'; committed?: string; integrated: IntegrateOutcome; pushed: number; counts?: SyncCounts; via: GitVia }
  | { status: 'no-remote'; committed?: string }
  | { status: 'failed'; failure: GitFailure }
  | Refusal;
