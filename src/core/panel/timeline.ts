import { PeriodFilter } from '../../shared/protocol';
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { addDays, toIsoDate } from '../toolkit/localDates';

/** The dates a period filter covers at `now` (local calendar days, both ends inclusive). */
export function periodRange(period: PeriodFilter, now: Date): Period {
  const year = now.getFullYear();
  switch (period) {
    case 'all':
      return {};
    case 'last30':
      return { from: toIsoDate(addDays(now, -29)), to: toIsoDate(now) };
    case 'last90':
      return { from: toIsoDate(addDays(now, -89)), to: toIsoDate(now) };
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** `#Rust` and `rust` are one tag. */
export const normalizeTag = (tag: string): string => tag.trim().replace(/^#/, '').toLowerCase();

export interface TimelineFilter {
  type: string;
  tag: string;
  period: PeriodFilter;
}

/** Entries (newest first, as given) of one type, with one tag, in one period; "" means any. */
export function filterTimeline(entries: readonly IndexedEntry[], filter: TimelineFilter, now: Date): IndexedEntry[] {
  const range = periodRange(filter.period, now);
  const tag = normalizeTag(filter.tag);
  return entries.filter(
    (e) => (!filter.type || e.type === filter.type) && (!tag || e.tags.some((t) => normalizeTag(t) === tag)) && inPeriod(e.date, range),
  );
}

/** The types (most used first) and tags (alphabetical, first spelling seen) the filters offer. */
export function timelineFacets(entries: readonly IndexedEntry[], maxTags = 500): { types: string[]; tags: string[] } {
  const typeCounts = new Map<string, number>();
  const tags = new Map<string, string>();
  for (const e of entries) {
    typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
    for (const t of e.tags) {
      const key = normalizeTag(t);
      if (key && !tags.has(key)) tags.set(key, t.trim().replace(/^#/, ''));
    }
  }
  return {
    types: [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t),
    tags: [...tags.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })).slice(0, maxTags),
  };
}
