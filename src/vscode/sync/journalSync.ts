import * as os from 'node:os';
import * as vscode from 'vscode';
import { describeGitFailure, GitOperation, NoRemoteError } from '../../core/sync/gitFailures';
import { commitMessage } from '../../core/sync/journalRepo';
import { GitVia, JournalRepo, Unpushed } from '../../core/sync/journalRepoGit';
import { syncJournal } from '../../core/sync/remoteSync';
import { CommitOutcome, PushOutcome, PushResult, SyncRunOutcome } from '../../core/sync/syncOutcomes';
import { KeyedSequencer, sleep } from '../../core/toolkit/async';
import { plural } from '../../shared/text';
import { readSettings } from '../settings';
import { GitBackend } from './gitBackend';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

/** Another window (or VS Code's Git extension) may hold index.lock for a moment: try again before saying so. */
const LOCK_RETRIES = 3;

/** What commits and pushes report to: the status bar. */
export interface SyncStatus {
  refresh(): void;
  /** A push is under way. */
  busy(): void;
  /** The last push's failure, shown in the tooltip until a push succeeds. */
  lastPushFailure: string | undefined;
}

/** This machine, as commits name it and as a merge marks a paragraph kept from both sides. */
export function machineName(): string {
  return os.hostname().split('.')[0] || 'this machine';
}

export function describeVia(via: GitVia): string {
  return via === 'vscode.git' ? "VS Code's Git extension" : 'the git executable';
}

/** Commit and push in the journal's own repository, one git operation at a time per repository. */
export class JournalSync {
  private readonly git = new KeyedSequencer();

