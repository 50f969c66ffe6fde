import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from './frontMatter';
import { ENTRIES_FOLDER, parseEntryName } from './journalFiles';
import { listItems, splitSections } from './retroSections';

export interface PreviousRetro {
  path: string;
  date: string;
}

/** The most recent entry of `type` dated before `beforeDate` (`YYYY-MM-DD`), if any. */
export async function findPreviousRetro(journalFolder: string, type: string, beforeDate: string): Promise<PreviousRetro | undefined> {
  const entries = path.join(journalFolder, ENTRIES_FOLDER);
  const years = (await readdirOrEmpty(entries)).filter((y) => /^\d{4}$/.test(y) && y <= beforeDate.slice(0, 4)).sort().reverse();
  for (const year of years) {
    const candidates = (await readdirOrEmpty(path.join(entries, year)))
      .map((name) => ({ name, parsed: parseEntryName(name) }))
      .filter((f) => f.parsed && f.parsed.type === type && f.parsed.date < beforeDate)
      .sort((a, b) => b.name.localeCompare(a.name));
    if (candidates.length > 0) {
      return { path: path.join(entries, year, candidates[0].name), date: candidates[0].parsed!.date };
    }
  }
  return undefined;
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
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
