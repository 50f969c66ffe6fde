import * as vscode from 'vscode';
import { CommitBatcher } from '../../core/sync/commitBatcher';
import { BeforeHooks } from '../../core/toolkit/beforeHooks';
import { isJournalPath, isRepositoryRoot } from '../../core/sync/journalRepo';
import { Disposable, DisposableStore, toDisposable } from '../../core/toolkit/lifecycle';
import { relativeInside } from '../../core/toolkit/paths';
import { JournalService } from '../journal/journalService';
import { readSettings } from '../settings';
import { FirstEntryRepository } from './firstEntryRepository';
import { JournalSync } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

/** Saves closer together than this make one commit. */
const QUIET_MS = 2_000;
/** …but someone saving every second still gets a commit this often. */
const MAX_WAIT_MS = 30_000;

/** Commits the journal a moment after its files change, in VS Code or not (reflect.git.autoCommit). */
export class AutoCommit extends Disposable {
  private folder: string | undefined;
  private batcher: CommitBatcher | undefined;
  /** A journal file was written in the folder since it was opened: what makes a plain folder a repository. */
  private written = false;
  private readonly folderScope = this.register(new DisposableStore());

  constructor(
    private readonly journal: JournalService,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly notices: SyncNotices,
    private readonly firstEntry: FirstEntryRepository,
    beforeNewEntry: BeforeHooks<string>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(toDisposable(() => this.batcher?.dispose()));
    // Reflect is about to write a new entry: in a journal folder just chosen, or not created yet,
    // the watchers may still be starting and miss it, and a plain folder would stay one.
    this.register(
      beforeNewEntry.add(async (folder) => {
        if (folder !== this.folder || (await isRepositoryRoot(folder))) return;
        this.written = true;
        this.batcher?.changed();
      }),
    );
    this.open();
  }

  /** (Re)starts following the journal the settings point at; changes left in the previous one are committed there. */
  open(): void {
    const previous = this.batcher;
    if (previous) void previous.flush().finally(() => previous.dispose());
    this.folderScope.clear();
    const folder = this.journal.journalFolder();
    this.folder = folder;
    this.batcher = undefined;
    this.written = false;
    if (!folder) return;
    const batcher = new CommitBatcher({
      quietMs: QUIET_MS,
      maxWaitMs: MAX_WAIT_MS,
      run: () => this.autoCommit(folder),
      onError: (err) => this.log.error(`Auto-commit of ${folder}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`),
    });
    this.batcher = batcher;
    // Saves in VS Code, Reflect's own writes and edits made outside VS Code, as the journal's
    // watchers report them (one set of watchers for every feature). Each only triggers a commit
    // of whatever is pending.
    this.folderScope.add(
      this.journal.onDidChangeFile((file) => {
        const rel = relativeInside(folder, file);
        if (!rel || !isJournalPath(rel)) return;
        this.written = true;
        batcher.changed();
      }),
    );
    // Whatever was left uncommitted (written while VS Code was closed, or a failed commit) goes in now.
    batcher.changed();
  }

  /** Something may be committable now (a setting changed, the workspace became trusted). */
  poke(): void {
    if (readSettings().git.autoCommit) this.batcher?.changed();
  }

  /** The user commits `folder` now: what the batcher was waiting for is in that commit. */
  cancelPending(folder: string): void {
    if (folder === this.folder) this.batcher?.cancel();
  }

  private async autoCommit(folder: string): Promise<void> {
    await this.gate.protectFromEnclosingRepo(folder);
    if (!readSettings().git.autoCommit) return;
    if (!(await isRepositoryRoot(folder))) {
      // Only a write makes a plain folder a repository: opening a journal (or a setting changing) never does.
      if (!this.written || folder !== this.folder) {
        this.notices.logOnce(`no-repo:${folder}`, `The journal ${folder} is not a git repository yet; the next entry written there makes it one (or run "Reflect: Set Up Journal Repository").`);
        return;
      }
      // The entry was committed with the new repository, and there is no remote to push to yet.
      if ((await this.firstEntry.start(folder)) !== 'exists') return;
    }
    // With a remote and automatic sync, the commit travels at once (and the other machines' come in).
    if (readSettings().git.sync !== 'off' && (await this.sync.hasRemote(folder))) await this.sync.sync(folder, false);
    else await this.sync.commit(folder, false);
  }
}
