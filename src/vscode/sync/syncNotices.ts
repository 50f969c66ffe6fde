import * as vscode from 'vscode';
import { describeGitFailure, failureMessage, FailureNotices, GitFailure, GitOperation } from '../../core/sync/gitFailures';
import { OnceEach } from '../../core/toolkit/onceEach';
import { BuiltInCommand, CommandId, SettingKey } from '../ids';
import { readSettings } from '../settings';

/**
 * What the journal's git tells the user, and how often: a failure once per kind until that
 * operation succeeds again (always when the user asked for the operation), other notes once.
 */
export class SyncNotices {
  private readonly once = new OnceEach();
  private readonly failures = new FailureNotices();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  logOnce(key: string, message: string): void {
    if (this.once.first(key)) this.log.info(message);
  }

  succeeded(operation: GitOperation): void {
    this.failures.succeeded(operation);
  }

  /** Logs a failure in full; shows it once per kind (always when the user asked for the operation). */
  fail(operation: GitOperation, err: unknown, explicit: boolean): GitFailure {
    const failure = describeGitFailure(operation, err);
    this.log.error(`Journal ${operation} failed (${failure.kind}): ${failure.full}`);
    if (this.failures.shouldShow(failure) || explicit) void this.showFailure(failure);
    return failure;
  }

  private async showFailure(failure: GitFailure): Promise<void> {
    const output = 'Show Output';
    const turnOff = 'Turn Off Auto-Commit';
    const setUp = 'Set Up Journal Repository';
    const actions = failure.kind === 'git-missing' ? [turnOff, output] : failure.kind === 'no-remote' ? [setUp, output] : [output];
    const choice = await vscode.window.showWarningMessage(failureMessage(failure, readSettings().git), ...actions);
    if (choice === output) this.log.show(true);
    else if (choice === turnOff) await vscode.workspace.getConfiguration().update(SettingKey.gitAutoCommit, false, vscode.ConfigurationTarget.Global);
    else if (choice === setUp) await vscode.commands.executeCommand(CommandId.setUpJournalRepository);
  }

  /** Says why git did not run in an untrusted workspace: logged always, shown once unless the user asked. */
  untrusted(reason: string, holder: string, explicit: boolean): void {
    this.log.warn(reason);
    if (!this.once.first(`untrusted:${holder}`) && !explicit) return;
    const manage = 'Manage Workspace Trust';
    void vscode.window.showWarningMessage(reason, manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand(BuiltInCommand.manageTrust);
    });
  }

  async offerSetUp(reason: string): Promise<void> {
    const setUp = 'Set Up Journal Repository';
    if ((await vscode.window.showInformationMessage(`Reflect: ${reason}`, setUp)) === setUp) await vscode.commands.executeCommand(CommandId.setUpJournalRepository);
  }
}
