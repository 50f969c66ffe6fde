import * as path from 'node:path';
import { FrontMatterData, parseMarkdown } from './frontMatter';
import { parseEntryName } from './journalFiles';
import { GrowthGroup, groupOfSection } from '../../shared/noteKinds';
import { proseNotes } from './proseNotes';
import { listItems, normalizeHeading, splitSections } from './sections';
import { HeadingGroupsByType, headingGroups } from './templateSections';

export interface GrowthItem {
  group: GrowthGroup;
  text: string;
  /** 0-based line in the entry file. */
  line: number;
  /** A ticked task-list item (`- [x]`). */
  done?: boolean;
}

export interface EntrySummary {
  /** Path relative to the journal folder, with forward slashes. */
  path: string;
  /** `YYYY-MM-DD`: front matter `date`, else the file name's date. */
  date: string;
  type: string;
  energy?: number;
  tags: string[];
  /** The whole front matter, as written (empty when missing or broken). */
  frontMatter: FrontMatterData;
  items: GrowthItem[];
  /** Commitments carried in this entry's "Last time" section, ticked or not. */
  followUps: { text: string; done: boolean }[];
  /** Why the front matter was ignored, if it was unreadable. */
  error?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `2026-08-26.md`, `2026-08-26 offsite.md`: a date that starts the name, whatever follows. */
const LEADING_DATE = /^(\d{4}-\d{2}-\d{2})(?![\d])/;

/** 1 to 5 as a number, `"4"`, `2/5` or `3.5`; undefined for anything else. */
export function energyOf(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d(?:\.\d+)?)\s*(?:\/\s*5\s*)?$/.exec(value);
    if (m) n = Number(m[1]);
  }
  return n !== undefined && n >= 1 && n <= 5 ? n : undefined;
}

/**
 * Reads one entry: its date, type, energy, tags and every bullet of the sections that feed Growth
 * Notes, with line numbers. Never throws: broken front matter still yields the body's items.
 * `templateSections` holds each user template's `sections:` map by entry type: a heading it names
 * goes to that group. An entry's own `sections:` front matter (which older versions copied from
 * the template) wins over the template's, heading by heading; other headings are read by meaning.
 */
export function summarizeEntry(relativePath: string, text: string, fallbackDate = '', templateSections?: HeadingGroupsByType): EntrySummary {
  const parsed = parseMarkdown(text);
  const name = path.posix.basename(relativePath);
  const fromName = parseEntryName(name);
  const data = parsed.data;
  // The name first (what Reflect wrote, and what a person sees), then the front matter; the
  // caller supplies the journal's history for the rest. Never the file's mtime: a clone resets it.
  const date = fromName?.date ?? LEADING_DATE.exec(name)?.[1] ?? (typeof data.date === 'string' && ISO_DATE.test(data.date) ? data.date : fallbackDate);
  const type = typeof data.type === 'string' && data.type ? data.type : (fromName?.type ?? 'note');
  const energy = energyOf(data.energy);
  const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : typeof data.tags === 'string' ? [data.tags] : [];
  const own = headingGroups(data.sections);
  const fromTemplate = templateSections?.get(type);
  const mapped = (heading: string): GrowthGroup | undefined => {
    if (own.size === 0 && !fromTemplate) return undefined; // most entries: no map to look in
    const key = normalizeHeading(heading);
    return own.get(key) ?? fromTemplate?.get(key);
  };
  const items: GrowthItem[] = [];
  const followUps: EntrySummary['followUps'] = [];
  const sections = splitSections(parsed.body, parsed.bodyLine);
  for (const section of sections) {
    if (section.kind === 'lastTime') {
      for (const item of listItems(section)) followUps.push({ text: item.text, done: item.checked === true });
      continue;
    }
    const group = mapped(section.heading) ?? (section.kind && groupOfSection(section.kind));
    if (!group) continue;
    for (const item of listItems(section)) {
      const growthItem: GrowthItem = { group, text: item.text, line: section.line + 1 + item.index };
      if (item.checked === true) growthItem.done = true;
      items.push(growthItem);
    }
  }
  // Prose, or headings that mean nothing Reflect knows: the sentences that carry meaning.
  if (items.length === 0 && followUps.length === 0 && !sections.some((s) => s.kind)) {
    for (const note of proseNotes(parsed.body, parsed.bodyLine)) items.push(note);
  }
  const summary: EntrySummary = { path: relativePath, date, type, tags, frontMatter: data, items, followUps };
  if (energy !== undefined) summary.energy = energy;
  if (parsed.error) summary.error = parsed.error;
  return summary;
}
