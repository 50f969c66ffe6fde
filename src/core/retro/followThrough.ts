import { parseMarkdown } from '../journal/frontMatter';
import { listItems, splitSections } from '../journal/sections';

/** What the journal index knows of an entry that "previous retro" needs. */
export interface RetroSlot {
  /** Relative to the journal, `/`-separated. */
  path: string;
  date: string;
  type: string;
}

/** The most recent entry of `type` dated before `beforeDate` (`YYYY-MM-DD`), if any. */
export function previousRetro(entries: readonly RetroSlot[], type: string, beforeDate: string): RetroSlot | undefined {
  let best: RetroSlot | undefined;
  for (const e of entries) {
    if (e.type !== type || e.date >= beforeDate) continue;
    if (!best || e.date > best.date || (e.date === best.date && e.path > best.path)) best = e;
  }
  return best;
}

/**
 * Commitments still open in a retro: its "one thing I'll do differently" items and the carried
 * "Last time" items the user has not ticked. Ticked items are done; deleted items are dropped.
 */
export function openCommitments(markdown: string): string[] {
  const { body } = parseMarkdown(markdown);
  const open: string[] = [];
  const seen = new Set<string>();
  for (const section of splitSections(body)) {
    if (section.kind !== 'lastTime' && section.kind !== 'change') continue;
    for (const item of listItems(section)) {
      const key = item.text.toLowerCase().replace(/\s+/g, ' ');
      if (item.checked === true || seen.has(key)) continue;
      seen.add(key);
      open.push(item.text);
    }
  }
  return open;
}
