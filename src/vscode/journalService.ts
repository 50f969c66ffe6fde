import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Goal, GOALS_FILE, parseGoals } from '../core/goals';
import { JournalIndex } from '../core/journalIndex';
import { ENTRIES_FOLDER } from '../core/journalFiles';
import { SettingKey } from './ids';
import { journalFolderPath } from './journalFolder';

/**
 * The journal the settings point at: its index (a lowdb cache in global storage, never in the
 * journal), its goals, and a watcher that keeps both current when files change, in VS Code or not.
 */
/** The journal's folders whose files Reflect reads or writes, besides each year of entries: the root (goals.md), entries/ (new years), templates/, reviews/. */
const OWN_FOLDERS = ['', 'entries', 'templates', 'reviews'];

export class JournalService implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires after the index or the goals changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly fileEmitter = new vscode.EventEmitter<string>();
  /**
   * Every file created, changed or deleted in the journal folder, as an absolute path: what the
   * journal's watchers report and what is saved in VS Code. Features that follow the journal's
   * files (auto-commit) listen here rather than to watchers of their own.
   */
  readonly onDidChangeFile = this.fileEmitter.event;
  private current: Promise<JournalIndex | undefined> = Promise.resolve(undefined);
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private goalsCache: Goal[] | undefined;

  constructor(
    private readonly storageFolder: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.changeEmitter,
      this.fileEmitter,
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

  journalFolder(): string | undefined {
    try {
      return journalFolderPath();
    } catch {
      return undefined;
    }
  }

  async goals(): Promise<Goal[]> {
    if (this.goalsCache) return this.goalsCache;
    const folder = this.journalFolder();
    if (!folder) return [];
    try {
      this.goalsCache = parseGoals(await fs.readFile(path.join(folder, GOALS_FILE), 'utf8'));
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
  async rescan(): Promise<void> {
    await (await this.current)?.rescan();
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

  private open(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const watchers = this.watchers;
    this.goalsCache = undefined;
    const previous = this.current;
    const folder = this.journalFolder();
    if (!folder) {
      this.current = Promise.resolve(undefined);
      this.changeEmitter.fire();
      return;
    }
    const indexFile = path.join(this.storageFolder, `index-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.json`);
    const index = new JournalIndex(folder, indexFile, (message) => this.log.info(message));
    index.onDidChange(() => this.changeEmitter.fire());
    this.current = previous
      .then((old) => old?.flush())
      .then(async () => {
        const started = performance.now();
        const stats = await index.load();
        this.log.info(
          `Index of ${folder}: ${stats.total} entries, ${stats.parsed} parsed, ${stats.removed} removed, cache ${stats.cache}, ${(performance.now() - started).toFixed(0)} ms`,
        );
        for (const failure of stats.failed) this.log.warn(`Could not read ${failure.path}: ${failure.reason}`);
        this.changeEmitter.fire();
        return index;
      })
      .catch((err: unknown) => {
        this.log.error(`Could not index ${folder}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });

    // One watcher for the whole journal. A folder created (or moved in) together with its files may
    // arrive as a single event for the folder, so any event that is not an entry triggers a rescan.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**'));
    const goalsFile = path.join(folder, GOALS_FILE);
    const entriesFolder = path.join(folder, ENTRIES_FOLDER);
    let rescan: NodeJS.Timeout | undefined;
    /** A folder of the journal (entries/<year>, templates, …) → its own watcher (see watchFolders below). */
    const folderWatchers = new Map<string, vscode.Disposable>();
    /** The folders that get a watcher of their own: each year of entries and OWN_FOLDERS. */
    const isFileFolder = (dir: string): boolean => path.dirname(dir) === entriesFolder || OWN_FOLDERS.some((f) => dir === path.join(folder, f));
    // A watcher reports a write more than once (and a save both ways): refresh only on a real change.
    const onGoals = (): void => void this.reloadGoals();
    const onEvent = (uri: vscode.Uri): void => {
      const file = uri.fsPath;
      // Non-correlated watchers may also hear of files elsewhere: only the journal's are news.
      const rel = path.relative(folder, file);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return;
      this.fileEmitter.fire(file);
      const dir = path.dirname(file);
      if (isFileFolder(dir) && !folderWatchers.has(dir)) void watchFolders();
      if (file === goalsFile) return onGoals();
      if (file !== entriesFolder && !file.startsWith(entriesFolder + path.sep)) return;
      if (file.toLowerCase().endsWith('.md')) {
        void this.current.then((i) => i?.update(file));
        return;
      }
      clearTimeout(rescan);
      rescan = setTimeout(() => void this.rescan().then(watchFolders), 300);
    };
    // The recursive watcher misses folders created in one burst with their parents (mkdir -p of
    // entries/2026 in a new journal): nothing inside them would ever be reported, deletes included.
    // So each folder that holds journal files also gets a plain, non-recursive watcher of its own.
    const watchFolders = async (): Promise<void> => {
      const years = await fs
        .readdir(entriesFolder, { withFileTypes: true })
        .then((list) => list.filter((d) => d.isDirectory()).map((d) => path.join(entriesFolder, d.name)))
        .catch(() => [] as string[]);
      const own = await Promise.all(OWN_FOLDERS.map((f) => path.join(folder, f)).map(async (dir) => ((await fs.stat(dir).catch(() => undefined))?.isDirectory() ? dir : undefined)));
      const dirs = [...years, ...own.filter((d): d is string => d !== undefined)];
      if (this.watchers !== watchers) return; // the journal changed meanwhile
      for (const [dir, w] of folderWatchers) {
        if (!dirs.includes(dir)) {
          w.dispose();
          folderWatchers.delete(dir);
        }
      }
      for (const dir of dirs.filter((d) => !folderWatchers.has(d))) {
        // No "**" and no "/" in the pattern: VS Code watches just this folder.
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*'));
        folderWatchers.set(dir, vscode.Disposable.from(w, w.onDidCreate(onEvent), w.onDidChange(onEvent), w.onDidDelete(onEvent)));
      }
    };
    void this.current.then(watchFolders);
    // A file watcher starts asynchronously and can miss changes made while it starts, or while the
    // machine slept: look once more after it has settled, and whenever the window regains focus
    // (cheap: unchanged files cost a stat each).
    const settle = setTimeout(() => void this.rescan().then(watchFolders), 2000);
    this.watchers.push(
      { dispose: () => folderWatchers.forEach((w) => w.dispose()) },
      { dispose: () => clearTimeout(settle) },
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.rescan();
      }),
      watcher,
      watcher.onDidCreate(onEvent),
      watcher.onDidChange(onEvent),
      watcher.onDidDelete(onEvent),
      { dispose: () => clearTimeout(rescan) },
      // Saves made in VS Code are picked up at once, whatever the file watcher's delay.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme === 'file') onEvent(doc.uri);
      }),
    );
  }

  dispose(): void {
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
    this.watchers = [];
    void this.current.then((i) => i?.flush());
  }
}
