// Who runs git in the journal: VS Code's Git extension when it is there and turned on (the user's
// hooks, credential helpers and askpass, and the Source Control view, as for any repository), else
// the git executable.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeGitFailure, NoRemoteError } from '../../core/sync/gitFailures';
import { isRepositoryRoot, PendingChange } from '../../core/sync/journalRepo';
import { CliJournalRepo, GitVia, initRepository, JournalRepo, pathArgs, preferredRemote, Unpushed } from '../../core/sync/journalRepoGit';
import { samePath } from '../../core/toolkit/paths';
import { GIT_EXTENSION_ID, GitAPI, GitExtension, GitRepository } from './gitApi';
import { plural } from '../../shared/text';
import { readSettings } from '../settings';

/**
 * The journal repository through VS Code's Git extension, so the user's hooks, credential helpers
 * and askpass, and the Source Control view behave as for any repository they open. Read-only
 * queries go to the same git executable directly: the API has no path-limited status or counts.
 */
class VsCodeJournalRepo implements JournalRepo {
  readonly via: GitVia = 'vscode.git';

  constructor(
    private readonly repo: GitRepository,
    private readonly cli: CliJournalRepo,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get root(): string {
    return this.cli.root;
  }

  pendingChanges(pathspecs?: readonly string[]): Promise<PendingChange[]> {
    return this.cli.pendingChanges(pathspecs);
  }

  async commit(changes: readonly PendingChange[], message: string): Promise<boolean> {
    if (changes.length === 0) return false;
    // The API commits the whole index. If the user has other work staged in the journal repo,
    // commit through the executable with `-- <paths>` instead, which leaves theirs staged.
    const ours = new Set(changes.map((c) => c.path));
    const foreign = (await this.cli.stagedPaths()).filter((p) => !ours.has(p));
    if (foreign.length > 0) {
      this.log.info(`The journal repository has ${plural(foreign.length, 'other staged file')}; committing only Reflect's files with git directly so they stay staged.`);
      return this.cli.commit(changes, message);
    }
    await this.repo.add(pathArgs(changes).map((p) => path.join(this.root, ...p.split('/'))));
    if ((await this.cli.stagedPaths()).length === 0) return false;
    await this.repo.commit(message);
    return true;
  }

  /**
   * Network operations go through git itself first: after the Git extension's first fetch or push
   * in a repository it asks "periodically run git fetch?", about a repository the user never
   * opened. Only when git alone can't authenticate (no credential helper) does the extension, with
   * its askpass, try.
   */
  async push(): Promise<void> {
    await this.cli.push().catch((err: unknown) => (needsExtensionCredentials(err) ? this.pushViaExtension() : Promise.reject(err)));
  }

  private async pushViaExtension(): Promise<void> {
    await this.repo.status();
    const head = this.repo.state.HEAD;
    if (head?.upstream) return this.repo.push();
    const remote = preferredRemote(this.repo.state.remotes.map((r) => r.name));
    if (!remote) throw new NoRemoteError();
    if (!head?.name) throw new Error('the journal repository is not on a branch (detached HEAD), so there is nothing to push to');
    await this.repo.push(remote, head.name, true);
  }

  async fetch(): Promise<void> {
    await this.cli.fetch().catch((err: unknown) => (needsExtensionCredentials(err) ? this.fetchViaExtension() : Promise.reject(err)));
  }

  private async fetchViaExtension(): Promise<void> {
    await this.repo.status();
    const upstream = this.repo.state.HEAD?.upstream?.remote;
    const remote = upstream ?? preferredRemote(this.repo.state.remotes.map((r) => r.name));
    if (!remote) throw new NoRemoteError();
    await this.repo.fetch(remote);
  }

  remotes(): Promise<string[]> {
    return this.cli.remotes();
  }

  async addRemote(name: string, url: string): Promise<void> {
    await this.repo.addRemote(name, url);
  }

  isMarkedJournal(): Promise<boolean> {
    return this.cli.isMarkedJournal();
  }

  async markJournal(): Promise<void> {
    await this.cli.markJournal();
  }

  trackedFiles(): Promise<string[]> {
    return this.cli.trackedFiles();
  }

  unpushed(): Promise<Unpushed | undefined> {
    return this.cli.unpushed();
  }
}

/** Git could not ask for a user name or password (prompts are off for Reflect's own runs). */
function needsExtensionCredentials(err: unknown): boolean {
  return describeGitFailure('push', err).kind === 'auth';
}

/** `git.path`, read when git is about to run. */
const configuredGitPath = (): string | undefined => readSettings().git.path;

/** Picks who runs git: VS Code's Git extension when it is there and enabled, else the git executable. */
export class GitBackend {
  private lastNote: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  private note(message: string): void {
    if (this.lastNote === message) return;
    this.lastNote = message;
    this.log.info(message);
  }

