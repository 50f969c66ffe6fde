import { Document, isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { fromMarker } from './markdownBlocks';
import { mergeLines, mergeOrder, pick3, sameLines } from './keyedMerge';

// Front matter, merged key by key. Each top-level key keeps its own lines as written (quoting,
// flow lists, inline comments) unless the merge made a value neither side had; comment lines
// after a key travel with it. Broken YAML is never rewritten: the whole block is then one
// paragraph, kept from both sides when both changed it.

export interface FrontMatterSide {
  /** The block with both `---` delimiters; undefined when the file has none. */
  lines?: string[];
  label: string;
  time: number;
}

export interface FrontMatterMerge {
  /** The merged block; undefined for a file without front matter. */
  lines?: string[];
  /** Theirs' unreadable block, fenced, for the top of the body when both sides changed it. */
  extra?: string[];
  notes: string[];
}

interface Chunk {
  key: string;
  /** The key's own lines: `key: value` and any lines its value spans. */
  own: string[];
  /** Blank and comment lines after it, up to the next key. */
  trailing: string[];
  value: unknown;
  json: string;
  /** Whether a list was written `[a, b]`, so a merged list is written the same way. */
  flow: boolean;
  comment?: string;
}

interface Parsed {
  prelude: string[];
  chunks: Chunk[];
}

export function mergeFrontMatter(base: string[] | undefined, ours: FrontMatterSide, theirs: FrontMatterSide): FrontMatterMerge {
  const b = parseBlock(base);
  const o = parseBlock(ours.lines);
  const t = parseBlock(theirs.lines);
  if (!b || !o || !t) return mergeAsParagraph(base, ours, theirs, [!b && 'the common ancestor', !o && ours.label, !t && theirs.label]);
  const notes: string[] = [];
  const slots = mergeOrder(b.chunks, o.chunks, t.chunks, (x, y) => x.json === y.json);
  const lines: string[] = [...mergeLines(b.prelude, o.prelude, t.prelude)];
  for (const { base: was, ours: mine, theirs: other } of slots) {
    if (!mine || !other) {
      const only = (mine ?? other) as Chunk;
      lines.push(...only.own, ...only.trailing);
      continue;
    }
    const trailing = mergeLines(was?.trailing, mine.trailing, other.trailing);
    const choice = pick3(was?.json, mine.json, other.json);
    if (choice !== 'conflict') {
      lines.push(...(choice === 'ours' ? mine.own : other.own), ...trailing);
    } else if (Array.isArray(mine.value) && Array.isArray(other.value)) {
      const value = unionOfLists(Array.isArray(was?.value) ? was.value : [], mine.value, other.value);
      const json = stableJson(value);
      const own = json === mine.json ? mine.own : json === other.json ? other.own : renderKey(mine.key, value, mine.flow, mine.comment);
      lines.push(...own, ...trailing);
      if (json !== mine.json && json !== other.json) notes.push(`${mine.key}: kept the items of both machines (${show(value)})`);
    } else {
      const resolved = resolveScalar(mine, ours, other, theirs);
      notes.push(resolved.note);
      lines.push(...resolved.own);
      if (resolved.comment && !trailing.includes(resolved.comment)) lines.push(resolved.comment);
      lines.push(...trailing);
    }
  }
  const delimiters = ours.lines ?? theirs.lines;
  if (!delimiters) return lines.length > 0 ? { lines: ['---', ...lines, '---'], notes } : { notes };
  return { lines: [delimiters[0], ...lines, delimiters[delimiters.length - 1]], notes };
}

/**
 * Both sides changed a value differently. A value beats an empty one (a fresh template's
 * `energy:` never hides the real one); otherwise the later commit wins, ours on a tie, and
 * the other value is kept in a comment line under it.
 */
function resolveScalar(mine: Chunk, ours: FrontMatterSide, other: Chunk, theirs: FrontMatterSide): { own: string[]; comment?: string; note: string } {
  const mineEmpty = isEmpty(mine.value);
  if (mineEmpty !== isEmpty(other.value)) {
    const [win, winSide, loseSide] = mineEmpty ? [other, theirs, ours] : [mine, ours, theirs];
    return { own: win.own, note: `${mine.key}: kept ${show(win.value)} from ${winSide.label} over an empty value from ${loseSide.label}` };
  }
  const theirsLater = theirs.time > ours.time;
  const [win, winSide, lose, loseSide] = theirsLater ? [other, theirs, mine, ours] : [mine, ours, other, theirs];
  const why = theirs.time === ours.time ? 'same time, kept this machine' : 'later';
  return {
    own: win.own,
    comment: `# also on ${oneLine(loseSide.label)}: ${show(lose.value)}`,
    note: `${mine.key} changed on both machines; kept ${show(win.value)} from ${winSide.label} (${why}), ${show(lose.value)} noted`,
  };
}

/** Ours' items, then theirs' new ones, without duplicates; an item one side removed from base stays removed. */
function unionOfLists(base: unknown[], ours: unknown[], theirs: unknown[]): unknown[] {
  const keys = (list: unknown[]): Set<string> => new Set(list.map(stableJson));
  const [inOurs, inTheirs] = [keys(ours), keys(theirs)];
  const removed = new Set([...keys(base)].filter((k) => !inOurs.has(k) || !inTheirs.has(k)));
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of [...ours, ...theirs]) {
    const k = stableJson(item);
    if (seen.has(k) || removed.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

function mergeAsParagraph(base: string[] | undefined, ours: FrontMatterSide, theirs: FrontMatterSide, broken: (string | false)[]): FrontMatterMerge {
  const choice = pick3(base ?? [], ours.lines ?? [], theirs.lines ?? [], sameLines);
  if (choice === 'ours') return { lines: ours.lines, notes: [] };
  if (choice === 'theirs') return { lines: theirs.lines, notes: [] };
  // One side dropped the block the other changed: the changed one stays.
  if (!theirs.lines || !ours.lines) return { lines: ours.lines ?? theirs.lines, notes: [] };
  const fence = '`'.repeat(Math.max(3, ...theirs.lines.map((line) => backtickRun(line) + 1)));
  const where = broken.filter((s): s is string => Boolean(s)).join(' and ');
  return {
    lines: ours.lines,
    extra: [`${fence}yaml`, ...theirs.lines, fence, fromMarker(theirs.label)],
    notes: [`front matter could not be read on ${where}: kept ${ours.label}'s, and ${theirs.label}'s in a code block under it`],
  };
}

function backtickRun(line: string): number {
  let n = 0;
  while (line[n] === '`') n++;
  return n;
}

/** Key by key, or undefined when the YAML is broken or not a plain block mapping of scalar keys. */
function parseBlock(lines: string[] | undefined): Parsed | undefined {
  if (!lines) return { prelude: [], chunks: [] };
  const yamlLines = lines.slice(1, -1);
  const doc = parseDocument(yamlLines.join('\n'));
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null) return { prelude: yamlLines, chunks: [] };
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  const lineOf = lineFinder(yamlLines);
  const starts: { key: string; line: number; node: unknown }[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    const key = String(pair.key.value);
    const line = lineOf(pair.key.range[0]);
    if (starts.some((s) => s.key === key || s.line >= line)) return undefined;
    starts.push({ key, line, node: pair.value });
  }
  try {
    const chunks = starts.map(({ key, line, node }, i): Chunk => {
      const lines = yamlLines.slice(line, starts[i + 1]?.line ?? yamlLines.length);
      let end = lines.length;
      while (end > 1 && (lines[end - 1].trim() === '' || lines[end - 1].startsWith('#'))) end--;
      // A "billion laughs" of aliases throws here (yaml caps alias expansion): broken, not a crash.
      const value: unknown = isNode(node) ? node.toJS(doc, { maxAliasCount: 100 }) : null;
      const comment = (isNode(node) && node.comment) || undefined;
      return { key, own: lines.slice(0, end), trailing: lines.slice(end), value, json: stableJson(value), flow: !isSeq(node) || node.flow === true, comment };
    });
    return { prelude: yamlLines.slice(0, starts[0]?.line ?? yamlLines.length), chunks };
  } catch {
    return undefined;
  }
}

function lineFinder(lines: string[]): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** `key: value` written as `renderFrontMatter` writes it, for a list the merge made. */
function renderKey(key: string, value: unknown, flow: boolean, comment: string | undefined): string[] {
  const doc = new Document({});
  doc.set(key, doc.createNode(value));
  if (flow) visit(doc, { Seq: (_, seq) => void (seq.flow = true) });
  const node = doc.get(key, true);
  if (comment && isNode(node)) node.comment = comment;
  return doc.toString({ nullStr: '', lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').split('\n');
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A value on one line, as YAML would write it in a flow collection, capped for a comment or a note. */
function show(value: unknown): string {
  const doc = new Document(value);
  visit(doc, { Seq: (_, seq) => void (seq.flow = true), Map: (_, map) => void (map.flow = true) });
  const text = doc.toString({ nullStr: '~', lineWidth: 0, flowCollectionPadding: false }).trim();
  return oneLine(text.includes('\n') ? JSON.stringify(value) : text);
}

function oneLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** JSON with sorted keys: two values are the same when this is. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
