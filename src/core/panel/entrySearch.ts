import { readFileSync, statSync } from 'node:fs';
import { IndexedEntry } from '../journal/journalIndex';
import { resolveJournalFile } from '../journal/journalPaths';
import { headingOf, sectionKindOf } from '../journal/sections';

// Full-text search and previews for the journal panel. Texts are read lazily from the files (the
// index holds summaries only) and kept in a bounded cache keyed by mtime and size, so a second
// search costs no disk reads and a changed file is read again.

export interface EntryText {
  /** The file's text after the front matter. */
  body: string;
  /** 0-based line of the body's first line in the file. */
  bodyLine: number;
  /** `body` folded for matching (lower case, no accents); made on first search. */
  folded?: string;
  /** entryPreview(body), made on first use. */
  preview?: string;
}

interface Cached extends EntryText {
  mtimeMs: number;
  size: number;
}

/** Folds text for case- and accent-insensitive matching: "Café Déjà" → "cafe deja". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?$/;
const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

/** Splits off a front matter block without parsing the YAML (previews and search need only the body). */
export function splitBody(text: string): { body: string; bodyLine: number } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = clean.split('\n');
  if (!FRONT_MATTER_OPEN.test(lines[0] ?? '')) return { body: clean, bodyLine: 0 };
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSE.test(line));
  if (close < 0) return { body: clean, bodyLine: 0 };
  return { body: lines.slice(close + 1).join('\n'), bodyLine: close + 1 };
}

/** How the cache reaches the files: Node's file system, or a test's recording twin. */
export interface EntryFiles {
  readText(file: string): string;
  version(file: string): { mtimeMs: number; size: number };
}

