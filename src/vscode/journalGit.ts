import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommitBatcher } from '../core/commitBatcher';
import { describeGitFailure, failureMessage, FailureNotices, GitFailure, GitOperation, NoRemoteError } from '../core/gitFailures';
import { createFileExclusive, ensureFolder, pathExists } from '../core/journalFiles';
import {
  commitMessage,
  EnclosingWorkTree,
  ensureExcluded,
  excludePattern,
  findEnclosingWorkTree,
  foreignFiles,
  isJournalPath,
  isRepositoryRoot,
  JOURNAL_GITIGNORE,
  JOURNAL_GITIGNORE_TEXT,
  JOURNAL_README,
  JOURNAL_README_TEXT,
  untrustedFolderHolding,
} from '../core/journalRepo';
import { gitExec, GitVia, JournalRepo, journalRelative, preferredRemote, Unpushed } from '../core/journalRepoGit';
import { GitBackend, realpathOr } from './journalGitBackend';
import { showJournalError, journalFolderPath } from './journalFolder';
import { JournalService } from './journalService';
import { Services } from './services';

// Command ids and setting keys of this feature, defined once. package.json declares the same names.
export const JournalGitCommand = {
  setUp: 'reflect.setUpJournalRepository',
  commit: 'reflect.commitJournal',
  push: 'reflect.pushJournal',
} as const;

export const JournalGitSetting = {
  autoCommit: 'reflect.git.autoCommit',
  autoPush: 'reflect.git.autoPush',
} as const;

export const JOURNAL_SYNC_STATUS_ID = 'reflect.journalSync';

/** Saves closer together than this make one commit. */
const QUIET_MS = 2_000;
/** …but someone saving every second still gets a commit this often. */
const MAX_WAIT_MS = 30_000;
/** Another window (or VS Code's Git extension) may hold index.lock for a moment: try again before saying so. */
const LOCK_RETRIES = 3;

export interface JournalGitSettings {
  autoCommit: boolean;
  autoPush: boolean;
}

export function readJournalGitSettings(): JournalGitSettings {
  const config = vscode.workspace.getConfiguration();
  return {
    autoCommit: config.get<unknown>(JournalGitSetting.autoCommit) !== false,
    autoPush: config.get<unknown>(JournalGitSetting.autoPush) === true,
  };
}

/** What Set Up did, for the caller (and tests). */
export interface SetUpResult {
  folder: string;
  /** True when Reflect ran `git init`; false when it adopted an existing repository. */
  created: boolean;
  via: GitVia;
  /** The enclosing work repository whose info/exclude now hides the journal. */
  excludedFrom?: string;
  remotes: string[];
}

/** Why Reflect did not run git at all: the journal is not a (marked) repository, or it is in an untrusted workspace. */
export type Refusal = { status: 'not-set-up'; reason: string } | { status: 'blocked'; reason: string };

type PushResult =
  | { status: 'pushed'; remote: string; via: GitVia }
  | { status: 'up-to-date'; remote: string }
  | { status: 'failed'; failure: GitFailure; unpushed?: Unpushed };

/** What Push Journal did; `unpushed` after a failure is what the status bar counts. */
export type PushOutcome = PushResult | Refusal;

/** What Commit Journal (or an auto-commit) did, and the push that followed with autoPush. */
export type CommitOutcome =
  | { status: 'committed'; message: string; files: string[]; via: GitVia; push?: PushResult }
  | { status: 'nothing'; via: GitVia; push?: PushResult }
  | { status: 'failed'; failure: GitFailure }
  | Refusal;

