import { headingOf } from '../journal/sections';

// A journal file as the structural merge sees it: front matter lines, then sections (the text
// before the first heading is one too), each a run of units (a list item with its continuation
// lines, or a block: paragraph, code fence). Every unit keeps its raw lines, so a file that is
// parsed and rendered again comes back byte for byte. Lines are parsed by hand: no pattern with
// unbounded quantifiers ever runs over user text.

/** The first line of a list item, split so that the checkbox and the text can be merged apart. */
export interface ItemHead {
  /** Indent, marker (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it. */
  beforeCheck: string;
  /** The character inside `[ ]` for a task item, undefined for a plain bullet. */
  check?: string;
  /** Spaces after the checkbox (empty for a plain bullet). */
  afterCheck: string;
  text: string;
}

export interface Unit {
  kind: 'item' | 'block';
  /** Raw lines without line endings; an item's first line is its head, the rest its continuation. */
  lines: string[];
  /** Blank lines before it within its section. */
  gapBefore: number;
  /** Identity within its section: kind, normalised text and occurrence. Pairing may reassign it. */
  key: string;
  head?: ItemHead;
}

export interface Section {
  /** The raw heading line; undefined for the text before the first heading. */
  heading?: string;
  /** Heading text for notes. */
  title: string;
  key: string;
  units: Unit[];
  trailingBlank: number;
}

export interface ParsedFile {
  bom: boolean;
  /** The file's first line ending, CRLF or LF; undefined for a file of one line. */
  eol?: string;
  finalNewline: boolean;
  /** Front matter lines including both `---` delimiters; undefined when there is none. */
  frontMatter?: string[];
  sections: Section[];
}

export const PREAMBLE_KEY = '\u0000preamble';
/** Keys and similarity look at this much of a line: a pasted megabyte line costs no more than this. */
const MAX_KEY_CHARS = 4096;
const MAX_WORDS = 256;

export function parseFile(text: string): ParsedFile {
  const bom = text.charCodeAt(0) === 0xfeff;
  const clean = bom ? text.slice(1) : text;
  const newline = clean.indexOf('\n');
  const eol = newline < 0 ? undefined : newline > 0 && clean[newline - 1] === '\r' ? '\r\n' : '\n';
  const lines = clean.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  let frontMatter: string[] | undefined;
  if (lines.length > 1 && isDelimiter(lines[0], false)) {
    const close = lines.findIndex((line, i) => i > 0 && isDelimiter(line, true));
    if (close > 0) frontMatter = lines.slice(0, close + 1);
  }
  return { bom, eol, finalNewline, frontMatter, sections: splitBody(lines.slice(frontMatter?.length ?? 0)) };
}

function isDelimiter(line: string, closing: boolean): boolean {
  const t = trimEndBlank(line);
  return t === '---' || (closing && t === '...');
}

function trimEndBlank(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Splits the body at every heading outside a code fence, of any level. */
function splitBody(lines: string[]): Section[] {
  const sections: Section[] = [];
  const seen = new Map<string, number>();
  let start = 0;
  let heading: string | undefined;
  let fence: Fence | undefined;
  const close = (end: number): void => {
    const title = heading === undefined ? '' : (headingOf(heading)?.text ?? '');
    const key = heading === undefined ? PREAMBLE_KEY : occurrenceKey(`h:${normalizeText(title)}`, seen);
    sections.push({ heading, title, key, ...splitUnits(lines.slice(start, end)) });
  };
  lines.forEach((line, i) => {
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      return;
    }
    fence = opensFence(line);
    if (fence || headingOf(line) === undefined) return;
    close(i);
    heading = line;
    start = i + 1;
  });
  close(lines.length);
  return sections;
}

function splitUnits(lines: string[]): { units: Unit[]; trailingBlank: number } {
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  let gap = 0;
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      gap++;
      i++;
      continue;
    }
    const start = i;
    const head = parseItemHead(lines[i]);
    const fence = opensFence(lines[i]);
    i++;
    if (head) {
      i = endOfItem(lines, i, indentOf(lines[start]));
    } else if (fence) {
      while (i < lines.length && !closesFence(lines[i], fence)) i++;
      i = Math.min(i + 1, lines.length);
    } else {
      while (i < lines.length && !isBlank(lines[i]) && !parseItemHead(lines[i]) && !opensFence(lines[i])) i++;
    }
    const unit: Unit = { kind: head ? 'item' : 'block', lines: lines.slice(start, i), gapBefore: gap, key: '' };
    if (head) unit.head = head;
    unit.key = occurrenceKey(unitKey(unit), seen);
    units.push(unit);
    gap = 0;
  }
  return { units, trailingBlank: gap };
}

/** Continuation lines belong to the item: deeper lines (blank lines between them too) and lazy lines right under it. */
function endOfItem(lines: string[], i: number, indent: number): number {
  while (i < lines.length) {
    const line = lines[i];
    if (!isBlank(line)) {
      const deeper = indentOf(line) > indent;
      if (!deeper && (parseItemHead(line) || opensFence(line))) return i;
      i++;
      continue;
    }
    let next = i;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (next >= lines.length || indentOf(lines[next]) <= indent || indentOf(lines[next]) < 2) return i;
    i = next;
  }
  return i;
}

