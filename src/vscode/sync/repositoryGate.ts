import * as vscode from 'vscode';
import { EnclosingWorkTree, ensureExcluded, excludePattern, findEnclosingWorkTree, isRepositoryRoot, untrustedFolderHolding } from '../../core/sync/journalRepo';
import { JournalRepo } from '../../core/sync/journalRepoGit';
import { Refusal } from '../../core/sync/syncOutcomes';
import { pathExists } from '../../core/journal/journalFiles';
import { realpathOr } from '../../core/toolkit/paths';
import { GitBackend } from './gitBackend';
import { SyncNotices } from './syncNotices';

/** A journal Reflect may run git in: its own repository, in a trusted place, marked by Set Up. */
export type Gate = { status: 'open'; repo: JournalRepo } | Refusal;

/**
 * The one gate in front of every git run in the journal: the folder → its own repository → in a
 * trusted place → marked as a journal by Set Up. Also keeps the journal out of any work repository
 * it lies inside (that needs no git at all).
 */
export class RepositoryGate {
  /** Exclude files already checked this session, per journal. */
  private readonly excluded = new Set<string>();

  constructor(
    private readonly backend: GitBackend,
    private readonly notices: SyncNotices,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Opens the journal's repository if git may run there; otherwise says why (`explicit`: the user
   * asked, so the reason is shown, with an offer to set up). Throws what opening the repository throws.
   */
  async open(folder: string, explicit: boolean): Promise<Gate> {
    if (!(await isRepositoryRoot(folder))) {
      const reason = `the journal ${folder} is not a git repository yet.`;
      if (explicit) void this.notices.offerSetUp(reason);
      return { status: 'not-set-up', reason };
    }
    const blocked = await this.trustRefusal(folder, explicit);
    if (blocked) return blocked;
    const repo = await this.backend.open(folder);
    if (!(await repo.isMarkedJournal())) {
      const reason = `${folder} is a git repository that Reflect has not set up as your journal, so Reflect does not commit or push there. Run "Reflect: Set Up Journal Repository" to use it.`;
      if (explicit) void this.notices.offerSetUp(reason);
      else this.notices.logOnce(`unmarked:${folder}`, reason);
      return { status: 'not-set-up', reason };
    }
    return { status: 'open', repo };
  }

  /** A refusal when `folder` lies in an untrusted workspace folder (and says so), else undefined. */
  async trustRefusal(folder: string, explicit: boolean): Promise<Refusal | undefined> {
    const holder = await this.untrustedHolder(folder);
    if (!holder) return undefined;
    const reason = `Reflect doesn't run git in your journal: it is inside the untrusted folder ${holder}, and a repository's own config can run programs. Your entries are saved; trust this workspace to commit them.`;
    this.notices.untrusted(reason, holder, explicit);
    return { status: 'blocked', reason };
  }

  /** The untrusted workspace folder holding `folder`, when git must not run there. */
  async untrustedHolder(folder: string): Promise<string | undefined> {
    if (vscode.workspace.isTrusted) return undefined;
    const folders = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => realpathOr(f.uri.fsPath)));
    return untrustedFolderHolding(await realpathOr(folder), { trusted: false, folders });
  }

  /**
   * Hides a journal that lies inside another repository's working tree from that repository
   * (`.git/info/exclude`), as soon as Reflect sees it, whether or not the journal is a repository
   * yet. Only writes a file: no git runs, so this is safe in an untrusted workspace too.
   */
  async protectFromEnclosingRepo(folder: string): Promise<EnclosingWorkTree | undefined> {
    if (!(await pathExists(folder))) return undefined;
    const outer = await findEnclosingWorkTree(folder);
    if (!outer) return undefined;
    const key = `${outer.excludeFile}\n${folder}`;
    if (this.excluded.has(key)) return outer;
    try {
      if ((await ensureExcluded(outer, folder)) === 'added') {
        this.log.info(`The journal ${folder} lies inside the repository ${outer.root}: added ${excludePattern(outer.root, folder)} to ${outer.excludeFile} so it stays out of that repository.`);
      }
      this.excluded.add(key);
    } catch (err) {
      this.log.warn(`Could not add the journal to ${outer.excludeFile}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return outer;
  }
}
