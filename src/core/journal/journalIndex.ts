import { promises as fs, lstatSync, readFileSync, Stats } from 'node:fs';
import * as path from 'node:path';
import { TextFile } from 'lowdb/node';
import { summarizeEntry } from './entrySummary';
import { IndexedEntry, IndexHeader, isHeader, isIndexedEntry } from './indexShape';
import { ENTRIES_FOLDER, listMarkdown } from './journalFiles';
import { Sequencer, yieldToEventLoop } from '../toolkit/async';
import { toIsoDate } from '../toolkit/localDates';
import { realpathOr, relativeInside } from '../toolkit/paths';

/** Bump when EntrySummary's shape or meaning changes: an older index is then rebuilt. */
export const INDEX_SCHEMA_VERSION = 4;

export type { IndexedEntry, IndexHeader } from './indexShape';

export interface IndexStats {
  /** Entries on disk. */
  total: number;
  /** Entries read and parsed (new or changed since the cache). */
  parsed: number;
  removed: number;
  /** Files that could not be read; listed, skipped, never fatal. */
  failed: { path: string; reason: string }[];
  /** Links found in the journal, relative paths: never read (a link may lead anywhere). */
  links: string[];
  /** What happened to the cache file before reconciling. */
  cache: 'warm' | 'missing' | 'corrupt' | 'outdated';
}

export type IndexLog = (message: string) => void;

/**
 * The day each of these entries (journal-relative paths) entered the journal's history, for
 * entries whose name and front matter carry no date; missing from the map when history can't tell.
 */
export type HistoryDates = (relativePaths: string[]) => Promise<Map<string, string>>;

/** Files handled between yields to the event loop, so indexing never blocks the extension host for long. */
const STAT_BATCH = 256;
const PARSE_BATCH = 32;

/**
 * A cache of every entry's summary, kept in a lowdb text file outside the journal (a header line,
 * then one JSON line per year folder). The Markdown
 * files are the truth: on load each cached entry is checked against the file's mtime and size, so
 * a stale or lost cache costs a re-parse, never a wrong answer. Several VS Code windows may share
 * one index file without a lock for the same reason; a failed write is logged, not thrown.
 */
export class JournalIndex {
  /** lowdb's text adapter: atomic writes (temp file + rename) through steno. */
  private readonly file: TextFile;
  private data: Record<string, IndexedEntry> = {};
  /** Each shard's JSON as last read or written, so a save re-serializes only the shards that changed. */
  private readonly shardJson = new Map<string, string>();
  private readonly dirtyShards = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private saveTimer: NodeJS.Timeout | undefined;
  /** Operations run one at a time: a read that started before a delete must not land after it. */
  private readonly operations = new Sequencer();

  constructor(
    readonly journalFolder: string,
    readonly indexFile: string,
    private readonly log: IndexLog = () => {},
    private readonly historyDates?: HistoryDates,
  ) {
    this.file = new TextFile(indexFile);
  }

  /** Every indexed entry, newest first. */
  entries(): IndexedEntry[] {
    return Object.values(this.data).sort((a, b) => b.date.localeCompare(a.date) || b.path.localeCompare(a.path));
  }

  entry(relativePath: string): IndexedEntry | undefined {
    return this.data[relativePath];
  }

  private set(rel: string, entry: IndexedEntry): void {
    this.data[rel] = entry;
    this.dirtyShards.add(shardOf(rel));
  }

  private delete(rel: string): void {
    delete this.data[rel];
    this.dirtyShards.add(shardOf(rel));
  }

