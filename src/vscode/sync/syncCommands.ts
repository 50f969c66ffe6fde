import * as vscode from 'vscode';
import { CommitOutcome, PushOutcome } from '../../core/sync/syncOutcomes';
import { CommandId, SettingKey } from '../ids';
import { showJournalError } from '../journal/journalErrors';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';
import { AutoCommit } from './autoCommit';
import { GitBackend } from './gitBackend';
import { JournalSync } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SetUpWizard } from './setUp';
import { SyncNotices } from './syncNotices';
import { SyncStatusBar } from './syncStatusBar';

/** The journal's own git repository: Set Up, auto-commit on save, Commit Journal, Push Journal, and the "not yet pushed" status. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const { journal, log } = services;
  const backend = new GitBackend(log);
  const notices = new SyncNotices(log);
  const gate = new RepositoryGate(backend, notices, log);
  const status = new SyncStatusBar(journal, backend, gate);
  const sync = new JournalSync(gate, notices, status, log);
  const autoCommit = new AutoCommit(journal, gate, sync, notices, log);
  const setUp = new SetUpWizard(backend, gate, sync, notices, status, log);
  status.refresh();

  context.subscriptions.push(
    status,
    autoCommit,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SettingKey.journalFolder)) {
        autoCommit.open();
        status.refresh();
      } else if (e.affectsConfiguration(SettingKey.gitAutoCommit) || e.affectsConfiguration(SettingKey.gitAutoPush)) {
        autoCommit.poke();
        status.refresh();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      autoCommit.poke();
      status.refresh();
    }),
    vscode.commands.registerCommand(CommandId.setUpJournalRepository, (options?: unknown) => setUp.run(options)),
    vscode.commands.registerCommand(CommandId.commitJournal, () => commitNow(services, autoCommit, sync)),
    vscode.commands.registerCommand(CommandId.pushJournal, () => pushNow(services, sync)),
  );
}

/** The journal folder for a command, or undefined after telling the user why it can't be used. */
function commandFolder(services: Services): string | undefined {
  try {
    return journalFolderOf(readSettings());
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}

/** Reflect: Commit Journal. */
async function commitNow(services: Services, autoCommit: AutoCommit, sync: JournalSync): Promise<CommitOutcome | undefined> {
  const folder = commandFolder(services);
  if (!folder) return undefined;
  autoCommit.cancelPending(folder); // this commit includes what the batcher was waiting for
  const outcome = await sync.commit(folder, true);
  if (outcome.status === 'committed') vscode.window.setStatusBarMessage(`$(check) Reflect: committed "${outcome.message}"`, 4000);
  else if (outcome.status === 'nothing') vscode.window.setStatusBarMessage('$(check) Reflect: nothing to commit in the journal', 4000);
  return outcome;
}

/** Reflect: Push Journal (also the status bar item's click). */
async function pushNow(services: Services, sync: JournalSync): Promise<PushOutcome | undefined> {
  const folder = commandFolder(services);
  if (!folder) return undefined;
  const outcome = await sync.push(folder);
  if (outcome.status === 'pushed') vscode.window.setStatusBarMessage(`$(check) Reflect: journal pushed to ${outcome.remote}`, 4000);
  else if (outcome.status === 'up-to-date') vscode.window.setStatusBarMessage(`$(check) Reflect: ${outcome.remote} already has every journal commit`, 4000);
  return outcome;
}
