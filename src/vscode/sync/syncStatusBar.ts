import * as vscode from 'vscode';
import { isRepositoryRoot } from '../../core/sync/journalRepo';
import { Sequencer } from '../../core/toolkit/async';
import { Disposable } from '../../core/toolkit/lifecycle';
import { plural } from '../../shared/text';
import { CommandId, StatusBarId } from '../ids';
import { JournalService } from '../journal/journalService';
import { GitBackend } from './gitBackend';
import { SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';

/** The "not yet pushed" item: shown only while a remote exists and commits are waiting. Click pushes. */
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
    this.item.command = CommandId.pushJournal;
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
    const unpushed = (await repo.isMarkedJournal()) ? await repo.unpushed() : undefined;
    if (folder !== this.journal.journalFolder()) return; // the journal changed meanwhile; its own refresh follows
    if (!unpushed || unpushed.commits === 0) return this.item.hide();
    const what = unpushed.entries > 0 ? plural(unpushed.entries, 'entry', 'entries') : plural(unpushed.commits, 'commit');
    this.item.text = `$(cloud-upload) ${unpushed.entries || unpushed.commits}`;
    this.item.tooltip = `Reflect: ${what} not yet pushed to ${unpushed.remote}. Click to push now.${this.lastPushFailure ? `\nLast push failed: ${this.lastPushFailure}` : ''}`;
    this.item.accessibilityInformation = { label: `Reflect journal: ${what} not yet pushed to ${unpushed.remote}. Activate to push now.` };
    this.item.show();
  }
}
