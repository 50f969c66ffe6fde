import * as vscode from 'vscode';
import { isRepositoryRoot } from '../../core/sync/journalRepo';
import { Disposable, toDisposable } from '../../core/toolkit/lifecycle';
import { JournalService } from '../journal/journalService';
import { Services } from '../services';
import { readSettings } from '../settings';
import { JournalSync } from './journalSync';

/** After start-up, once the window has settled and the index is loading: the first sync. */
const STARTUP_DELAY_MS = 3_000;
/** Coming back to the window after this long (lunch, another app) syncs again. */
const FOCUS_AFTER_MS = 5 * 60_000;
/** Before a new entry, a pull this recent is enough. */
const FRESH_MS = 60_000;
/** How long a new entry waits for the pull before it is created anyway (offline, a slow remote). */
const PULL_FIRST_TIMEOUT_MS = 5_000;

/**
 * Syncs the journal by itself when a remote exists and `reflect.git.sync` is not off: on start-up,
 * when the window regains focus after a while, and before today's entry is created (pull first, so
 * a second machine never writes a rival, empty entry). Auto-commit syncs after each commit.
 */
export class AutoSync extends Disposable {
  private lastSync = 0;
  private startup: NodeJS.Timeout | undefined;

  constructor(
    private readonly journal: JournalService,
    private readonly sync: JournalSync,
    services: Services,
  ) {
    super();
    this.startup = setTimeout(() => void this.run('start-up'), STARTUP_DELAY_MS);
    this.register(toDisposable(() => clearTimeout(this.startup)));
    this.register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && Date.now() - this.lastSync >= FOCUS_AFTER_MS) void this.run('focus');
      }),
    );
    this.register(services.beforeNewEntry.add((folder) => this.pullFirst(folder)));
  }

  /** Whether automatic sync is on for the journal the settings point at (a remote is checked by the sync itself). */
  private enabled(): boolean {
    const { git } = readSettings();
    return git.sync !== 'off' && vscode.workspace.isTrusted;
  }

  /** One automatic sync; says nothing when offline or when the journal has no remote. */
  async run(why: string): Promise<void> {
    const folder = this.journal.journalFolder();
    if (!folder || !this.enabled() || !(await isRepositoryRoot(folder))) return;
    this.lastSync = Date.now();
    const outcome = await this.sync.sync(folder, false);
    if (outcome.status === 'synced' && outcome.integrated.status !== 'up-to-date') {
      // The other machines' entries are on disk now: the index hears of them through its watchers,
      // and a rescan covers a watcher that missed a burst of files.
      void this.journal.rescan();
    }
    if (why === 'before-new-entry' && outcome.status === 'failed') this.lastSync = 0;
  }

  private async pullFirst(folder: string): Promise<void> {
    if (folder !== this.journal.journalFolder() || Date.now() - this.lastSync < FRESH_MS || !this.enabled()) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, PULL_FIRST_TIMEOUT_MS)));
    try {
      await Promise.race([this.run('before-new-entry'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