/** Reflect: Set Up Journal Repository, auto-commit on save, Commit Journal, Push Journal, and the "not yet pushed" status. */
export function register(context: vscode.ExtensionContext, services: Services, journal: JournalService): void {
  const feature = new JournalGit(services, journal);
  context.subscriptions.push(
    feature,
    vscode.commands.registerCommand(JournalGitCommand.setUp, (options?: unknown) => feature.setUp(options)),
    vscode.commands.registerCommand(JournalGitCommand.commit, () => feature.commitNow()),
    vscode.commands.registerCommand(JournalGitCommand.push, () => feature.pushNow()),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

class JournalGit implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private folderSubscriptions: vscode.Disposable[] = [];
  private folder: string | undefined;
  private batcher: CommitBatcher | undefined;
  /** Every git operation in the journal runs after the previous one: never two at a time from this window. */
  private queue: Promise<unknown> = Promise.resolve();
  private statusQueue: Promise<void> = Promise.resolve();
  private readonly backend: GitBackend;
  /** One-time messages already given this session. */
  private readonly said = new Set<string>();
  private readonly notices = new FailureNotices();
  private readonly excluded = new Set<string>();
  private readonly status: vscode.StatusBarItem;
  private lastPushFailure: string | undefined;

  constructor(
    private readonly services: Services,
    private readonly journal: JournalService,
  ) {
    this.backend = new GitBackend(services.log);
    this.status = vscode.window.createStatusBarItem(JOURNAL_SYNC_STATUS_ID, vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'Reflect Journal Sync';
    this.status.command = JournalGitCommand.push;
    this.subscriptions.push(
      this.status,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reflect.journalFolder')) this.open();
        else if (e.affectsConfiguration(JournalGitSetting.autoCommit) || e.affectsConfiguration(JournalGitSetting.autoPush)) {
          if (readJournalGitSettings().autoCommit) this.batcher?.changed();
          this.refreshStatus();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.batcher?.changed();
        this.refreshStatus();
      }),
      // The user may have pushed or committed from a terminal meanwhile.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.refreshStatus();
      }),
    );
    this.open();
  }

  dispose(): void {
    this.batcher?.dispose();
    for (const d of [...this.folderSubscriptions, ...this.subscriptions]) d.dispose();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** (Re)starts watching the journal the settings point at; changes left in the previous one are committed there. */
  private open(): void {
    const previous = this.batcher;
    if (previous) void previous.flush().finally(() => previous.dispose());
    for (const d of this.folderSubscriptions) d.dispose();
    this.folderSubscriptions = [];
    const folder = this.journal.journalFolder();
    this.folder = folder;
    this.batcher = undefined;
    if (!folder) {
      this.status.hide();
      return;
    }
    const batcher = new CommitBatcher({
      quietMs: QUIET_MS,
      maxWaitMs: MAX_WAIT_MS,
      run: () => this.autoCommit(folder),
      onError: (err) => this.services.log.error(`Auto-commit of ${folder}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`),
    });
    this.batcher = batcher;
    // Saves in VS Code, Reflect's own writes and edits made outside VS Code, as the journal's
    // watchers report them (one set of watchers for every feature). Each only triggers a commit
    // of whatever is pending.
    this.folderSubscriptions.push(this.journal.onDidChangeFile((file) => this.noteChange(file)));
    // Whatever was left uncommitted (written while VS Code was closed, or a failed commit) goes in now.
    batcher.changed();
    this.refreshStatus();
  }

  private noteChange(file: string): void {
    const folder = this.folder;
    if (!folder) return;
    const rel = journalRelative(folder, file);
    if (rel && isJournalPath(rel)) this.batcher?.changed();
  }

  private async autoCommit(folder: string): Promise<void> {
    await this.protectFromEnclosingRepo(folder);
    if (!readJournalGitSettings().autoCommit) return;
    if (!(await isRepositoryRoot(folder))) {
      this.logOnce(`no-repo:${folder}`, `The journal ${folder} is not a git repository; run "Reflect: Set Up Journal Repository" to keep its history.`);
      return;
    }
    await this.commitJournal(folder, false);
  }

  /**
   * Hides a journal that lies inside another repository's working tree from that repository
   * (`.git/info/exclude`), as soon as Reflect sees it, whether or not the journal is a repository
   * yet. Only writes a file: no git runs, so this is safe in an untrusted workspace too.
   */
  private async protectFromEnclosingRepo(folder: string): Promise<EnclosingWorkTree | undefined> {
    if (!(await pathExists(folder))) return undefined;
    const outer = await findEnclosingWorkTree(folder);
    if (!outer) return undefined;
    const key = `${outer.excludeFile}\n${folder}`;
    if (this.excluded.has(key)) return outer;
    try {
      if ((await ensureExcluded(outer, folder)) === 'added') {
        this.services.log.info(`The journal ${folder} lies inside the repository ${outer.root}: added ${excludePattern(outer.root, folder)} to ${outer.excludeFile} so it stays out of that repository.`);
      }
      this.excluded.add(key);
    } catch (err) {
      this.services.log.warn(`Could not add the journal to ${outer.excludeFile}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return outer;
  }

  /** The untrusted workspace folder holding `folder`, when git must not run there. */
  private async untrustedHolder(folder: string): Promise<string | undefined> {
    if (vscode.workspace.isTrusted) return undefined;
    const folders = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => realpathOr(f.uri.fsPath)));
    return untrustedFolderHolding(await realpathOr(folder), { trusted: false, folders });
  }

  private untrustedReason(holder: string): string {
    return `Reflect doesn't run git in your journal: it is inside the untrusted folder ${holder}, and a repository's own config can run programs. Your entries are saved; trust this workspace to commit them.`;
  }

  private tellUntrusted(holder: string, explicit: boolean): void {
    const reason = this.untrustedReason(holder);
    this.services.log.warn(reason);
    if (!explicit && this.said.has(`untrusted:${holder}`)) return;
    this.said.add(`untrusted:${holder}`);
    const manage = 'Manage Workspace Trust';
    void vscode.window.showWarningMessage(reason, manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }

  private logOnce(key: string, message: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.services.log.info(message);
  }

  /** Logs a failure in full; shows it once per kind (always when the user asked for the operation). */
  private fail(operation: GitOperation, err: unknown, explicit: boolean): GitFailure {
    const failure = describeGitFailure(operation, err);
    this.services.log.error(`Journal ${operation} failed (${failure.kind}): ${failure.full}`);
    if (this.notices.shouldShow(failure) || explicit) void this.showFailure(failure);
    return failure;
  }

  private async showFailure(failure: GitFailure): Promise<void> {
    const output = 'Show Output';
    const turnOff = 'Turn Off Auto-Commit';
    const setUp = 'Set Up Journal Repository';
    const actions = failure.kind === 'git-missing' ? [turnOff, output] : failure.kind === 'no-remote' ? [setUp, output] : [output];
    const choice = await vscode.window.showWarningMessage(failureMessage(failure), ...actions);
    if (choice === output) this.services.log.show(true);
    else if (choice === turnOff) await vscode.workspace.getConfiguration().update(JournalGitSetting.autoCommit, false, vscode.ConfigurationTarget.Global);
    else if (choice === setUp) await vscode.commands.executeCommand(JournalGitCommand.setUp);
  }

  /** Another window, or the Git extension refreshing, can hold index.lock for a moment. */
  private async withLockRetry<T>(operation: GitOperation, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (attempt > LOCK_RETRIES || describeGitFailure(operation, err).kind !== 'locked') throw err;
        await sleep(400 * attempt);
      }
    }
  }

  /** Commits every pending journal change (and pushes, with autoPush). Never throws. */
  private commitJournal(folder: string, explicit: boolean): Promise<CommitOutcome> {
    return this.serial(async (): Promise<CommitOutcome> => {
      const holder = await this.untrustedHolder(folder);
      if (holder) {
        this.tellUntrusted(holder, explicit);
        return { status: 'blocked', reason: this.untrustedReason(holder) };
      }
      let repo: JournalRepo;
      let committed: { message: string; files: string[] } | undefined;
      try {
        repo = await this.backend.open(folder);
        if (!(await repo.isMarkedJournal())) {
          const reason = this.unmarkedReason(folder);
          if (explicit) void this.offerSetUp(reason);
          else this.logOnce(`unmarked:${folder}`, reason);
          return { status: 'not-set-up', reason };
        }
        committed = await this.withLockRetry('commit', async () => {
          const changes = await repo.pendingChanges();
          if (changes.length === 0) return undefined;
          const message = commitMessage(changes);
          return (await repo.commit(changes, message)) ? { message, files: changes.map((c) => c.path) } : undefined;
        });
        this.notices.succeeded('commit');
        if (committed) this.services.log.info(`Committed "${committed.message}" (${plural(committed.files.length, 'file', 'files')}) in ${folder} via ${describeVia(repo.via)}.`);
      } catch (err) {
        this.refreshStatus();
        return { status: 'failed', failure: this.fail('commit', err, explicit) };
      }
      const push = readJournalGitSettings().autoPush ? await this.pushIn(repo, explicit, true) : undefined;
      this.refreshStatus();
      return committed ? { status: 'committed', ...committed, via: repo.via, push } : { status: 'nothing', via: repo.via, push };
    });
  }

  /** Pushes if anything is unpushed. `quietWhenCurrent`: an auto-push with nothing new does not touch the network. */
  private async pushIn(repo: JournalRepo, explicit: boolean, quietWhenCurrent: boolean): Promise<PushResult> {
    let unpushed: Unpushed | undefined;
    try {
      unpushed = await repo.unpushed();
      if (!unpushed) throw new NoRemoteError();
      if (unpushed.commits === 0 && quietWhenCurrent) return { status: 'up-to-date', remote: unpushed.remote };
      await this.withLockRetry('push', () => repo.push());
    } catch (err) {
      const failure = this.fail('push', err, explicit);
      this.lastPushFailure = failure.detail;
      return { status: 'failed', failure, unpushed: await repo.unpushed().catch(() => unpushed) };
    }
    this.notices.succeeded('push');
    this.lastPushFailure = undefined;
    this.services.log.info(`Pushed the journal to ${unpushed.remote} via ${describeVia(repo.via)}.`);
    return unpushed.commits === 0 ? { status: 'up-to-date', remote: unpushed.remote } : { status: 'pushed', remote: unpushed.remote, via: repo.via };
  }

  private unmarkedReason(folder: string): string {
    return `${folder} is a git repository that Reflect has not set up as your journal, so Reflect does not commit or push there. Run "Reflect: Set Up Journal Repository" to use it.`;
  }

  private async offerSetUp(reason: string): Promise<void> {
    const setUp = 'Set Up Journal Repository';
    if ((await vscode.window.showInformationMessage(`Reflect: ${reason}`, setUp)) === setUp) await vscode.commands.executeCommand(JournalGitCommand.setUp);
  }

  /** Reflect: Commit Journal. */
  async commitNow(): Promise<CommitOutcome | undefined> {
    let folder: string;
    try {
      folder = journalFolderPath();
    } catch (err) {
      void showJournalError(err, this.services.log);
      return undefined;
    }
    if (folder === this.folder) this.batcher?.cancel(); // this commit includes what the batcher was waiting for
    if (!(await isRepositoryRoot(folder))) {
      const reason = `the journal ${folder} is not a git repository yet.`;
      void this.offerSetUp(reason);
      return { status: 'not-set-up', reason };
    }
    const outcome = await this.commitJournal(folder, true);
    if (outcome.status === 'committed') vscode.window.setStatusBarMessage(`$(check) Reflect: committed "${outcome.message}"`, 4000);
    else if (outcome.status === 'nothing') vscode.window.setStatusBarMessage('$(check) Reflect: nothing to commit in the journal', 4000);
    return outcome;
  }

  /** Reflect: Push Journal (also the status bar item's click). */
  async pushNow(): Promise<PushOutcome | undefined> {
    let folder: string;
    try {
      folder = journalFolderPath();
    } catch (err) {
      void showJournalError(err, this.services.log);
      return undefined;
    }
    if (!(await isRepositoryRoot(folder))) {
      const reason = `the journal ${folder} is not a git repository yet.`;
      void this.offerSetUp(reason);
      return { status: 'not-set-up', reason };
    }
    return this.serial(async (): Promise<PushOutcome> => {
      const holder = await this.untrustedHolder(folder);
      if (holder) {
        this.tellUntrusted(holder, true);
        return { status: 'blocked', reason: this.untrustedReason(holder) };
      }
      let repo: JournalRepo;
      try {
        repo = await this.backend.open(folder);
        if (!(await repo.isMarkedJournal())) {
          const reason = this.unmarkedReason(folder);
          void this.offerSetUp(reason);
          return { status: 'not-set-up', reason };
        }
      } catch (err) {
        return { status: 'failed', failure: this.fail('push', err, true) };
      }
      this.status.text = '$(sync~spin) Reflect'; // shows only if the item is visible
      const outcome = await this.pushIn(repo, true, false);
      if (outcome.status === 'pushed') vscode.window.setStatusBarMessage(`$(check) Reflect: journal pushed to ${outcome.remote}`, 4000);
      else if (outcome.status === 'up-to-date') vscode.window.setStatusBarMessage(`$(check) Reflect: ${outcome.remote} already has every journal commit`, 4000);
      this.refreshStatus();
      return outcome;
    });
  }

  /** Reflect: Set Up Journal Repository. An options object (from a keybinding or a test) skips every question. */
  async setUp(arg: unknown): Promise<SetUpResult | undefined> {
    const options = parseSetUpOptions(arg);
    let folder: string;
    try {
      folder = journalFolderPath();
      await ensureFolder(folder);
    } catch (err) {
      void showJournalError(err, this.services.log);
      return undefined;
    }
    const holder = await this.untrustedHolder(folder);
    if (holder) {
      this.tellUntrusted(holder, true);
      return undefined;
    }
    return this.serial(() => this.setUpIn(folder, options));
  }

  private async setUpIn(folder: string, options: SetUpOptions | undefined): Promise<SetUpResult | undefined> {
    // First of all, keep the journal out of any repository it lies in: it is about to get a .git
    // of its own, and the outer `git add -A` must never pick it up as an embedded repository.
    const outer = await this.protectFromEnclosingRepo(folder);
    const existed = await isRepositoryRoot(folder);
    let repo: JournalRepo;
    try {
      if (existed) {
        repo = await this.backend.open(folder);
        if (!(await repo.isMarkedJournal()) && !(await this.confirmAdopt(folder, foreignFiles(await repo.trackedFiles()), options))) return undefined;
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
      this.fail('set-up', err, true);
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
          this.fail('add-remote', err, true);
        }
        remotes = await repo.remotes().catch(() => remotes);
      }
    }
    this.services.log.info(`${existed ? 'Adopted' : 'Created'} the journal repository ${folder} via ${describeVia(repo.via)}; remotes: ${remotes.join(', ') || 'none'}.`);
    if (outer) await this.warnIfTrackedOutside(outer, folder);
    this.refreshStatus();

    const where = outer ? ` It is hidden from the repository at ${outer.root}.` : '';
    const remote = preferredRemote(remotes);
    const sync = remote
      ? readJournalGitSettings().autoPush
        ? ` Each commit is pushed to ${remote}.`
        : ` Push to ${remote} from the status bar or with "Reflect: Push Journal" (or turn on reflect.git.autoPush).`
      : ' It has no remote: its history stays on this machine.';
    void vscode.window.showInformationMessage(`Reflect: your journal is a git repository of its own${existed ? '' : ' now'}; each saved entry is committed.${where}${sync}`);
    return { folder, created: !existed, via: repo.via, excludedFrom: outer?.root, remotes };
  }

  /** A repository with non-journal files is adopted only when the user says so. */
  private async confirmAdopt(folder: string, foreign: string[], options: SetUpOptions | undefined): Promise<boolean> {
    if (foreign.length === 0) return true;
    const sample = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
    const what = `${folder} is already a git repository with ${plural(foreign.length, 'file', 'files')} that ${foreign.length === 1 ? 'is' : 'are'} not part of a journal (${sample}).`;
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

  /** Excluding hides untracked files only: say so if the outer repository already has journal files committed. */
  private async warnIfTrackedOutside(outer: EnclosingWorkTree, folder: string): Promise<void> {
    if (await this.untrustedHolder(outer.root)) return;
    const rel = journalRelative(outer.root, folder);
    if (!rel) return;
    try {
      const tracked = (await gitExec(outer.root, ['ls-files', '-z', '--', rel], { gitPath: await this.backend.gitPath(outer.root) })).split('\0').filter(Boolean);
      if (tracked.length === 0) return;
      const message = `Reflect: ${plural(tracked.length, 'file', 'files')} of your journal ${tracked.length === 1 ? 'was' : 'were'} already committed to the repository at ${outer.root}. Excluding can't hide ${tracked.length === 1 ? 'it' : 'them'}; to stop tracking them there (keeping the files), run: git rm -r --cached -- ${rel}`;
      this.services.log.warn(message);
      void vscode.window.showWarningMessage(message);
    } catch (err) {
      this.services.log.warn(`Could not check ${outer.root} for journal files: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Updates the "not yet pushed" item: shown only while a remote exists and commits are waiting. */
  private refreshStatus(): void {
    this.statusQueue = this.statusQueue.then(() => this.renderStatus()).catch(() => this.status.hide());
  }

  private async renderStatus(): Promise<void> {
    const folder = this.folder;
    if (!folder || !(await isRepositoryRoot(folder)) || (await this.untrustedHolder(folder))) return this.status.hide();
    const repo = await this.backend.cli(folder);
    const unpushed = (await repo.isMarkedJournal()) ? await repo.unpushed() : undefined;
    if (folder !== this.folder) return; // the journal changed meanwhile; its own refresh follows
    if (!unpushed || unpushed.commits === 0) return this.status.hide();
    const what = unpushed.entries > 0 ? plural(unpushed.entries, 'entry', 'entries') : plural(unpushed.commits, 'commit', 'commits');
    this.status.text = `$(cloud-upload) ${unpushed.entries || unpushed.commits}`;
    this.status.tooltip = `Reflect: ${what} not yet pushed to ${unpushed.remote}. Click to push now.${this.lastPushFailure ? `\nLast push failed: ${this.lastPushFailure}` : ''}`;
    this.status.accessibilityInformation = { label: `Reflect journal: ${what} not yet pushed to ${unpushed.remote}. Activate to push now.` };
    this.status.show();
  }
}

interface SetUpOptions {
  /** Added as `origin` when the journal has no remote yet. */
  remoteUrl?: string;
}

function parseSetUpOptions(arg: unknown): SetUpOptions | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const url = (arg as { remoteUrl?: unknown }).remoteUrl;
  return { remoteUrl: typeof url === 'string' && url.trim() ? url.trim() : undefined };
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

function describeVia(via: GitVia): string {
  return via === 'vscode.git' ? "VS Code's Git extension" : 'the git executable';
}
