// What the index file holds, and the checks that a file read back is what the index wrote: a cache
// file of another shape (damaged, or written by something else) is rebuilt, never used. Also what
// the index needs from its owner and what it reports back.
import { GROWTH_GROUPS } from '../../shared/noteKinds';
import { yieldToEventLoop } from '../toolkit/async';
import { EntrySummary, GrowthItem } from './entrySummary';
import { ENTRIES_FOLDER } from './journalFiles';
import { TemplateSections } from './templateSections';

export interface IndexedEntry extends EntrySummary {
  mtimeMs: number;
  size: number;
}

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
  /** What happened to the cache file before reconciling; `remapped`: read with other templates' `sections:` maps, so every entry was read again. */
  cache: 'warm' | 'missing' | 'corrupt' | 'outdated' | 'remapped';
}

export type IndexLog = (message: string) => void;

/**
 * The day each of these entries (journal-relative paths) entered the journal's history, for
 * entries whose name and front matter carry no date; missing from the map when history can't tell.
 */
export type HistoryDates = (relativePaths: string[]) => Promise<Map<string, string>>;

/** The user templates' `sections:` maps by entry type, read afresh on each call (core/retro's `loadTemplateSections`). */
export type TemplateSectionsSource = () => Promise<TemplateSections>;

/** The first line of the index file; each further line is one shard: `"<year folder>"\t<JSON of its entries>`. */
export interface IndexHeader {
  version: number;
  journal: string;
  /** The digest of the templates' `sections:` maps the entries were read with (`TemplateSections.digest`). */
  templates: string;
  shards: number;
}

export function isHeader(value: unknown): value is IndexHeader {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<IndexHeader>;
  return typeof v.version === 'number' && typeof v.journal === 'string' && typeof v.templates === 'string' && typeof v.shards === 'number';
}

/** Entries are stored in shards by their first folder below entries/ (the year): a change rewrites one. */
export function shardOf(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 2 ? parts[1] : '.';
}

export interface IndexShard {
  name: string;
  /** The shard's JSON as read, so an unchanged shard is written back without serializing it again. */
  json: string;
  entries: Record<string, IndexedEntry>;
}

/** The index file read back: whole and of this journal, of an older version or another journal, or damaged. */
export type IndexFileRead = { kind: 'ok'; header: IndexHeader; shards: IndexShard[] } | { kind: 'outdated'; reason: string } | { kind: 'corrupt'; reason: string };

/**
 * Checks the index file's text, every entry of it: each is used as it is read (its lines go to the
 * tree, the panel and the review), so one of the wrong shape makes the whole file damaged. Parses one
 * shard at a time with a yield between: no single parse blocks the extension host for long.
 */
export async function readIndexFile(text: string, expected: { version: number; journal: string }): Promise<IndexFileRead> {
  const corrupt = (reason: string): IndexFileRead => ({ kind: 'corrupt', reason });
  const lines = text.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0]);
  } catch {
    return corrupt('its first line is not JSON');
  }
  const version = header && typeof header === 'object' ? (header as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== expected.version) return { kind: 'outdated', reason: `is from schema version ${version}` };
  if (!isHeader(header)) return corrupt('it has no index header');
  if (header.journal !== expected.journal) return { kind: 'outdated', reason: 'belongs to another journal' };
  const shardLines = lines.slice(1).filter((l) => l !== '');
  if (shardLines.length !== header.shards) return corrupt(`it holds ${shardLines.length} of ${header.shards} parts`);
  const shards: IndexShard[] = [];
  for (const line of shardLines) {
    const tab = line.indexOf('\t');
    let name: unknown;
    let entries: unknown;
    try {
      name = JSON.parse(line.slice(0, tab));
      entries = JSON.parse(line.slice(tab + 1));
    } catch {
      return corrupt('a part of it is not JSON');
    }
    if (tab < 0 || typeof name !== 'string' || !entries || typeof entries !== 'object' || Array.isArray(entries)) return corrupt('a part of it is malformed');
    for (const [key, entry] of Object.entries(entries)) {
      if (!isIndexedEntry(entry) || entry.path !== key || !key.startsWith(`${ENTRIES_FOLDER}/`)) return corrupt('an entry in it is malformed');
    }
    shards.push({ name, json: line.slice(tab + 1), entries: entries as Record<string, IndexedEntry> });
    await yieldToEventLoop();
  }
  return { kind: 'ok', header, shards };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The shape the index writes for an entry; anything else in the cache file was not written by it. */
export function isIndexedEntry(v: unknown): v is IndexedEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    isString(e.path) &&
    isString(e.date) &&
    isString(e.type) &&
    typeof e.mtimeMs === 'number' &&
    typeof e.size === 'number' &&
    (e.energy === undefined || typeof e.energy === 'number') &&
    Array.isArray(e.tags) &&
    e.tags.every(isString) &&
    !!e.frontMatter &&
    typeof e.frontMatter === 'object' &&
    Array.isArray(e.items) &&
    e.items.every((i: unknown) => !!i && typeof i === 'object' && (GROWTH_GROUPS as readonly unknown[]).includes((i as GrowthItem).group) && isString((i as GrowthItem).text) && Number.isInteger((i as GrowthItem).line)) &&
    Array.isArray(e.followUps) &&
    e.followUps.every((f: unknown) => !!f && typeof f === 'object' && isString((f as { text: unknown }).text) && typeof (f as { done: unknown }).done === 'boolean')
  );
}
