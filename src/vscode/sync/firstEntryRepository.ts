import * as path from 'node:path';
import * as vscode from 'vscode';
import { pathExists } from '../../core/journal/journalFiles';
import { isRepositoryRoot, JOURNAL_PATHSPECS } from '../../core/sync/journalRepo';
import { realpathOr } from '../../core/toolkit/paths';
import { JournalService } from '../journal/journalService';
import { readSettings } from '../settings';
import { GitBackend } from './gitBackend';
import { askRemoteUrl, createJournalRepository } from './journalCreation';
import { describeVia, JournalSync, SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

/** Journal folders (real paths) already told that they keep their history in a repository of their own. */
const TOLD_KEY = 'reflect.sync.personalRepositoryTold';

export type FirstEntryStart = 'created' | 'exists' | 'skipped';

/**
 * A personal repository from the first entry: with auto-commit on, the first time Reflect sees a
 * journal file written into a folder that is not a repository, it makes it one (exactly as Set Up
 * does) and commits the entry, then says so once, ever, per journal folder, offering a remote.
 * A folder that already is a repository is never adopted here: that takes Set Up and its question.
 */
export class FirstEntryRepository {
  constructor(
    private readonly backend: GitBackend,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly journal: JournalService,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Makes `folder` its own repository with the entries in it committed. `exists` when it already
   * was one by the time git could run (Set Up, another window); `skipped` when git may not run
   * (an untrusted workspace: it happens once trust is granted) or it failed (said once).
   */
  async start(folder: string): Promise<FirstEntryStart> {
    // A write that failed (an unwritable folder) or an entry deleted again leaves nothing to keep.
    if (!(await holdsJournalFiles(folder))) return 'skipped';
    if (await this.gate.untrustedHolder(folder)) {
      this.notices.logOnce(`first-entry-untrusted:${folder}`, `The journal ${folder} is inside an untrusted workspace folder: Reflect makes it a git repository once you trust the workspace.`);
      return 'skipped';
    }
    const outcome = await this.sync.serial(folder, async (): Promise<FirstEntryStart> => {
      if (await isRepositoryRoot(folder)) return 'exists';
      try {
        const { repo, outer } = await createJournalRepository(this.backend, this.gate, folder);
        this.notices.succeeded('set-up');
        this.notices.succeeded('commit');
        this.log.info(`Made the journal ${folder} a git repository of its own via ${describeVia(repo.via)}${outer ? `, hidden from the repository at ${outer.root}` : ''}, and committed its entries.`);
        return 'created';
      } catch (err) {
        this.notices.fail('set-up', err, false);
        return 'skipped';
      }
    });
    this.status.refresh();
    if (outcome === 'created') void this.tellOnce(folder);
    return outcome;
  }

  /** Said once, ever, per journal folder: remembered before it is shown, so "Not Now" (or closing it) is final. */
  private async tellOnce(folder: string): Promise<void> {
    const id = await realpathOr(folder);
    const told = this.state.get<unknown>(TOLD_KEY);
    const folders = Array.isArray(told) ? told.filter((f): f is string => typeof f === 'string') : [];
    if (folders.includes(id)) return;
    await this.state.update(TOLD_KEY, [...folders, id]);
    const add = 'Add Remote';
    const choice = await vscode.window.showInformationMessage(
      'Reflect: Your journal keeps its history in its own git repository. Add a private remote to sync it across machines.',
      add,
      'Not Now',
    );
    if (choice === add) await this.addRemote(folder);
  }

  /** Adds the remote the user pastes; the first sync then pushes the journal there (or takes in what it holds). */
  private async addRemote(folder: string): Promise<void> {
    const url = await askRemoteUrl('new');
    if (!url) return;
    const added = await this.sync.serial(folder, async (): Promise<boolean> => {
      try {
        const gate = await this.gate.open(folder, true);
        if (gate.status !== 'open') return false;
        if ((await gate.repo.remotes()).length > 0) {
          void vscode.window.showInformationMessage('Reflect: your journal already has a remote; it is kept as it is.');
          return false;
        }
        await gate.repo.addRemote('origin', url);
        this.notices.succeeded('add-remote');
        this.log.info(`Added ${url} as origin of the journal ${folder}.`);
        return true;
      } catch (err) {
        this.notices.fail('add-remote', err, true);
        return false;
      }
    });
    this.status.refresh();
    if (!added) return;
    if (readSettings().git.sync === 'off') {
      void vscode.window.showInformationMessage('Reflect: the remote is added. Send your journal there with "Reflect: Sync Journal" (reflect.git.sync is off).');
      return;
    }
    // The user just asked for this remote: a failure is shown (explicit), and the journal goes there now.
    const outcome = await this.sync.sync(folder, true);
    if (outcome.status !== 'synced') return;
    if (outcome.integrated.status === 'fast-forward' || outcome.integrated.status === 'merged') void this.journal.rescan();
    vscode.window.setStatusBarMessage('$(check) Reflect: your journal is synced with its new remote', 5000);
  }
}

async function holdsJournalFiles(folder: string): Promise<boolean> {
  const found = await Promise.all(JOURNAL_PATHSPECS.map((p) => pathExists(path.join(folder, p))));
  return found.some(Boolean);
}