function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** A code fence block: what follows it needs no blank line to stay a block of its own. */
export function isFenceBlock(unit: Unit): boolean {
  return unit.kind === 'block' && opensFence(unit.lines[0]) !== undefined;
}

interface Fence {
  char: string;
  length: number;
}

function opensFence(line: string): Fence | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let n = 0;
  while (line[i + n] === char) n++;
  return n >= 3 ? { char, length: n } : undefined;
}

function closesFence(line: string, fence: Fence): boolean {
  const open = opensFence(line);
  return open !== undefined && open.char === fence.char && open.length >= fence.length && trimEndBlank(line).trimStart().length === open.length;
}

/** `- `, `* `, `+ `, `1. `, `1) ` with an optional `[ ]`/`[x]`; a thematic break (`- - -`, `* * *`) is no item. */
export function parseItemHead(line: string): ItemHead | undefined {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t') && i < 16) i++;
  const c = line[i];
  if (c === '-' || c === '*' || c === '+') {
    if (isThematicBreak(line)) return undefined;
    i++;
  } else {
    let digits = 0;
    while (digits < 9 && line[i] >= '0' && line[i] <= '9') {
      i++;
      digits++;
    }
    if (digits === 0 || (line[i] !== '.' && line[i] !== ')')) return undefined;
    i++;
  }
  if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return undefined;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const beforeCheck = line.slice(0, i);
  const check = line[i + 1];
  if (line[i] === '[' && line[i + 2] === ']' && (check === ' ' || check === 'x' || check === 'X')) {
    let j = i + 3;
    if (j === line.length || line[j] === ' ' || line[j] === '\t') {
      while (line[j] === ' ' || line[j] === '\t') j++;
      return { beforeCheck, check, afterCheck: line.slice(i + 3, j), text: line.slice(j) };
    }
  }
  return { beforeCheck, afterCheck: '', text: line.slice(i) };
}

function isThematicBreak(line: string): boolean {
  const t = line.trim();
  let marks = 0;
  for (const ch of t) {
    if (ch === t[0]) marks++;
    else if (ch !== ' ' && ch !== '\t') return false;
  }
  return marks >= 3;
}

export function renderItemHead(head: ItemHead): string {
  return head.check === undefined ? head.beforeCheck + head.text : `${head.beforeCheck}[${head.check}]${head.afterCheck}${head.text}`;
}

export function isTicked(head: ItemHead | undefined): boolean {
  return head?.check === 'x' || head?.check === 'X';
}

/** An empty `- ` or `- [ ] ` a template leaves to type into. */
export function isPlaceholder(unit: Unit): boolean {
  return unit.kind === 'item' && unit.lines.length === 1 && (unit.head?.text.trim() ?? '') === '';
}

/** Lower case, one space between words: "  Shipped  the Rebalancer " → "shipped the rebalancer". Capped for keys. */
export function normalizeText(text: string, cap = MAX_KEY_CHARS): string {
  return text.slice(0, cap).toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** Whether two texts say the same, compared in full (keys only look at the start of a long line). */
export function sameText(a: string, b: string): boolean {
  return normalizeText(a, Infinity) === normalizeText(b, Infinity);
}

/** What a unit says, for keys and similarity: an item's text without marker or checkbox, a block without its "from" line. */
export function unitText(unit: Unit): string {
  if (unit.head) return unit.head.text;
  return withoutFromMarker(unit.lines).join('\n');
}

function unitKey(unit: Unit): string {
  return `${unit.kind === 'item' ? 'i' : 'p'}:${normalizeText(unitText(unit))}`;
}

/** `key`, then `key` + its occurrence: the second "- " placeholder of a section is a unit of its own. */
function occurrenceKey(key: string, seen: Map<string, number>): string {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0 ? key : `${key}\u0000${n}`;
}

// Theirs' version of a paragraph edited on both machines is followed by this line: an HTML comment,
// invisible in the rendered entry; the merge ignores it when comparing, so merging again adds no second one.
const FROM_OPEN = '<!-- from ';
const FROM_CLOSE = ' -->';

export function fromMarker(label: string): string {
  return `${FROM_OPEN}${label.replace(/[\r\n]+/g, ' ').replace(/-{2,}/g, '-').trim() || 'the other machine'}${FROM_CLOSE}`;
}

export function isFromMarker(line: string): boolean {
  const t = line.trim();
  return t.startsWith(FROM_OPEN) && t.endsWith(FROM_CLOSE) && t.length < 300;
}

export function withoutFromMarker(lines: string[]): string[] {
  return lines.length > 1 && isFromMarker(lines[lines.length - 1]) ? lines.slice(0, -1) : lines;
}

/** Dice coefficient of two word sets (from `wordsOf`): 1 for the same words, 0 for none in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** The first few hundred distinct words of a text, lower case. */
export function wordsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.slice(0, MAX_KEY_CHARS).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    found.add(m[0]);
    if (found.size >= MAX_WORDS) break;
  }
  return found;
}

/** A section's lines without its trailing blank lines; `gapFor` decides the blank lines before each unit. */
export function sectionLines(section: Section, gapFor: (unit: Unit, i: number) => number = (u) => u.gapBefore): string[] {
  const out = section.heading === undefined ? [] : [section.heading];
  section.units.forEach((unit, i) => {
    for (let n = gapFor(unit, i); n > 0; n--) out.push('');
    out.push(...unit.lines);
  });
  return out;
}