  private clear(): void {
    for (const rel of Object.keys(this.data)) this.dirtyShards.add(shardOf(rel));
    for (const shard of this.shardJson.keys()) this.dirtyShards.add(shard);
    this.data = {};
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private serialize<T>(operation: () => Promise<T>): Promise<T> {
    return this.operations.queue(operation);
  }

  /** Reads the cache (rebuilding it if corrupt or outdated), then brings it in line with the files. */
  load(): Promise<IndexStats> {
    return this.serialize(() => this.doLoad());
  }

  private async doLoad(): Promise<IndexStats> {
    const cache = await this.readCache();
    const stats = await this.reconcile(cache);
    if (stats.parsed > 0 || stats.removed > 0 || cache !== 'warm') await this.save();
    if (stats.parsed > 0 || stats.removed > 0) this.changed();
    return stats;
  }

  /**
   * Compares the in-memory index with the files again, parsing only what changed. For events a
   * file watcher can miss, such as a folder of entries created or moved in one step.
   */
  rescan(): Promise<IndexStats> {
    return this.serialize(() => this.doRescan());
  }

  private async doRescan(): Promise<IndexStats> {
    const stats = await this.reconcile('warm');
    if (stats.parsed > 0 || stats.removed > 0) {
      this.scheduleSave();
      this.changed();
    }
    return stats;
  }

  /** Forgets the cache and parses every file again. */
  rebuild(): Promise<IndexStats> {
    return this.serialize(() => this.doRebuild());
  }

  private async doRebuild(): Promise<IndexStats> {
    this.clear();
    const stats = await this.reconcile('missing');
    await this.save();
    this.changed();
    return stats;
  }

  /** Re-reads one file after it was created, changed or deleted. Paths outside `entries/` are ignored. */
  update(absolutePath: string): Promise<'updated' | 'removed' | 'unchanged' | 'ignored'> {
    return this.serialize(() => this.doUpdate(absolutePath));
  }

  private async insideJournal(file: string): Promise<boolean> {
    const [root, folder] = await Promise.all([realpathOr(this.journalFolder), realpathOr(path.dirname(file))]);
    return relativeInside(root, folder) !== undefined || root === folder;
  }

  private async doUpdate(absolutePath: string): Promise<'updated' | 'removed' | 'unchanged' | 'ignored'> {
    const rel = this.relative(absolutePath);
    if (!rel) return 'ignored';
    let stat: Stats | undefined;
    try {
      stat = await fs.lstat(absolutePath);
      // A link, or a file reached through a folder that links outside the journal, is no entry.
      if (!stat.isFile() || !(await this.insideJournal(absolutePath))) stat = undefined;
    } catch {
      stat = undefined;
    }
    if (!stat) {
      if (!this.data[rel]) return 'unchanged';
      this.delete(rel);
      this.scheduleSave();
      this.changed();
      return 'removed';
    }
    const cached = this.data[rel];
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return 'unchanged';
    try {
      this.set(rel, this.parse(rel, await fs.readFile(absolutePath, 'utf8'), stat));
      await this.dateUndated([rel]);
    } catch (err) {
      this.log(`Skipped ${rel}: ${err instanceof Error ? err.message : String(err)}`);
      return 'unchanged';
    }
    this.scheduleSave();
    this.changed();
    return 'updated';
  }

  /** `entries/…/x.md` relative to the journal, or undefined for any other file. */
  relative(absolutePath: string): string | undefined {
    const rel = relativeInside(this.journalFolder, absolutePath);
    return rel?.startsWith(`${ENTRIES_FOLDER}/`) && rel.toLowerCase().endsWith('.md') ? rel : undefined;
  }

  private parse(rel: string, text: string, stat: Stats): IndexedEntry {
    return { ...summarizeEntry(rel, text), mtimeMs: stat.mtimeMs, size: stat.size };
  }

  /**
   * Dates entries whose name and front matter say nothing: by the journal's history (after a clone
   * every file's mtime is the clone's), else by the local day the file was last written, which
   * only happens for a file history does not hold, so one written on this machine.
   */
  private async dateUndated(rels: string[]): Promise<void> {
    const undated = rels.filter((rel) => this.data[rel]?.date === '');
    if (undated.length === 0) return;
    const fromHistory = await (this.historyDates?.(undated) ?? Promise.resolve(new Map<string, string>())).catch((err: unknown) => {
      this.log(`Could not read the journal's history for ${undated.length} undated entries: ${err instanceof Error ? err.message : String(err)}`);
      return new Map<string, string>();
    });
    for (const rel of undated) {
      const entry = this.data[rel];
      if (!entry) continue;
      // The local day: an evening entry in UTC-5 is not dated tomorrow.
      this.set(rel, { ...entry, date: fromHistory.get(rel) ?? toIsoDate(new Date(entry.mtimeMs)) });
    }
  }

  private async readCache(): Promise<IndexStats['cache']> {
    this.clear();
    this.dirtyShards.clear();
    this.shardJson.clear();
    let text: string | null;
    try {
      text = await this.file.read();
    } catch (err) {
      return this.corrupt(err instanceof Error ? err.message : String(err));
    }
    if (text === null) return 'missing';
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0]);
    } catch {
      return this.corrupt('its first line is not JSON');
    }
    const version = header && typeof header === 'object' ? (header as { version?: unknown }).version : undefined;
    if (typeof version === 'number' && version !== INDEX_SCHEMA_VERSION) {
      this.log(`Index ${this.indexFile} is from schema version ${version}; rebuilding it`);
      return 'outdated';
    }
    if (!isHeader(header)) return this.corrupt('it has no index header');
    if (header.journal !== this.journalFolder) {
      this.log(`Index ${this.indexFile} belongs to another journal; rebuilding it`);
      return 'outdated';
    }
    const shardLines = lines.slice(1).filter((l) => l !== '');
    if (shardLines.length !== header.shards) return this.corrupt(`it holds ${shardLines.length} of ${header.shards} parts`);
    // One shard at a time, with a yield between: no single parse blocks the extension host for long.
    for (const line of shardLines) {
      const tab = line.indexOf('\t');
      let shard: unknown;
      let entries: unknown;
      try {
        shard = JSON.parse(line.slice(0, tab));
        entries = JSON.parse(line.slice(tab + 1));
      } catch {
        return this.corrupt('a part of it is not JSON');
      }
      if (tab < 0 || typeof shard !== 'string' || !entries || typeof entries !== 'object' || Array.isArray(entries)) {
        return this.corrupt('a part of it is malformed');
      }
      // Every entry is used as it is read (its lines go to the tree, the panel and the review): one
      // of the wrong shape is a damaged cache, rebuilt from the files.
      for (const [key, entry] of Object.entries(entries)) {
        if (!isIndexedEntry(entry) || entry.path !== key || !key.startsWith(`${ENTRIES_FOLDER}/`)) return this.corrupt('an entry in it is malformed');
      }
      Object.assign(this.data, entries);
      this.shardJson.set(shard, line.slice(tab + 1));
      await yieldToEventLoop();
    }
    return 'warm';
  }

  private async corrupt(reason: string): Promise<'corrupt'> {
    this.clear();
    this.shardJson.clear();
    await this.moveAside(reason);
    return 'corrupt';
  }

  private async moveAside(reason: string): Promise<void> {
    const aside = `${this.indexFile}.corrupt-${Date.now()}`;
    try {
      await fs.rename(this.indexFile, aside);
      this.log(`Index ${this.indexFile} was unreadable (${reason}); moved it to ${aside} and rebuilt it from the journal`);
    } catch {
      this.log(`Index ${this.indexFile} was unreadable (${reason}); rebuilding it from the journal`);
    }
  }

  private async reconcile(cache: IndexStats['cache']): Promise<IndexStats> {
    const links: string[] = [];
    const entriesFolder = path.join(this.journalFolder, ENTRIES_FOLDER);
    // entries/ itself as a link is skipped like any other: a full scan and a single update agree.
    const folderIsLink = await fs.lstat(entriesFolder).then((s) => s.isSymbolicLink()).catch(() => false);
    if (folderIsLink) links.push(entriesFolder);
    const files = folderIsLink ? [] : await listMarkdown(entriesFolder, links);
    const stats: IndexStats = { total: 0, parsed: 0, removed: 0, failed: [], cache, links: links.map((l) => relativeInside(this.journalFolder, l) ?? l) };
    const entries = this.data;
    const seen = new Set<string>();
    const toParse: { rel: string; abs: string; stat: Stats }[] = [];

    // Synchronous stat and read calls in small batches, with a yield after each: for thousands of
    // small files this is several times faster than as many promises, and no batch blocks long.
    for (let i = 0; i < files.length; i += STAT_BATCH) {
      for (const abs of files.slice(i, i + STAT_BATCH)) {
        const rel = this.relative(abs);
        if (!rel) continue;
        let stat: Stats;
        try {
          stat = lstatSync(abs);
        } catch {
          continue; // vanished between listing and stat: treated as deleted below
        }
        if (!stat.isFile()) continue; // replaced by a link since it was listed: never read
        seen.add(rel);
        const cached = entries[rel];
        if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) toParse.push({ rel, abs, stat });
      }
      await yieldToEventLoop();
    }
    for (const rel of Object.keys(entries)) {
      if (!seen.has(rel)) {
        this.delete(rel);
        stats.removed++;
      }
    }
    for (let i = 0; i < toParse.length; i += PARSE_BATCH) {
      for (const f of toParse.slice(i, i + PARSE_BATCH)) {
        try {
          this.set(f.rel, this.parse(f.rel, readFileSync(f.abs, 'utf8'), f.stat));
          stats.parsed++;
        } catch (err) {
          seen.delete(f.rel);
          if (entries[f.rel]) this.delete(f.rel);
          stats.failed.push({ path: f.rel, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      await yieldToEventLoop();
    }
    await this.dateUndated(toParse.map((f) => f.rel));
    stats.total = seen.size;
    for (const failure of stats.failed) this.log(`Skipped ${failure.path}: ${failure.reason}`);
    return stats;
  }

  /** Saves a burst of single-file updates once, a moment after the last one. */
  private scheduleSave(delayMs = 1000): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delayMs);
  }

  /** Writes pending changes now (on shutdown, or when a test wants the file). */
  async flush(): Promise<void> {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.save();
  }

  private async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    try {
      if (this.dirtyShards.size > 0) {
        const byShard = new Map<string, Record<string, IndexedEntry>>();
        for (const shard of this.dirtyShards) byShard.set(shard, {});
        for (const [rel, entry] of Object.entries(this.data)) {
          const bucket = byShard.get(shardOf(rel));
          if (bucket) bucket[rel] = entry;
        }
        this.dirtyShards.clear();
        for (const [shard, entries] of byShard) {
          if (Object.keys(entries).length === 0) this.shardJson.delete(shard);
          else this.shardJson.set(shard, JSON.stringify(entries));
          await yieldToEventLoop();
        }
      }
      const header: IndexHeader = { version: INDEX_SCHEMA_VERSION, journal: this.journalFolder, shards: this.shardJson.size };
      const lines = [JSON.stringify(header), ...[...this.shardJson].map(([shard, json]) => `${JSON.stringify(shard)}\t${json}`)];
      await fs.mkdir(path.dirname(this.indexFile), { recursive: true });
      await this.file.write(`${lines.join('\n')}\n`);
    } catch (err) {
      // Another window may have renamed the shared temp file first. The files stay the truth.
      this.log(`Could not save the index (${err instanceof Error ? err.message : String(err)}); it will be checked again on the next start`);
    }
  }
}

/** Entries are stored in shards by their first folder below entries/ (the year): a change rewrites one. */
function shardOf(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 2 ? parts[1] : '.';
}