export const nodeEntryFiles: EntryFiles = {
  readText: (file) => readFileSync(file, 'utf8'),
  version: (file) => {
    const stat = statSync(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  },
};

/**
 * Entry texts by file, read on demand. Bounded by `maxChars` in total: the oldest reads are
 * dropped first, so a journal of many years costs a re-read, never unbounded memory.
 */
export class EntryTextCache {
  private readonly texts = new Map<string, Cached>();
  private chars = 0;

  constructor(
    private readonly files: EntryFiles = nodeEntryFiles,
    private readonly maxChars = 16_000_000,
  ) {}

  /**
   * The body of `entry`, read from disk unless the cache holds the version the index saw (or, with
   * `checkDisk`, the version on disk now). Undefined when the file can't be read or lies outside
   * the journal.
   */
  read(journalFolder: string, entry: Pick<IndexedEntry, 'path' | 'mtimeMs' | 'size'>, checkDisk = false): EntryText | undefined {
    const file = resolveJournalFile(journalFolder, entry.path);
    if (!file) return undefined;
    let version = { mtimeMs: entry.mtimeMs, size: entry.size };
    try {
      if (checkDisk) version = this.files.version(file);
      // Keyed by absolute path: two journals may hold the same relative names.
      const cached = this.texts.get(file);
      if (cached && cached.mtimeMs === version.mtimeMs && cached.size === version.size) return cached;
      const { body, bodyLine } = splitBody(this.files.readText(file));
      this.store(file, { body, bodyLine, ...version });
      return this.texts.get(file);
    } catch {
      this.forget(file);
      return undefined;
    }
  }

  /** Drops texts of files that are no longer in the index (absolute paths). */
  retain(files: ReadonlySet<string>): void {
    for (const key of [...this.texts.keys()]) if (!files.has(key)) this.forget(key);
  }

  get size(): number {
    return this.texts.size;
  }

  private store(key: string, value: Cached): void {
    this.forget(key);
    this.texts.set(key, value);
    this.chars += value.body.length;
    for (const [oldest] of this.texts) {
      if (this.chars <= this.maxChars || oldest === key) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const old = this.texts.get(key);
    if (!old) return;
    this.chars -= old.body.length + (old.folded?.length ?? 0);
    this.texts.delete(key);
  }

  /** The searchable body folded, computed once per cached version. */
  folded(text: EntryText): string {
    if (text.folded === undefined) {
      text.folded = foldText(searchableText(text.body));
      this.chars += text.folded.length;
    }
    return text.folded;
  }
}

/**
 * The body without the headings of known retro sections: every end-of-day entry asks "What went
 * well?", so "well" should find what the user wrote, not every template.
 */
export function searchableText(body: string): string {
  return body
    .split('\n')
    .filter((line) => {
      const heading = headingOf(line);
      return !heading || sectionKindOf(heading.text) === undefined;
    })
    .join('\n');
}

/** Search terms: words and "quoted phrases", folded. All must occur (in any order). */
export function parseSearch(text: string): string[] {
  const terms: string[] = [];
  // A quote not closed yet (a phrase being typed) is ignored rather than searched for.
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const term = foldText((m[1] ?? m[2]).trim());
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, 20);
}

export function matchesAll(folded: string, terms: readonly string[]): boolean {
  return terms.every((t) => folded.includes(t));
}

const PREVIEW_CHARS = 160;
// Reflect writes these sections itself: a preview should show what the user wrote.
const GENERATED_SECTIONS = new Set(['lastTime', 'workedOn']);

/** A Markdown line as plain text: no list marker, checkbox, quote, emphasis or link syntax. */
/** Longer lines are cut before any pattern reads them: a preview or snippet shows far less. */
const PLAIN_CAP = 2000;

export function plainLine(line: string): string {
  // A journal line may be a megabyte of "[[[[" or "*a *a *a", and the panel reads lines while the
  // user waits: the line is capped, and every pattern has bounded repeats and fixed-width lookarounds.
  return (line.length > PLAIN_CAP ? line.slice(0, PLAIN_CAP) : line)
    .replace(/^\s*>+\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/!?\[([^\]\n]{0,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/<[^<>\n]{0,500}>/g, '')
    // Emphasis and code markers at the edge of a word, paired or not: **bold**, _it_, ~~gone~~, `code`.
    .replace(/~~|`+|(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The first lines the user wrote in an entry body, as one line of plain text ("" if none). */
export function entryPreview(body: string, maxChars = PREVIEW_CHARS): string {
  const pick = (skipGenerated: boolean): string[] => {
    const out: string[] = [];
    let skipping = false;
    let inFence = false;
    let inComment = false;
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\r$/, '');
      if (/^\s{0,3}(```|~~~)/.test(line)) {
        inFence = !inFence;
        continue;
      }
      if (inComment || /^\s*<!--/.test(line)) {
        inComment = !line.includes('-->');
        continue;
      }
      const heading = inFence ? undefined : headingOf(line);
      if (heading) {
        if (heading.level <= 2) skipping = skipGenerated && GENERATED_SECTIONS.has(sectionKindOf(heading.text) ?? '');
        continue;
      }
      if (skipping) continue;
      const text = plainLine(line);
      // "-" placeholders, "_Still open from…_" notes and rules carry nothing of the user's.
      if (!text || /^[-*_=]{3,}$/.test(text)) continue;
      out.push(text);
      if (out.join(' · ').length >= maxChars || out.length >= 3) break;
    }
    return out;
  };
  const lines = pick(true);
  return truncate((lines.length ? lines : pick(false)).join(' · '), maxChars);
}

/** The first body line that contains a search term, as plain text cut around the match. */
export function searchSnippet(body: string, terms: readonly string[], maxChars = PREVIEW_CHARS): string | undefined {
  for (const raw of body.split('\n')) {
    if (/^\s*#{1,6}\s/.test(raw)) continue;
    // A long line is read around its first match only (plainLine reads at most PLAIN_CAP of it).
    let around = raw;
    if (raw.length > PLAIN_CAP) {
      const foldedRaw = foldText(raw);
      const at = terms.map((t) => foldedRaw.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
      if (at === undefined) continue;
      around = raw.slice(Math.max(0, at - PLAIN_CAP / 2), at + PLAIN_CAP / 2);
    }
    const line = plainLine(around);
    const folded = foldText(line);
    const hit = terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (hit === undefined) continue;
    if (line.length <= maxChars) return line;
    const start = Math.max(0, Math.min(hit - Math.floor(maxChars / 3), line.length - maxChars));
    const cut = line.slice(start, start + maxChars - 2).trim();
    return `${start > 0 ? '…' : ''}${cut}${start + maxChars - 2 < line.length ? '…' : ''}`;
  }
  return undefined;
}