  constructor(
    private readonly gate: RepositoryGate,
    private readonly backend: GitBackend,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Whether the journal repository at `folder` has a remote to sync with (read-only, no network). */
  async hasRemote(folder: string): Promise<boolean> {
    return (await (await this.backend.cli(folder)).remotes().catch(() => [])).length > 0;
  }

  /** Runs git work in `folder` after every earlier git work there: never two at a time from this window. */
  serial<T>(folder: string, work: () => Promise<T>): Promise<T> {
    return this.git.queue(folder, work);
  }

  /** Commits every pending journal change (and pushes, with autoPush). Never throws. */
  commit(folder: string, explicit: boolean): Promise<CommitOutcome> {
    return this.serial(folder, async (): Promise<CommitOutcome> => {
      let repo: JournalRepo;
      let committed: { message: string; files: string[] } | undefined;
      try {
        const gate = await this.gate.open(folder, explicit);
        if (gate.status !== 'open') return gate;
        repo = gate.repo;
        committed = await this.withLockRetry('commit', async () => {
          const changes = await repo.pendingChanges();
          if (changes.length === 0) return undefined;
          const message = commitMessage(changes, machineName());
          return (await repo.commit(changes, message)) ? { message, files: changes.map((c) => c.path) } : undefined;
        });
        this.notices.succeeded('commit');
        if (committed) this.log.info(`Committed "${committed.message.split('\n')[0]}" (${plural(committed.files.length, 'file')}) in ${folder} via ${describeVia(repo.via)}.`);
      } catch (err) {
        this.status.refresh();
        return { status: 'failed', failure: this.notices.fail('commit', err, explicit) };
      }
      const push = readSettings().git.autoPush ? await this.pushIn(repo, explicit, true) : undefined;
      this.status.refresh();
      return committed ? { status: 'committed', ...committed, message: committed.message.split('\n')[0], via: repo.via, push } : { status: 'nothing', via: repo.via, push };
    });
  }

  /**
   * Commits what is pending (with auto-commit, or when the user asked), fetches, takes in the other
   * machines' entries (merging files by their structure) and pushes. Never throws. An automatic sync
   * that finds no network says nothing: it is tried again later.
   */
  sync(folder: string, explicit: boolean): Promise<SyncRunOutcome> {
    return this.serial(folder, async (): Promise<SyncRunOutcome> => {
      let repo: JournalRepo;
      try {
        const gate = await this.gate.open(folder, explicit);
        if (gate.status !== 'open') return gate;
        repo = gate.repo;
      } catch (err) {
        return { status: 'failed', failure: this.notices.fail('sync', err, explicit) };
      }
      const settings = readSettings();
      this.status.busy();
      try {
        const outcome = await this.withLockRetry('sync', async () =>
          syncJournal(repo, {
            machine: machineName(),
            commitPending: explicit || settings.git.autoCommit,
            push: explicit || settings.git.sync === 'pullAndPush' || settings.git.autoPush,
            gitPath: await this.backend.gitPath(folder),
          }),
        );
        this.notices.succeeded('sync');
        this.notices.succeeded('push');
        this.status.lastPushFailure = undefined;
        for (const file of outcome.integrated.status === 'merged' ? outcome.integrated.files : []) {
          this.log.info(`Merged ${file.path} from both machines: ${file.notes.join('; ')}`);
        }
        this.log.info(`Synced ${folder}: ${describeSync(outcome.integrated.status)}, ${plural(outcome.pushed, 'commit')} pushed${outcome.committed ? `, committed "${outcome.committed}"` : ''}.`);
        if (outcome.integrated.status === 'no-remote') return { status: 'no-remote', committed: outcome.committed };
        return { status: 'synced', ...outcome, via: repo.via };
      } catch (err) {
        const failure = describeGitFailure('sync', err);
        // Offline is normal for a laptop: an automatic sync logs it and tries again later.
        const quiet = !explicit && (failure.kind === 'unreachable' || failure.kind === 'timeout');
        if (quiet) this.log.info(`Sync of ${folder} skipped: ${failure.detail} (tried again later).`);
        const shown = quiet ? failure : this.notices.fail('sync', err, explicit);
        this.status.lastPushFailure = shown.detail;
        return { status: 'failed', failure: shown };
      } finally {
        this.status.refresh();
      }
    });
  }

  /** Pushes whatever is not on the remote yet; the user asked for it. Never throws. */
  push(folder: string): Promise<PushOutcome> {
    return this.serial(folder, async (): Promise<PushOutcome> => {
      let repo: JournalRepo;
      try {
        const gate = await this.gate.open(folder, true);
        if (gate.status !== 'open') return gate;
        repo = gate.repo;
      } catch (err) {
        return { status: 'failed', failure: this.notices.fail('push', err, true) };
      }
      this.status.busy();
      const outcome = await this.pushIn(repo, true, false);
      this.status.refresh();
      return outcome;
    });
  }

  /** Pushes if anything is unpushed. `quietWhenCurrent`: an auto-push with nothing new does not touch the network. */
  private async pushIn(repo: JournalRepo, explicit: boolean, quietWhenCurrent: boolean): Promise<PushResult> {
    let unpushed: Unpushed | undefined;
    try {
      unpushed = await repo.unpushed();
      if (!unpushed) throw new NoRemoteError();
      if (unpushed.commits === 0 && quietWhenCurrent) return { status: 'up-to-date', remote: unpushed.remote };
      await this.withLockRetry('push', () => repo.push());
    } catch (err) {
      const failure = this.notices.fail('push', err, explicit);
      this.status.lastPushFailure = failure.detail;
      return { status: 'failed', failure, unpushed: await repo.unpushed().catch(() => unpushed) };
    }
    this.notices.succeeded('push');
    this.status.lastPushFailure = undefined;
    this.log.info(`Pushed the journal to ${unpushed.remote} via ${describeVia(repo.via)}.`);
    return unpushed.commits === 0 ? { status: 'up-to-date', remote: unpushed.remote } : { status: 'pushed', remote: unpushed.remote, via: repo.via };
  }

  /** Another window, or the Git extension refreshing, can hold index.lock for a moment. */
  private async withLockRetry<T>(operation: GitOperation, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (attempt > LOCK_RETRIES || describeGitFailure(operation, err).kind !== 'locked') throw err;
        await sleep(400 * attempt);
      }
    }
  }
}

function describeSync(status: string): string {
  switch (status) {
    case 'fast-forward':
      return 'took in the remote\'s commits';
    case 'merged':
      return 'merged the remote\'s commits';
    case 'remote-empty':
      return 'the remote had no branch yet';
    case 'up-to-date':
      return 'the remote had nothing new';
    default:
      return 'no remote';
  }
}
