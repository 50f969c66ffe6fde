import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive, ensureFolder } from '../../core/journal/journalFiles';
import {
  commitMessage,
  EnclosingWorkTree,
  foreignFiles,
  isRepositoryRoot,
  JOURNAL_GITIGNORE,
  JOURNAL_GITIGNORE_TEXT,
  JOURNAL_README,
  JOURNAL_README_TEXT,
} from '../../core/sync/journalRepo';
import { JournalRepo, preferredRemote } from '../../core/sync/journalRepoGit';
import { SetUpResult } from '../../core/sync/syncOutcomes';
import { runGit } from '../../core/git/runGit';
import { relativeInside } from '../../core/toolkit/paths';
import { plural } from '../../shared/text';
import { showJournalError } from '../journal/journalErrors';
import { journalFolderOf, readSettings, ReflectSettings } from '../settings';
import { GitBackend } from './gitBackend';
import { describeVia, JournalSync, SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

interface SetUpOptions {
  /** Added as `origin` when the journal has no remote yet. */
  remoteUrl?: string;
}

/** Reflect: Set Up Journal Repository: makes the journal folder a repository of its own (or adopts one), optionally with a remote. */
export class SetUpWizard {
  constructor(
    private readonly backend: GitBackend,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** An options object (from a keybinding or a test) skips every question. */
  async run(arg: unknown): Promise<SetUpResult | undefined> {
    const options = parseSetUpOptions(arg);
    const settings = readSettings();
    let folder: string;
    try {
      folder = journalFolderOf(settings);
      await ensureFolder(folder);
    } catch (err) {
      void showJournalError(err, this.log);
      return undefined;
    }
    if (await this.gate.trustRefusal(folder, true)) return undefined;
    return this.sync.serial(folder, () => this.setUpIn(folder, options, settings));
  }

  private async setUpIn(folder: string, options: SetUpOptions | undefined, settings: ReflectSettings): Promise<SetUpResult | undefined> {
    // First of all, keep the journal out of any repository it lies in: it is about to get a .git
    // of its own, and the outer `git add -A` must never pick it up as an embedded repository.
    const outer = await this.gate.protectFromEnclosingRepo(folder);
    const existed = await isRepositoryRoot(folder);
    let repo: JournalRepo;
    try {
      if (existed) {
        repo = await this.backend.open(folder);
        if (!(await repo.isMarkedJournal()) && !(await confirmAdopt(folder, foreignFiles(await repo.trackedFiles()), options))) return undefined;
      } else {
        await createFileExclusive(path.join(folder, JOURNAL_README), JOURNAL_README_TEXT);
        await createFileExclusive(path.join(folder, JOURNAL_GITIGNORE), JOURNAL_GITIGNORE_TEXT);
        repo = await this.backend.init(folder);
      }
      await repo.markJournal();
      if (!existed) {
        const start = await repo.pendingChanges([JOURNAL_README, JOURNAL_GITIGNORE]);
        await repo.commit(start, 'journal: start a personal journal repository');
      }
      // Entries written before the journal was a repository become its history right away.
      const pending = await repo.pendingChanges();
      if (pending.length > 0) await repo.commit(pending, commitMessage(pending));
    } catch (err) {
      this.notices.fail('set-up', err, true);
      return undefined;
    }
    this.notices.succeeded('set-up');
    this.notices.succeeded('commit');

    let remotes = await repo.remotes().catch(() => []);
    if (remotes.length === 0) {
      const url = options ? options.remoteUrl : await askRemoteUrl();
      if (url) {
        try {
          await repo.addRemote('origin', url);
        } catch (err) {
          this.notices.fail('add-remote', err, true);
        }
        remotes = await repo.remotes().catch(() => remotes);
      }
    }
    this.log.info(`${existed ? 'Adopted' : 'Created'} the journal repository ${folder} via ${describeVia(repo.via)}; remotes: ${remotes.join(', ') || 'none'}.`);
    if (outer) await this.warnIfTrackedOutside(outer, folder);
    this.status.refresh();

    const where = outer ? ` It is hidden from the repository at ${outer.root}.` : '';
    const remote = preferredRemote(remotes);
    const sync = remote
      ? settings.git.autoPush
        ? ` Each commit is pushed to ${remote}.`
        : ` Push to ${remote} from the status bar or with "Reflect: Push Journal" (or turn on reflect.git.autoPush).`
      : ' It has no remote: its history stays on this machine.';
    void vscode.window.showInformationMessage(`Reflect: your journal is a git repository of its own${existed ? '' : ' now'}; each saved entry is committed. Source Control lists it beside your work repositories.${where}${sync}`);
    return { folder, created: !existed, via: repo.via, excludedFrom: outer?.root, remotes };
  }

  /** Excluding hides untracked files only: say so if the outer repository already has journal files committed. */
  private async warnIfTrackedOutside(outer: EnclosingWorkTree, folder: string): Promise<void> {
    if (await this.gate.untrustedHolder(outer.root)) return;
    const rel = relativeInside(outer.root, folder);
    if (!rel) return;
    try {
      const tracked = (await runGit(outer.root, ['ls-files', '-z', '--', rel], { gitPath: await this.backend.gitPath(outer.root) })).split('\0').filter(Boolean);
      if (tracked.length === 0) return;
      const message = `Reflect: ${plural(tracked.length, 'file')} of your journal ${tracked.length === 1 ? 'was' : 'were'} already committed to the repository at ${outer.root}. Excluding can't hide ${tracked.length === 1 ? 'it' : 'them'}; to stop tracking them there (keeping the files), run: git rm -r --cached -- ${rel}`;
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
    } catch (err) {
      this.log.warn(`Could not check ${outer.root} for journal files: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** A repository with non-journal files is adopted only when the user says so. */
async function confirmAdopt(folder: string, foreign: string[], options: SetUpOptions | undefined): Promise<boolean> {
  if (foreign.length === 0) return true;
  const sample = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
  const what = `${folder} is already a git repository with ${plural(foreign.length, 'file')} that ${foreign.length === 1 ? 'is' : 'are'} not part of a journal (${sample}).`;
  if (options) {
    void vscode.window.showErrorMessage(`Reflect: ${what} Reflect won't commit your notes into it. Choose a journal folder of its own in reflect.journalFolder.`);
    return false;
  }
  const use = 'Use It for My Journal';
  const choice = await vscode.window.showWarningMessage(
    `${what} Reflect would commit your retros into it, and push them wherever it pushes. Use it as your journal repository anyway?`,
    { modal: true },
    use,
  );
  return choice === use;
}

function parseSetUpOptions(arg: unknown): SetUpOptions | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const url = (arg as { remoteUrl?: unknown }).remoteUrl;
  // Checked like a typed one: "--upload-pack=…" must never reach git as an option.
  const remoteUrl = typeof url === 'string' && url.trim() && !validateRemoteUrl(url) ? url.trim() : undefined;
  return { remoteUrl };
}

function validateRemoteUrl(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/\s/.test(v)) return 'A remote URL has no spaces.';
  if (v.startsWith('-')) return 'A remote URL does not start with "-".';
  return undefined;
}

/** Asks for a remote the user has created themselves; Reflect never creates one on a hosting service. */
async function askRemoteUrl(): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title: 'Reflect: Set Up Journal Repository — private remote (optional)',
    prompt: 'Paste the URL of an empty, private repository you created for your journal, to push it there. Press Escape to keep the journal on this machine only.',
    placeHolder: 'git@github.com:you/journal.git',
    ignoreFocusOut: true,
    validateInput: validateRemoteUrl,
  });
  const trimmed = url?.trim();
  return trimmed && !validateRemoteUrl(trimmed) ? trimmed : undefined;
}
