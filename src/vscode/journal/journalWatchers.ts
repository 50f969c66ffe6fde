import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GOALS_FILE } from '../../core/growth/goals';
import { ENTRIES_FOLDER } from '../../core/journal/journalFiles';
import { debounce } from '../../core/toolkit/async';
import { DisposableStore, IDisposable, toDisposable } from '../../core/toolkit/lifecycle';
import { relativeInside } from '../../core/toolkit/paths';

/** The journal's folders whose files Reflect reads or writes, besides each year of entries: the root (goals.md), entries/ (new years), templates/, reviews/. */
const OWN_FOLDERS = ['', ENTRIES_FOLDER, 'templates', 'reviews'];

export interface JournalEvents {
  /** Any file created, changed or deleted inside the journal. */
  onFile(file: string): void;
  onGoals(): void;
  /** A Markdown file below entries/. */
  onEntry(file: string): void;
  /** Compare the index with the files again (for events a watcher cannot describe). */
  rescan(): Promise<void>;
}

/**
 * Watches one journal folder, in VS Code or not. `ready` is the index load: folder watchers start
 * once the folders it found exist. Everything stops when the result is disposed.
 */
export function watchJournal(folder: string, ready: Promise<unknown>, events: JournalEvents): IDisposable {
  const scope = new DisposableStore();
  let disposed = false;
  scope.add(toDisposable(() => (disposed = true)));
  const goalsFile = path.join(folder, GOALS_FILE);
  const entriesFolder = path.join(folder, ENTRIES_FOLDER);
  /** A folder of the journal (entries/<year>, templates, …) → its own watcher (see watchFolders below). */
  const folderWatchers = new Map<string, vscode.Disposable>();
  scope.add(toDisposable(() => folderWatchers.forEach((w) => w.dispose())));
  /** The folders that get a watcher of their own: each year of entries and OWN_FOLDERS. */
  const isFileFolder = (dir: string): boolean => path.dirname(dir) === entriesFolder || OWN_FOLDERS.some((f) => dir === path.join(folder, f));

  const rescanSoon = debounce(() => void events.rescan().then(watchFolders), 300);
  scope.add(toDisposable(() => rescanSoon.cancel()));
  const onEvent = (uri: vscode.Uri): void => {
    const file = uri.fsPath;
    // Non-correlated watchers may also hear of files elsewhere: only the journal's are news.
    if (relativeInside(folder, file) === undefined) return;
    events.onFile(file);
    const dir = path.dirname(file);
    if (isFileFolder(dir) && !folderWatchers.has(dir)) void watchFolders();
    if (file === goalsFile) return events.onGoals();
    if (file !== entriesFolder && relativeInside(entriesFolder, file) === undefined) return;
    // A folder created (or moved in) together with its files may arrive as one event for the
    // folder, so any event below entries/ that is not an entry triggers a rescan.
    if (file.toLowerCase().endsWith('.md')) events.onEntry(file);
    else rescanSoon();
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
    if (disposed) return; // the journal changed meanwhile
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
  void ready.then(watchFolders);

  // One recursive watcher for the whole journal, for deeper layouts the index accepts.
  const watcher = scope.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**')));
  scope.add(watcher.onDidCreate(onEvent));
  scope.add(watcher.onDidChange(onEvent));
  scope.add(watcher.onDidDelete(onEvent));
  // A file watcher starts asynchronously and can miss changes made while it starts, or while the
  // machine slept: look once more after it has settled, and whenever the window regains focus
  // (cheap: unchanged files cost a stat each).
  const settle = setTimeout(() => void events.rescan().then(watchFolders), 2000);
  scope.add(toDisposable(() => clearTimeout(settle)));
  scope.add(
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) void events.rescan();
    }),
  );
  // Saves made in VS Code are picked up at once, whatever the file watcher's delay.
  scope.add(
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.scheme === 'file') onEvent(doc.uri);
    }),
  );
  return scope;
}
