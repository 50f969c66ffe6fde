import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { plural } from '../../shared/text';
import { Goal, GOALS_FILE, parseGoals } from '../../core/growth/goals';
import { IndexedEntry, JournalIndex } from '../../core/journal/journalIndex';
import { loadTemplateSections, TEMPLATES_FOLDER } from '../../core/retro/userTemplates';
import { firstCommitDates } from '../../core/sync/journalHistory';
import { isRepositoryRoot, untrustedFolderHolding } from '../../core/sync/journalRepo';
import { debounce } from '../../core/toolkit/async';
import { Disposable, DisposableStore, toDisposable } from '../../core/toolkit/lifecycle';
import { OnceEach } from '../../core/toolkit/onceEach';
import { SettingKey } from '../ids';
import { isInsideOrEqual, realpathOr } from '../../core/toolkit/paths';
import { journalFolderOf, readSettings } from '../settings';
import { watchJournal } from './journalWatchers';

/**
 * The journal the settings point at: its index (a lowdb cache in global storage, never in the
 * journal), its goals, and the watchers that keep both current when files change, in VS Code or not.
 */
export class JournalService extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires after the index or the goals changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly fileEmitter = this.register(new vscode.EventEmitter<string>());
  /**
   * Every file created, changed or deleted in the journal folder, as an absolute path: what the
   * journal's watchers report and what is saved in VS Code. Features that follow the journal's
   * files (auto-commit) listen here rather than to watchers of their own.
   */
  readonly onDidChangeFile = this.fileEmitter.event;
  private current: Promise<JournalIndex | undefined> = Promise.resolve(undefined);
  /** Watchers and listeners of the journal folder now open; emptied when the setting changes. */
  private readonly folderScope = this.register(new DisposableStore());
  private goalsCache: Goal[] | undefined;
  private readonly reported = new OnceEach();

  constructor(
    private readonly storageFolder: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingKey.journalFolder)) this.open();
      }),
    );
    this.open();
  }

  /** The loaded index, or undefined when the journal folder setting is unusable. */
  index(): Promise<JournalIndex | undefined> {
    return this.current;
  }

  /** Every indexed entry, newest first; `fresh` first checks the files for changes no watcher reported yet. */
  async entries(options: { fresh?: boolean } = {}): Promise<IndexedEntry[]> {
    const index = await this.current;
    if (options.fresh) await index?.rescan();
    return index?.entries() ?? [];
  }

  journalFolder(): string | undefined {
    try {
      return journalFolderOf(readSettings());
    } catch {
      return undefined;
    }
  }

  async goals(): Promise<Goal[]> {
    if (this.goalsCache) return this.goalsCache;
    const folder = this.journalFolder();
    if (!folder) return [];
    const file = path.join(folder, GOALS_FILE);
    try {
      // Never read through a link: goals.md linked to a private file would show it in Growth Notes.
      if ((await fs.lstat(file)).isSymbolicLink()) {
        this.reportLinks(folder, [GOALS_FILE]);
        this.goalsCache = [];
      } else {
        this.goalsCache = parseGoals(await fs.readFile(file, 'utf8'));
      }
    } catch {
      this.goalsCache = [];
    }
    return this.goalsCache;
  }

  private async reloadGoals(): Promise<void> {
    const before = JSON.stringify(this.goalsCache ?? null);
    this.goalsCache = undefined;
    if (JSON.stringify(await this.goals()) !== before) this.changeEmitter.fire();
  }

  /** Brings the index in line with the files, parsing only what changed. */
  /** Brings the index and goals.md in line with the files (a watcher that started late, or a machine that slept, misses events). */
  async rescan(): Promise<void> {
    await (await this.current)?.rescan();
    await this.reloadGoals();
  }

  /** Re-reads every entry from disk. */
  async rebuild(): Promise<number> {
    const index = await this.current;
    if (!index) return 0;
    const stats = await index.rebuild();
    this.goalsCache = undefined;
    this.changeEmitter.fire();
    return stats.total;
  }

  /** An entry whose front matter is broken is still read (its body, dated by its name); say so once per file and error. */
  /** Says once which links in the journal were skipped, and why; the list is in the output. */
  private reportLinks(folder: string, links: readonly string[]): void {
    if (links.length === 0) return;
    this.log.warn(`Skipped ${links.length} link(s) in ${folder}: ${links.join(', ')}. Reflect never follows links in the journal: one may lead outside it.`);
    if (!this.reported.first(`links\n${folder}\n${links.join('\n')}`)) return;
    const list = links.length === 1 ? links[0] : `${links[0]} and ${plural(links.length - 1, 'other')}`;
    void vscode.window.showWarningMessage(`Reflect skipped ${list} in your journal: it is a link, and Reflect never follows links in the journal (one may lead outside it).`, 'Show Output').then((choice) => {
      if (choice) this.log.show(true);
    });
  }

  private reportUnreadable(index: JournalIndex): void {
    for (const entry of index.entries()) {
      if (entry.error && this.reported.first(`${entry.path}\n${entry.error}`)) {
        this.log.warn(`${entry.path}: its front matter could not be read (${entry.error}); its text is still read and searchable.`);
      }
    }
  }

  /** When entries were first committed, from the journal's own repository; never git in an untrusted workspace folder. */
  private async historyDates(folder: string, rels: string[]): Promise<Map<string, string>> {
    if (!(await isRepositoryRoot(folder))) return new Map();
    if (!vscode.workspace.isTrusted) {
      // Real paths, as the repository gate compares them: a symlink must not smuggle the journal out.
      const folders = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => realpathOr(f.uri.fsPath)));
      if (untrustedFolderHolding(await realpathOr(folder), { trusted: false, folders })) return new Map();
    }
    return firstCommitDates(folder, rels, { gitPath: readSettings().git.path });
  }

  private open(): void {
    this.folderScope.clear();
    this.goalsCache = undefined;
    const previous = this.current;
    const folder = this.journalFolder();
    if (!folder) {
      this.current = Promise.resolve(undefined);
      this.changeEmitter.fire();
      return;
    }
    const indexFile = path.join(this.storageFolder, `index-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.json`);
    const index = new JournalIndex(
      folder,
      indexFile,
      (message) => this.log.info(message),
      (rels) => this.historyDates(folder, rels),
      // The templates' `sections:` maps file their entries' headings; entries no longer carry them.
      () => loadTemplateSections(folder),
    );
    // Scoped to this folder: an index left behind by a changed setting stops telling anyone.
    this.folderScope.add(
      index.onDidChange(() => {
        this.reportUnreadable(index);
        this.changeEmitter.fire();
      }),
    );
    this.current = previous
      .then((old) => old?.flush())
      .then(async () => {
        const started = performance.now();
        const stats = await index.load();
        this.log.info(
          `Index of ${folder}: ${stats.total} entries, ${stats.parsed} parsed, ${stats.removed} removed, cache ${stats.cache}, ${(performance.now() - started).toFixed(0)} ms`,
        );
        for (const failure of stats.failed) this.log.warn(`Could not read ${failure.path}: ${failure.reason}`);
        this.reportUnreadable(index);
        this.reportLinks(folder, stats.links);
        this.changeEmitter.fire();
        return index;
      })
      .catch((err: unknown) => {
        this.log.error(`Could not index ${folder}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
    const ready = this.current;
    // A template saved, added, renamed or deleted (or the folder itself): its entries may file
    // differently. Once per burst of saves; the index re-reads only the entries of remapped types.
    const templatesFolder = path.join(folder, TEMPLATES_FOLDER);
    const refreshTemplates = debounce(
      () =>
        void ready
          .then((i) => i?.refreshTemplates())
          .catch((err: unknown) => this.log.warn(`Could not re-read the templates of ${folder}: ${err instanceof Error ? err.message : String(err)}`)),
      300,
    );
    this.folderScope.add(toDisposable(() => refreshTemplates.cancel()));
    this.folderScope.add(
      watchJournal(folder, this.current, {
        onFile: (file) => {
          this.fileEmitter.fire(file);
          if (isInsideOrEqual(file, templatesFolder)) refreshTemplates();
        },
        onGoals: () => void this.reloadGoals(),
        onEntry: (file) => void this.current.then((i) => i?.update(file)),
        rescan: () => this.rescan(),
      }),
    );
  }

  override dispose(): void {
    super.dispose();
    void this.current.then((i) => i?.flush());
  }
}
