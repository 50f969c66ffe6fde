import * as vscode from 'vscode';
import { CommitOutcome, PushOutcome, SyncRunOutcome } from '../../core/sync/syncOutcomes';
import { plural } from '../../shared/text';
import { CommandId, SettingKey } from '../ids';
import { showJournalError } from '../journal/journalErrors';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';
import { AutoCommit } from './autoCommit';
import { GitBackend } from './gitBackend';
import { AutoSync } from './autoSync';
import { EphemeralNotice } from './ephemeralNotice';
import { ExistingJournal } from './existingJournal';
import { FirstEntryRepository } from './firstEntryRepository';
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
  const sync = new JournalSync(gate, backend, notices, status, log);
  const firstEntry = new FirstEntryRepository(backend, gate, sync, notices, status, journal, context.globalState, log);
  const autoCommit = new AutoCommit(journal, gate, sync, notices, firstEntry, services.beforeNewEntry, log);
  const autoSync = new AutoSync(journal, sync, services);
  const existing = new ExistingJournal(backend, gate, sync, notices, status, journal, log);
  const setUp = new SetUpWizard(backend, gate, sync, existing, notices, status, log);
  status.refresh();

  context.subscriptions.push(
    status,
    autoCommit,
    autoSync,
    new EphemeralNotice(journal, gate, sync, context.globalState, () => setUp.useExisting(), log),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SettingKey.journalFolder)) {
        autoCommit.open();
        status.refresh();
      } else if (e.affectsConfiguration(SettingKey.gitAutoCommit) || e.affectsConfiguration(SettingKey.gitAutoPush) || e.affectsConfiguration(SettingKey.gitSync)) {
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
    vscode.commands.registerCommand(CommandId.syncJournal, () => syncNow(services, autoCommit, sync)),
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

/** Reflect: Sync Journal (also the status bar item's click): commit, take in the other machines' entries, push. */
async function syncNow(services: Services, autoCommit: AutoCommit, sync: JournalSync): Promise<SyncRunOutcome | undefined> {
  const folder = commandFolder(services);
  if (!folder) return undefined;
  autoCommit.cancelPending(folder); // this sync commits what the batcher was waiting for
  const outcome = await sync.sync(folder, true);
  if (outcome.status === 'no-remote') {
    const setUp = 'Set Up Journal Repository';
    const choice = await vscode.window.showInformationMessage('Reflect: your journal has no remote to sync with yet. Add a private one (an empty repository on your git host) to keep it on every machine.', setUp);
    if (choice === setUp) await vscode.commands.executeCommand(CommandId.setUpJournalRepository);
  } else if (outcome.status === 'synced') {
    vscode.window.setStatusBarMessage(`$(check) Reflect: ${describeSynced(outcome)}`, 5000);
    if (outcome.integrated.status !== 'up-to-date') void services.journal.rescan();
  }
  return outcome;
}

function describeSynced(outcome: Extract<SyncRunOutcome, { status: 'synced' }>): string {
  const taken = outcome.integrated.status === 'fast-forward' || outcome.integrated.status === 'merged' ? plural(outcome.integrated.commits, 'commit') : '';
  const merged = outcome.integrated.status === 'merged' && outcome.integrated.files.length > 0 ? ` (${plural(outcome.integrated.files.length, 'file')} changed on both machines, merged)` : '';
  const parts = [taken ? `took in ${taken}${merged}` : '', outcome.pushed ? `sent ${plural(outcome.pushed, 'commit')}` : ''].filter(Boolean);
  return parts.length ? `journal synced: ${parts.join(', ')}` : 'the journal is in sync';
}
