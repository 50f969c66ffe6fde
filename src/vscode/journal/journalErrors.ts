import * as vscode from 'vscode';
import { JournalFolderError } from '../../core/journal/journalFiles';
import { BuiltInCommand, SettingKey } from '../ids';

/**
 * Tells the user why the journal folder can't be used, naming the path and the setting, with a
 * button that opens the setting. Other errors are shown as they are. Not awaited by commands: the
 * message waits for the user.
 */
export async function showJournalError(err: unknown, log: vscode.LogOutputChannel): Promise<void> {
  log.error(err instanceof Error ? err.stack ?? err.message : String(err));
  if (!(err instanceof JournalFolderError)) {
    const choice = await vscode.window.showErrorMessage(`Reflect: ${err instanceof Error ? err.message : String(err)}`, 'Show Output');
    if (choice) log.show(true);
    return;
  }
  const change = 'Change Journal Folder';
  const choice = await vscode.window.showErrorMessage(
    `Reflect can't write to the journal folder "${err.folder}": ${err.reason}. Set another folder in the setting ${SettingKey.journalFolder}.`,
    change,
  );
  if (choice === change) await vscode.commands.executeCommand(BuiltInCommand.openSettings, SettingKey.journalFolder);
}
