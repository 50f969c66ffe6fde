import { promises as fs, lstatSync, readFileSync, Stats } from 'node:fs';
import * as path from 'node:path';
import { TextFile } from 'lowdb/node';
import { summarizeEntry } from './entrySummary';
import { HistoryDates, IndexedEntry, IndexHeader, IndexLog, IndexStats, readIndexFile, shardOf, TemplateSectionsSource } from './indexShape';
import { ENTRIES_FOLDER, listMarkdown } from './journalFiles';
import { NO_TEMPLATE_SECTIONS, TemplateSections, typesRemapped } from './templateSections';
import { Sequencer, yieldToEventLoop } from '../toolkit/async';
import { toIsoDate } from '../toolkit/localDates';
import { realpathOr, relativeInside } from '../toolkit/paths';

/** Bump when EntrySummary's shape or meaning changes: an older index is then rebuilt (6: "Helped others" sections feed a group). */
export const INDEX_SCHEMA_VERSION = 6;

export type { HistoryDates, IndexedEntry, IndexHeader, IndexLog, IndexStats, TemplateSectionsSource } from './indexShape';

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
  /** The templates' heading maps every entry in `data` was read with. */
  private templates: TemplateSections = NO_TEMPLATE_SECTIONS;

  constructor(
    readonly journalFolder: string,
    readonly indexFile: string,
    private readonly log: IndexLog = () => {},
    private readonly historyDates?: HistoryDates,
    private readonly templateSections?: TemplateSectionsSource,
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
    this.templates = await this.readTemplates();
    const cache = await this.readCache();
    const stats = await this.reconcile(cache, cache === 'remapped' ? () => true : undefined);
    if (stats.parsed > 0 || stats.removed > 0 || cache !== 'warm') await this.save();
    if (stats.parsed > 0 || stats.removed > 0) this.changed();
    return stats;
  }

  /**
   * Compares the in-memory index with the files again, parsing only what changed. For events a
   * file watcher can miss, such as a folder of entries created or moved in one step, or a template
   * edited while no watcher listened: the templates' heading maps are read again too.
   */
  rescan(): Promise<IndexStats> {
    return this.serialize(() => this.doRescan(true));
  }

  /**
   * After a template changed: reads the templates' `sections:` maps again and re-reads the entries
   * of every type whose map changed (with whatever else changed on disk). Nothing when no map changed.
   */
  refreshTemplates(): Promise<IndexStats> {
    return this.serialize(() => this.doRescan(false));
  }

  private async doRescan(always: boolean): Promise<IndexStats> {
    const next = await this.readTemplates();
    const remapped = typesRemapped(this.templates, next);
    const templatesChanged = next.digest !== this.templates.digest;
    this.templates = next;
    if (!always && !templatesChanged) return { total: Object.keys(this.data).length, parsed: 0, removed: 0, failed: [], links: [], cache: 'warm' };
    const stats = await this.reconcile('warm', remapped.size > 0 ? (entry) => remapped.has(entry.type) : undefined);
    if (templatesChanged) this.log(`Templates' sections changed (${[...remapped].join(', ')}): read their entries again`);
    // A changed digest is saved even when no entry has a remapped type: the next start stays warm.
    if (stats.parsed > 0 || stats.removed > 0 || templatesChanged) this.scheduleSave();
    if (stats.parsed > 0 || stats.removed > 0) this.changed();
    return stats;
  }

  /** Forgets the cache and parses every file again. */
  rebuild(): Promise<IndexStats> {
    return this.serialize(() => this.doRebuild());
  }

  private async doRebuild(): Promise<IndexStats> {
    this.templates = await this.readTemplates();
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
    return { ...summarizeEntry(rel, text, '', this.templates.byType), mtimeMs: stat.mtimeMs, size: stat.size };
  }

  /** The templates' heading maps now; when they cannot be read, the ones the index has (never a failed load). */
  private async readTemplates(): Promise<TemplateSections> {
    if (!this.templateSections) return this.templates;
    try {
      return await this.templateSections();
    } catch (err) {
      this.log(`Could not read the journal's templates: ${err instanceof Error ? err.message : String(err)}`);
      return this.templates;
    }
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
    const read = await readIndexFile(text, { version: INDEX_SCHEMA_VERSION, journal: this.journalFolder });
    if (read.kind === 'corrupt') return this.corrupt(read.reason);
    if (read.kind === 'outdated') {
      this.log(`Index ${this.indexFile} ${read.reason}; rebuilding it`);
      return 'outdated';
    }
    for (const shard of read.shards) {
      Object.assign(this.data, shard.entries);
      this.shardJson.set(shard.name, shard.json);
    }
    if (read.header.templates !== this.templates.digest) {
      // Summaries filed by other heading maps: kept (so removals still count) and all read again.
      this.log(`Index ${this.indexFile} was built with other templates' sections; reading every entry again`);
      return 'remapped';
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

  /** `reparse`: cached entries to read again even when their file is unchanged (a template's map changed). */
  private async reconcile(cache: IndexStats['cache'], reparse?: (entry: IndexedEntry) => boolean): Promise<IndexStats> {
    const links: string[] = [];
    const entriesFolder = path.join(this.journalFolder, ENTRIES_FOLDER);
    // entries/ itself as a link is skipped like any other: a full scan and a single update agree.
    const folderIsLink = await fs.lstat(entriesFolder).then((s) => s.isSymbolicLink()).catch(() => false);
    if (folderIsLink) links.push(entriesFolder);
    const files = folderIsLink ? [] : await listMarkdown(entriesFolder, links);
    const stats: IndexStats = { total: 0, parsed: 0, removed: 0, failed: [], cache, links: links.map((l) => relativeInside(this.journalFolder, l) ?? l) };
    const entries = this.data;
    const seen = new Set<string>();
    /** `date`: what history said of an unchanged file read again for its template; asked only once. */
    const toParse: { rel: string; abs: string; stat: Stats; date?: string }[] = [];

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
        else if (reparse?.(cached)) toParse.push({ rel, abs, stat, date: cached.date });
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
          const parsed = this.parse(f.rel, readFileSync(f.abs, 'utf8'), f.stat);
          this.set(f.rel, parsed.date === '' && f.date ? { ...parsed, date: f.date } : parsed);
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
      const header: IndexHeader = { version: INDEX_SCHEMA_VERSION, journal: this.journalFolder, templates: this.templates.digest, shards: this.shardJson.size };
      const lines = [JSON.stringify(header), ...[...this.shardJson].map(([shard, json]) => `${JSON.stringify(shard)}\t${json}`)];
      await fs.mkdir(path.dirname(this.indexFile), { recursive: true });
      await this.file.write(`${lines.join('\n')}\n`);
    } catch (err) {
      // Another window may have renamed the shared temp file first. The files stay the truth.
      this.log(`Could not save the index (${err instanceof Error ? err.message : String(err)}); it will be checked again on the next start`);
    }
  }
}

