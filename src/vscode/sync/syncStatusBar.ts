import * as vscode from 'vscode';
import { isRepositoryRoot } from '../../core/sync/journalRepo';
import { syncCounts } from '../../core/sync/remoteSync';
import { Sequencer } from '../../core/toolkit/async';
import { Disposable } from '../../core/toolkit/lifecycle';
import { plural } from '../../shared/text';
import { CommandId, StatusBarId } from '../ids';
import { JournalService } from '../journal/journalService';
import { GitBackend } from './gitBackend';
import { SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';

/**
 * The sync item, "↑2 ↓1": commits of this machine not yet on the remote, and the remote's not yet
 * taken in (as last fetched). Shown only while a remote exists and the two differ. Click syncs.
 */
export class SyncStatusBar extends Disposable implements SyncStatus {
  private readonly item = this.register(vscode.window.createStatusBarItem(StatusBarId.journalSync, vscode.StatusBarAlignment.Left, 10));
  private readonly renders = new Sequencer();
  lastPushFailure: string | undefined;

  constructor(
    private readonly journal: JournalService,
    private readonly backend: GitBackend,
    private readonly gate: RepositoryGate,
  ) {
    super();
    this.item.name = 'Reflect Journal Sync';
    this.item.command = CommandId.syncJournal;
    // The user may have pushed or committed from a terminal meanwhile.
    this.register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.refresh();
      }),
    );
  }

  busy(): void {
    this.item.text = '$(sync~spin) Reflect'; // shows only if the item is visible
  }

  refresh(): void {
    void this.renders.queue(() => this.render()).catch(() => this.item.hide());
  }

  private async render(): Promise<void> {
    const folder = this.journal.journalFolder();
    if (!folder || !(await isRepositoryRoot(folder)) || (await this.gate.untrustedHolder(folder))) return this.item.hide();
    const repo = await this.backend.cli(folder);
    if (!(await repo.isMarkedJournal())) return this.item.hide();
    const [unpushed, counts] = await Promise.all([repo.unpushed(), syncCounts(folder, await this.backend.gitPath(folder))]);
    if (folder !== this.journal.journalFolder()) return; // the journal changed meanwhile; its own refresh follows
    if (!unpushed || !counts || (counts.ahead === 0 && counts.behind === 0)) return this.item.hide();
    const mine = counts.ahead > 0 ? (unpushed.entries > 0 ? plural(unpushed.entries, 'entry', 'entries') : plural(counts.ahead, 'commit')) : '';
    const theirs = counts.behind > 0 ? plural(counts.behind, 'commit') : '';
    this.item.text = ['$(sync)', counts.ahead ? `↑${counts.ahead}` : '', counts.behind ? `↓${counts.behind}` : ''].filter(Boolean).join(' ');
    const lines = [
      mine ? `${mine} not yet sent to ${counts.remote}.` : '',
      theirs ? `${theirs} from ${counts.remote} not yet taken in.` : '',
      'Click to sync now.',
      this.lastPushFailure ? `Last sync failed: ${this.lastPushFailure}` : '',
    ].filter(Boolean);
    this.item.tooltip = `Reflect journal: ${lines.join('\n')}`;
    this.item.accessibilityInformation = { label: `Reflect journal: ${lines.slice(0, 2).filter(Boolean).join(' ')} Activate to sync now.` };
    this.item.show();
  }
}
