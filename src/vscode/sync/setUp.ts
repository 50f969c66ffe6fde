import * as vscode from 'vscode';
import { ensureFolder } from '../../core/journal/journalFiles';
import { runGit } from '../../core/git/runGit';
import { usableRemoteUrl } from '../../core/sync/journalClone';
import { EnclosingWorkTree, isRepositoryRoot } from '../../core/sync/journalRepo';
import { preferredRemote } from '../../core/sync/journalRepoGit';
import { SetUpResult } from '../../core/sync/syncOutcomes';
import { relativeInside } from '../../core/toolkit/paths';
import { plural } from '../../shared/text';
import { showJournalError } from '../journal/journalErrors';
import { journalFolderOf, readSettings, ReflectSettings } from '../settings';
import { ExistingJournal, ExistingJournalResult } from './existingJournal';
import { GitBackend } from './gitBackend';
import { askRemoteUrl, createOrAdopt, PreparedJournal } from './journalCreation';
import { describeVia, JournalSync, SyncStatus } from './journalSync';
import { RepositoryGate } from './repositoryGate';
import { SyncNotices } from './syncNotices';

interface SetUpOptions {
  /** Added as `origin` when the journal has no remote yet. */
  remoteUrl?: string;
  /** "Use my existing journal": the remote another machine pushes to, cloned into an empty folder or joined with the entries here. */
  existingUrl?: string;
}

type Way = 'here' | 'existing';

/**
 * Reflect: Set Up Journal Repository: makes the journal folder a repository of its own (or adopts
 * one), optionally with a remote; or brings the journal another machine pushes to ("Use my
 * existing journal").
 */
export class SetUpWizard {
  constructor(
    private readonly backend: GitBackend,
    private readonly gate: RepositoryGate,
    private readonly sync: JournalSync,
    private readonly existing: ExistingJournal,
    private readonly notices: SyncNotices,
    private readonly status: SyncStatus,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** An options object (from a keybinding or a test) skips every question. */
  async run(arg: unknown): Promise<SetUpResult | ExistingJournalResult | undefined> {
    const options = parseSetUpOptions(arg);
    if (options === 'invalid') return undefined;
    const settings = readSettings();
    const folder = await this.journalFolder();
    if (!folder) return undefined;
    if (options?.existingUrl) return this.existing.use(folder, options.existingUrl, false);
    if (!options) {
      const way = await this.askWay(folder);
      if (!way) return undefined;
      if (way === 'existing') return this.askAndUseExisting(folder);
    }
    return this.sync.serial(folder, () => this.setUpIn(folder, options, settings));
  }

  /** "Use my existing journal" offered elsewhere (a dev container's notice): asks for its URL. */
  async useExisting(): Promise<ExistingJournalResult | undefined> {
    const folder = await this.journalFolder();
    return folder ? this.askAndUseExisting(folder) : undefined;
  }

  /** The journal folder, created if missing, when git may run there; else says why not. */
  private async journalFolder(): Promise<string | undefined> {
    let folder: string;
    try {
      folder = journalFolderOf(readSettings());
      await ensureFolder(folder);
    } catch (err) {
      void showJournalError(err, this.log);
      return undefined;
    }
    return (await this.gate.trustRefusal(folder, true)) ? undefined : folder;
  }

  private async askAndUseExisting(folder: string): Promise<ExistingJournalResult | undefined> {
    const url = await askRemoteUrl('existing');
    return url ? this.existing.use(folder, url, true) : undefined;
  }

  /** A journal with no remote yet may be one another machine already keeps: ask which. */
  private async askWay(folder: string): Promise<Way | undefined> {
    const isRepo = await isRepositoryRoot(folder);
    if (isRepo && (await this.sync.hasRemote(folder))) return 'here';
    const items: (vscode.QuickPickItem & { way: Way })[] = [
      {
        way: 'here',
        label: isRepo ? '$(history) Keep this journal\'s history here' : '$(repo-create) Start my journal here',
        detail: 'Its own git repository on this machine; add a private remote next to sync it, or later.',
      },
      {
        way: 'existing',
        label: '$(repo-clone) Use my existing journal',
        detail: 'Paste the URL another machine pushes your journal to: Reflect brings it here and merges in any entries already here. Nothing is overwritten.',
      },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Reflect: Set Up Journal Repository', placeHolder: folder, ignoreFocusOut: true });
    return picked?.way;
  }

  private async setUpIn(folder: string, options: SetUpOptions | undefined, settings: ReflectSettings): Promise<SetUpResult | undefined> {
    let prepared: PreparedJournal | undefined;
    try {
      prepared = await createOrAdopt(this.backend, this.gate, folder, !options);
    } catch (err) {
      this.notices.fail('set-up', err, true);
      return undefined;
    }
    if (!prepared) return undefined;
    const { repo, created, outer } = prepared;
    this.notices.succeeded('set-up');
    this.notices.succeeded('commit');

    let remotes = await repo.remotes().catch(() => []);
    if (remotes.length === 0) {
      const url = options ? options.remoteUrl : await askRemoteUrl('new');
      if (url) {
        try {
          await repo.addRemote('origin', url);
        } catch (err) {
          this.notices.fail('add-remote', err, true);
        }
        remotes = await repo.remotes().catch(() => remotes);
      }
    }
    this.log.info(`${created ? 'Created' : 'Adopted'} the journal repository ${folder} via ${describeVia(repo.via)}; remotes: ${remotes.join(', ') || 'none'}.`);
    if (outer) await this.warnIfTrackedOutside(outer, folder);
    this.status.refresh();

    const where = outer ? ` It is hidden from the repository at ${outer.root}.` : '';
    const remote = preferredRemote(remotes);
    const sync = remote
      ? settings.git.autoPush
        ? ` Each commit is pushed to ${remote}.`
        : ` Push to ${remote} from the status bar or with "Reflect: Push Journal" (or turn on reflect.git.autoPush).`
      : ' It has no remote: its history stays on this machine.';
    void vscode.window.showInformationMessage(`Reflect: your journal is a git repository of its own${created ? ' now' : ''}; each saved entry is committed. Source Control lists it beside your work repositories.${where}${sync}`);
    return { folder, created, via: repo.via, excludedFrom: outer?.root, remotes };
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

/** The command's argument object; 'invalid' (said) when it names an existing journal by something that is not a URL. */
function parseSetUpOptions(arg: unknown): SetUpOptions | 'invalid' | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { remoteUrl, existingUrl } = arg as { remoteUrl?: unknown; existingUrl?: unknown };
  // Checked like a typed one: "--upload-pack=…" must never reach git as an option.
  const existing = usableRemoteUrl(existingUrl);
  if (existingUrl !== undefined && !existing) {
    void vscode.window.showErrorMessage(`Reflect: ${JSON.stringify(existingUrl)} is not a remote URL to bring your journal from.`);
    return 'invalid';
  }
  return { remoteUrl: usableRemoteUrl(remoteUrl), existingUrl: existing };
}
