import * as vscode from 'vscode';
import { ephemeralJournal } from '../../core/sync/ephemeralMachine';
import { isRepositoryRoot } from '../../core/sync/journalRepo';
import { Disposable, toDisposable } from '../../core/toolkit/lifecycle';
import { realpathOr } from '../../core/toolkit/paths';
import { SettingKey } from '../ids';
import { JournalService } from '../journal/journalService';
import { readSettings } from '../settings';
import { JournalSync } from './journalSync';
import { RepositoryGate } from './repositoryGate';

/** After start-up and the first sync have settled: a notice is not the first thing a new window shows. */
const DELAY_MS = 8_000;
const TOLD_KEY = 'reflect.sync.ephemeralMachineTold';

/**
 * In a dev container or a Codespace, a journal kept only in the container dies with it: said once,
 * ever, when the journal has no remote, offering "Use my existing journal" and automatic push.
 */
export class EphemeralNotice extends Disposable {
  constructor(
    private readonly journal: JournalService,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly state: vscode.Memento,
    private readonly useExisting: () => Promise<unknown>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    if (!vscode.env.remoteName || this.state.get<unknown>(TOLD_KEY) === true) return;
    const timer = setTimeout(() => void this.check().catch((err: unknown) => this.log.warn(`Could not check whether the journal outlives this machine: ${err instanceof Error ? err.message : String(err)}`)), DELAY_MS);
    this.register(toDisposable(() => clearTimeout(timer)));
  }

  private async check(): Promise<void> {
    const folder = this.journal.journalFolder();
    if (!folder) return;
    const workspace = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => realpathOr(f.uri.fsPath)));
    const kind = ephemeralJournal(vscode.env.remoteName, await realpathOr(folder), workspace);
    if (!kind || !(await this.hasNoRemote(folder))) return;
    await this.state.update(TOLD_KEY, true);
    const existing = 'Use My Existing Journal';
    const pushOn = 'Push Automatically';
    const pushing = readSettings().git.sync === 'pullAndPush';
    const how = pushing ? ' Once it has a remote, each entry is pushed as you write it.' : '';
    const choice = await vscode.window.showWarningMessage(
      `Reflect: this ${kind} goes away with everything in it, your journal at ${folder} too. Bring your existing journal here, and push each entry as you write it, to keep them.${how}`,
      ...(pushing ? [existing] : [existing, pushOn]),
      'Not Now',
    );
    if (choice === existing) await this.useExisting();
    else if (choice === pushOn) {
      await vscode.workspace.getConfiguration().update(SettingKey.gitSync, 'pullAndPush', vscode.ConfigurationTarget.Global);
      vscode.window.setStatusBarMessage('$(check) Reflect: the journal is pushed by itself once it has a remote', 5000);
    }
  }

  /** No remote: not a repository, or one without remotes. Git never runs in an untrusted folder: then it is not asked. */
  private async hasNoRemote(folder: string): Promise<boolean> {
    if (!(await isRepositoryRoot(folder))) return true;
    if (await this.gate.untrustedHolder(folder)) return false;
    return !(await this.sync.hasRemote(folder));
  }
}
