// What the index file holds, and the checks that a file read back is what the index wrote: a cache
// file of another shape (damaged, or written by something else) is rebuilt, never used.
import { GROWTH_GROUPS } from '../../shared/noteKinds';
import { EntrySummary, GrowthItem } from './entrySummary';

export interface IndexedEntry extends EntrySummary {
  mtimeMs: number;
  size: number;
}

/** The first line of the index file; each further line is one shard: `"<year folder>"\t<JSON of its entries>`. */
export interface IndexHeader {
  version: number;
  journal: string;
  shards: number;
}

export function isHeader(value: unknown): value is IndexHeader {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<IndexHeader>;
  return typeof v.version === 'number' && typeof v.journal === 'string' && typeof v.shards === 'number';
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
