import * as path from 'node:path';
import * as vscode from 'vscode';
import { listMarkdown } from '../../core/journal/journalFiles';
import { describeGitFailure, GitOperation } from '../../core/sync/gitFailures';
import { cloneJournal, holdsNothing, remoteUrl } from '../../core/sync/journalClone';
import { isRepositoryRoot } from '../../core/sync/journalRepo';
import { JournalRepo, preferredRemote } from '../../core/sync/journalRepoGit';
import { SetUpResult, SyncRunOutcome } from '../../core/sync/syncOutcomes';
import { plural } from '../../shared/text';
import { JournalService } from '../journal/journalService';
import { readSettings } from '../settings';
import { GitBackend } from './gitBackend';
import { createOrAdopt, PreparedJournal, startHistory } from './journalCreation';
import { JournalSync, SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

/** What "Use my existing journal" did, on top of what Set Up reports. */
export interface ExistingJournalResult extends SetUpResult {
  /** `cloned`: the folder held nothing, the remote's journal is here now; `joined`: the entries here were merged with it. */
  existing: 'cloned' | 'joined';
  /** The one sync that joined the histories (and pushed this machine's entries), when one ran. */
  sync?: SyncRunOutcome;
}

/** Where the git work left things, before the sync that runs outside the repository's queue. */
type Prepared =
  | { how: 'cloned'; result: SetUpResult; hasHistory: boolean }
  /** An empty repository following the remote, for the sync to fill: git alone could not sign in to clone. */
  | { how: 'fetching'; result: SetUpResult; repo: JournalRepo }
  | { how: 'joined'; result: SetUpResult }
  | undefined;

/**
 * A second machine in one step: the journal another machine pushes to is cloned into an empty
 * journal folder, or, when the folder already holds entries, joined: the folder becomes (or stays)
 * its own repository, the remote is added and one sync merges the two histories. Nothing is
 * overwritten on either side: no checkout over files, no force-push.
 */
export class ExistingJournal {
  constructor(
    private readonly backend: GitBackend,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly journal: JournalService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** `asking`: the user is there to answer a question (adopting an unmarked repository). The caller checked trust. */
  async use(folder: string, url: string, asking: boolean): Promise<ExistingJournalResult | undefined> {
    const prepared = await this.sync.serial(folder, () => this.prepare(folder, url, asking));
    this.status.refresh();
    if (!prepared) return undefined;
    if (prepared.how === 'cloned' && prepared.hasHistory) {
      void this.journal.rescan();
      const entries = (await listMarkdown(path.join(folder, 'entries'))).length;
      void vscode.window.showInformationMessage(`Reflect: ${describeHere(url, entries)}`);
      return { ...prepared.result, existing: 'cloned' };
    }
    // Outside the queue: the sync queues itself. Explicit: the user asked, so a failure is shown
    // (that warning is then the one message) and this machine's entries are pushed whatever reflect.git.sync says.
    let sync = await this.sync.sync(folder, true);
    if (prepared.how === 'fetching' && sync.status === 'synced' && sync.integrated.status === 'remote-empty') {
      // Nothing was ever pushed there: the journal starts here, and goes there.
      const { repo } = prepared;
      const started = await this.sync.serial(folder, () =>
        startHistory(repo).then(
          () => true,
          (err: unknown) => {
            this.notices.fail('set-up', err, true);
            return false;
          },
        ),
      );
      if (started) sync = await this.sync.sync(folder, true);
    }
    if (sync.status === 'synced') {
      if (sync.integrated.status === 'fast-forward' || sync.integrated.status === 'merged') void this.journal.rescan();
      const entries = (await listMarkdown(path.join(folder, 'entries'))).length;
      void vscode.window.showInformationMessage(`Reflect: ${describeJoin(url, prepared.how, sync, entries)}`);
    }
    const existing = prepared.how === 'joined' ? 'joined' : 'cloned';
    return { ...prepared.result, existing, sync };
  }

  private async prepare(folder: string, url: string, asking: boolean): Promise<Prepared> {
    const step: { operation: GitOperation } = { operation: 'set-up' };
    try {
      if (!(await isRepositoryRoot(folder)) && (await holdsNothing(folder))) {
        step.operation = 'clone';
        return await this.cloneInto(folder, url);
      }
      return await this.join(folder, url, asking, step);
    } catch (err) {
      this.notices.fail(step.operation, err, true);
      return undefined;
    }
  }

  private async cloneInto(folder: string, url: string): Promise<Prepared> {
    // The exclude rule first, as for Set Up: the clone must never show up in a work repository around it.
    const outer = await this.gate.protectFromEnclosingRepo(folder);
    let hasHistory: boolean;
    try {
      ({ hasHistory } = await cloneJournal(folder, url, await this.backend.gitPath(folder)));
    } catch (err) {
      const failure = describeGitFailure('clone', err);
      if (failure.kind !== 'auth' || !(await this.backend.api(folder)) || !(await holdsNothing(folder))) throw err;
      // As for fetch and push: only when git alone can't sign in, VS Code's Git extension (its askpass) fetches instead.
      this.log.info(`git could not sign in to ${url} by itself (${failure.detail}); fetching it through VS Code's Git extension instead.`);
      const repo = await this.backend.init(folder);
      await repo.markJournal();
      await repo.addRemote('origin', url);
      return { how: 'fetching', repo, result: { folder, created: false, via: repo.via, excludedFrom: outer?.root, remotes: await repo.remotes() } };
    }
    this.notices.succeeded('clone');
    const repo = await this.backend.open(folder);
    if (hasHistory) await repo.markJournal();
    // Nothing was ever pushed there: the journal starts here, and the sync sends it.
    else await startHistory(repo);
    this.log.info(`Cloned the journal ${url} into ${folder}${hasHistory ? '' : ' (an empty remote: started the journal here)'}.`);
    return { how: 'cloned', hasHistory, result: { folder, created: false, via: repo.via, excludedFrom: outer?.root, remotes: await repo.remotes() } };
  }

  private async join(folder: string, url: string, asking: boolean, step: { operation: GitOperation }): Promise<Prepared> {
    // A journal that already syncs elsewhere is never re-pointed (that could send it somewhere the
    // user did not mean), and nothing is changed in it: asked before anything is marked or committed.
    const remote = (await isRepositoryRoot(folder)) ? preferredRemote(await (await this.backend.cli(folder)).remotes()) : undefined;
    if (remote) {
      const current = await remoteUrl(folder, remote, await this.backend.gitPath(folder));
      if (current !== url) {
        void vscode.window.showWarningMessage(`Reflect: your journal already syncs with ${remote} (${current ?? 'no URL'}), not ${url}. Reflect leaves it as it is; change the remote in the journal folder with git if you mean to.`);
        return undefined;
      }
    }
    const prepared: PreparedJournal | undefined = await createOrAdopt(this.backend, this.gate, folder, asking);
    if (!prepared) return undefined;
    this.notices.succeeded('set-up');
    const { repo, created, outer } = prepared;
    if (!remote) {
      step.operation = 'add-remote';
      await repo.addRemote('origin', url);
      this.notices.succeeded('add-remote');
    }
    this.log.info(`${created ? 'Created' : 'Using'} the journal repository ${folder} with the remote ${url}; joining its history.`);
    return { how: 'joined', result: { folder, created, via: repo.via, excludedFrom: outer?.root, remotes: await repo.remotes() } };
  }
}

function describeJoin(url: string, how: 'cloned' | 'fetching' | 'joined', sync: Extract<SyncRunOutcome, { status: 'synced' }>, entries: number): string {
  if (how !== 'joined' && sync.integrated.status === 'remote-empty') return `the remote at ${url} was empty: your journal starts here${sync.pushed ? ' and is pushed there' : ''}.`;
  if (how !== 'joined') return describeHere(url, entries);
  const { integrated } = sync;
  const taken = integrated.status === 'fast-forward' || integrated.status === 'merged' ? `took in ${plural(integrated.commits, 'commit')} from ${url}` : `joined ${url}`;
  const merged = integrated.status === 'merged' && integrated.files.length > 0 ? `, merged ${plural(integrated.files.length, 'file')} written on both machines` : '';
  const sent = sync.pushed ? ` and sent ${plural(sync.pushed, 'commit')} of this machine's` : '';
  return `your journal ${taken}${merged}${sent}. Nothing was overwritten on either side.`;
}

/** The journal another machine keeps is on this one now. */
function describeHere(url: string, entries: number): string {
  const { git } = readSettings();
  const next = git.autoCommit ? ` Each entry you save is committed${git.sync === 'pullAndPush' ? ' and synced with it' : ''}.` : '';
  return `your journal is here from ${url}: ${plural(entries, 'entry', 'entries')}.${next}`;
}
