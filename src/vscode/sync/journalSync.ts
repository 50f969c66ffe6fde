import * as vscode from 'vscode';
import { describeGitFailure, GitOperation, NoRemoteError } from '../../core/sync/gitFailures';
import { commitMessage } from '../../core/sync/journalRepo';
import { GitVia, JournalRepo, Unpushed } from '../../core/sync/journalRepoGit';
import { CommitOutcome, PushOutcome, PushResult } from '../../core/sync/syncOutcomes';
import { KeyedSequencer, sleep } from '../../core/toolkit/async';
import { plural } from '../../shared/text';
import { readSettings } from '../settings';
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

export function describeVia(via: GitVia): string {
  return via === 'vscode.git' ? "VS Code's Git extension" : 'the git executable';
}

/** Commit and push in the journal's own repository, one git operation at a time per repository. */
export class JournalSync {
  private readonly git = new KeyedSequencer();

  constructor(
    private readonly gate: RepositoryGate,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly log: vscode.LogOutputChannel,
  ) {}

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
          const message = commitMessage(changes);
          return (await repo.commit(changes, message)) ? { message, files: changes.map((c) => c.path) } : undefined;
        });
        this.notices.succeeded('commit');
        if (committed) this.log.info(`Committed "${committed.message}" (${plural(committed.files.length, 'file')}) in ${folder} via ${describeVia(repo.via)}.`);
      } catch (err) {
        this.status.refresh();
        return { status: 'failed', failure: this.notices.fail('commit', err, explicit) };
      }
      const push = readSettings().git.autoPush ? await this.pushIn(repo, explicit, true) : undefined;
      this.status.refresh();
      return committed ? { status: 'committed', ...committed, via: repo.via, push } : { status: 'nothing', via: repo.via, push };
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