  /**
   * The Git extension's API, or undefined: extension absent or disabled, `git.enabled` off, or no
   * git found. The setting is read here too because the extension only notices it at startup: turned
   * off later, its API stays "enabled" but refuses to open repositories.
   */
  async api(folder?: string): Promise<GitAPI | undefined> {
    if (vscode.workspace.getConfiguration('git', folder ? vscode.Uri.file(folder) : null).get<unknown>('enabled') === false) {
      this.note("VS Code's Git extension is turned off (git.enabled); Reflect runs the git executable for the journal.");
      return undefined;
    }
    const ext = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
    if (!ext) {
      this.note("VS Code's Git extension is not installed or is disabled; Reflect runs the git executable for the journal.");
      return undefined;
    }
    try {
      const exports = ext.isActive ? ext.exports : await ext.activate();
      if (!exports?.enabled) {
        this.note("VS Code's Git extension is not enabled (turned off, or it found no git); Reflect runs the git executable for the journal.");
        return undefined;
      }
      const api = exports.getAPI(1);
      this.note("Reflect uses VS Code's Git extension for the journal repository.");
      return api;
    } catch (err) {
      this.note(`VS Code's Git extension is not usable (${err instanceof Error ? err.message : String(err)}); Reflect runs the git executable.`);
      return undefined;
    }
  }

  /** The executable for read-only queries: the one the Git extension found, else `git.path`, else `git`. */
  async gitPath(folder?: string): Promise<string | undefined> {
    return (await this.api(folder))?.git.path || configuredGitPath();
  }

  async cli(folder: string): Promise<CliJournalRepo> {
    return new CliJournalRepo(folder, await this.gitPath(folder));
  }

  async open(folder: string): Promise<JournalRepo> {
    const api = await this.api(folder);
    if (api) {
      const repo = await this.findOrOpen(api, folder);
      if (repo) return new VsCodeJournalRepo(repo, new CliJournalRepo(folder, api.git.path), this.log);
      this.note(`VS Code's Git extension did not open ${folder} (see git.ignoredRepositories); Reflect runs the git executable there.`);
    }
    return new CliJournalRepo(folder, configuredGitPath());
  }

  async init(folder: string): Promise<JournalRepo> {
    const api = await this.api(folder);
    if (api) {
      const repo = await api.init(vscode.Uri.file(folder));
      if (repo && (await samePath(repo.rootUri.fsPath, folder))) return new VsCodeJournalRepo(repo, new CliJournalRepo(folder, api.git.path), this.log);
      if (await isRepositoryRoot(folder)) return this.open(folder);
    }
    await initRepository(folder, configuredGitPath());
    return new CliJournalRepo(folder, configuredGitPath());
  }

  /**
   * The Git extension's repository rooted exactly at `folder`. getRepository() alone is not enough:
   * it answers with the innermost repository containing a path, which for a journal inside a work
   * repository that has no `.git` of its own yet is the work repository.
   */
  private async findOrOpen(api: GitAPI, folder: string): Promise<GitRepository | null> {
    for (const repo of api.repositories) if (await samePath(repo.rootUri.fsPath, folder)) return repo;
    if (typeof api.openRepository !== 'function') return null;
    const opened = await api.openRepository(vscode.Uri.file(folder));
    return opened && (await samePath(opened.rootUri.fsPath, folder)) ? opened : null;
  }
}
