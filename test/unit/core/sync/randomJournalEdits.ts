// Random edits of a journal file, as two machines make them between syncs: for the structural
// merge's property test. The file is lines with stable ids, so that an edit still applies when the
// shrinker has dropped another; edits are generated against the side as it is at that moment, and
// applied again from the base each time. New text is made of made-up words, so that only a
// deliberate rewording reads like one to the merge's similarity pairing.

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** A made-up word: no fixture shares it, so no new line is mistaken for a rewording of another. */
  word(): string {
    const syllable = (): string => this.pick([...'bdfgklmnprstvz']) + this.pick([...'aeiou']);
    return syllable() + syllable() + (this.chance(0.05) ? '🚀' : '');
  }
}

// ---- Documents as lines with stable ids, so an edit survives when shrinking drops another. ----

export interface Line {
  id: string;
  text: string;
}

export const HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
export const OPEN_TASK = /^([ \t]*[-*+][ \t]+)\[ \]/;
const PLACEHOLDER = /^[-*+](?:[ \t]+\[ \])?[ \t]*$/;

export const isBullet = (line: string): boolean => BULLET.test(line) && !/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/.test(line);
const isBlank = (line: string): boolean => line.trim() === '';
export const splitLines = (text: string): string[] => text.replace(/\r?\n$/, '').split(/\r?\n/);

/** Where the front matter ends (index of its closing `---`), or -1. */
export function frontMatterEnd(lines: readonly string[]): number {
  return lines[0]?.trimEnd() === '---' ? lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---') : -1;
}

export interface Shape {
  fmEnd: number;
  headings: number[];
  /** Top-level items: first line and last continuation line (lazy lines and deeper lines). */
  items: { head: number; last: number }[];
  paragraphs: number[];
  /** For each line, the heading line above it ('' before the first); undefined in front matter and code. */
  under: (string | undefined)[];
}

/** Just enough Markdown to place edits and to check results: headings, items, paragraphs, fences. */
export function shapeOf(lines: readonly string[]): Shape {
  const fmEnd = frontMatterEnd(lines);
  const shape: Shape = { fmEnd, headings: [], items: [], paragraphs: [], under: lines.map(() => undefined) };
  let heading = '';
  let fence = false;
  let item: { head: number; last: number } | undefined;
  for (let i = fmEnd + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^[ \t]{0,3}(```|~~~)/.test(line)) fence = !fence;
    if (fence || /^[ \t]{0,3}(```|~~~)/.test(line)) {
      item = undefined;
      continue;
    }
    if (isBlank(line)) {
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next])) next++;
      if (item && !(next < lines.length && /^[ \t]{2,}\S/.test(lines[next]))) item = undefined;
      shape.under[i] = heading;
      continue;
    }
    if (HEADING.test(line)) {
      heading = line;
      shape.headings.push(i);
      item = undefined;
    } else if (isBullet(line) && !/^[ \t]{2,}/.test(line)) {
      item = { head: i, last: i };
      shape.items.push(item);
    } else if (item) {
      item.last = i;
    } else {
      shape.paragraphs.push(i);
    }
    shape.under[i] = heading;
  }
  return shape;
}

// ---- Edits: generated against the side as it is at that moment, applied again from the base. ----

export type Op =
  | { kind: 'insert'; id: string; what: 'bullet' | 'section' | 'preamble'; after: string; lines: string[]; bullets: string[]; texts: string[]; parent?: string }
  | { kind: 'replace'; id: string; target: string; text: string; what: 'tick' | 'fill' | 'reword' | 'paragraph' }
  | { kind: 'delete'; id: string; targets: string[] }
  | { kind: 'energy'; id: string; value: string }
  | { kind: 'tag'; id: string; tag: string };

export interface Edited {
  text: string;
  rows: Line[];
  lines: string[];
  bullets: string[];
  texts: string[];
  ticked: Set<string>;
  touched: Set<string>;
  /** What was done to each base line, and which kinds of edit were made: to check that the cases cover what they should. */
  touches: Map<string, string>;
  /** Base items given a sub-bullet: changed, though their first line is not. */
  extended: Set<string>;
  /** Base bullets reworded, and their new text. */
  reworded: Map<string, string>;
  kinds: Set<string>;
  energy?: string;
  tags: string[];
}

export const render = (lines: readonly Line[], crlf = false): string => lines.map((l) => `${l.text}${crlf ? '\r\n' : '\n'}`).join('');

export function applyOps(base: readonly Line[], ops: readonly Op[], crlf: boolean): Edited {
  const lines = base.map((l) => ({ ...l }));
  const out: Edited = { text: '', rows: lines, lines: [], bullets: [], texts: [], ticked: new Set(), touched: new Set(), touches: new Map(), extended: new Set(), reworded: new Map(), kinds: new Set(), tags: [] };
  const at = (id: string): number => (id === '^' ? -1 : lines.findIndex((l) => l.id === id));
  for (const op of ops) {
    if (op.kind === 'insert') {
      const i = op.after === '^' ? -1 : at(op.after);
      if (op.after !== '^' && i < 0) continue;
      lines.splice(i + 1, 0, ...op.lines.map((text, k) => ({ id: `${op.id}.${k}`, text })));
      out.bullets.push(...op.bullets);
      out.texts.push(...op.texts);
      out.kinds.add(op.what);
      if (op.parent) out.extended.add(op.parent);
    } else if (op.kind === 'replace') {
      const i = at(op.target);
      if (i < 0 || out.touched.has(op.target)) continue;
      lines[i].text = op.text;
      out.touched.add(op.target);
      out.touches.set(op.target, op.what);
      if (op.what === 'tick') out.ticked.add(op.target);
      else if (op.what === 'reword') out.reworded.set(op.target, op.text);
      else (op.what === 'fill' ? out.bullets : out.texts).push(op.text);
    } else if (op.kind === 'delete') {
      if (at(op.targets[0]) < 0 || out.touched.has(op.targets[0])) continue;
      for (const target of op.targets) out.touched.add(target);
      out.touches.set(op.targets[0], 'delete');
      lines.splice(0, lines.length, ...lines.filter((l) => !op.targets.includes(l.id)));
    } else {
      const fmEnd = frontMatterEnd(lines.map((l) => l.text));
      if (fmEnd < 0) continue;
      const key = op.kind === 'energy' ? 'energy:' : 'tags:';
      const i = lines.findIndex((l, k) => k < fmEnd && l.text.startsWith(key));
      if (op.kind === 'energy') {
        const comment = i < 0 ? '' : (/^energy:.*?([ \t]#.*)?$/.exec(lines[i].text)?.[1] ?? '');
        const text = `energy: ${op.value}${comment}`;
        if (i < 0) lines.splice(fmEnd, 0, { id: op.id, text });
        else lines[i].text = text;
        out.energy = op.value;
        out.kinds.add('energy');
      } else {
        const flow = i < 0 ? undefined : /^tags:[ \t]*\[(.*)\][ \t]*$/.exec(lines[i].text);
        if (i >= 0 && !flow) continue;
        const tags = [...(flow?.[1] ?? '').split(',').map((t) => t.trim()).filter(Boolean), op.tag];
        if (i < 0) lines.splice(fmEnd, 0, { id: op.id, text: `tags: [${op.tag}]` });
        else lines[i].text = `tags: [${tags.join(', ')}]`;
        out.tags.push(op.tag);
        out.kinds.add('tag');
      }
    }
  }
  out.lines = lines.map((l) => l.text);
  // A line this side added and then deleted (a sub-bullet with its item) is no promise about the merge.
  out.bullets = out.bullets.filter((line) => out.lines.includes(line));
  out.text = render(lines, crlf);
  return out;
}

/** Edits both machines make: the same new bullet in the same section, the same new section, the same tag; or each its own edit of one base line. */
export type Shared = { kind: 'bullet'; heading: string; line: string } | { kind: 'section'; heading: string } | { kind: 'tag'; tag: string } | { kind: 'touch'; target: string };

/** Everything one machine does between two syncs. */
export function generateSide(rng: Rng, base: readonly Line[], side: string, shared: readonly Shared[], counter: { n: number }): Op[] {
  const ops: Op[] = [];
  let lines: Line[] = base.map((l) => ({ ...l }));
  const touched = new Set<string>();
  const isBase = (id: string): boolean => id.startsWith('b') && !touched.has(id);
  const texts = (): string[] => lines.map((l) => l.text);
  const opId = (): string => `${side[0]}${ops.length}`;
  const unique = (): string => `${side} ${rng.word()} ${rng.word()} ${++counter.n}`;
  const bulletText = (text: string): string => (rng.chance(0.2) ? `- [ ] ${text}` : `- ${text}`);

  /** Into a section (its heading's id; '' for the text before the first heading): fill a "- ", or after an item, or at the end. */
  const addBullet = (line: string, heading?: string, fill?: string, sub = false): Op | undefined => {
    if (fill !== undefined) {
      const target = lines.find((l) => l.id === fill && isBase(l.id) && PLACEHOLDER.test(l.text));
      return target && { kind: 'replace', id: opId(), target: target.id, text: line, what: 'fill' };
    }
    const shape = shapeOf(texts());
    const heads = heading === undefined ? shape.headings : shape.headings.filter((h) => lines[h].id === heading);
    const h = heads.length > 0 ? rng.pick(heads) : shape.headings.length === 0 || heading === '' ? shape.fmEnd : undefined;
    if (h === undefined) return undefined;
    const end = shape.headings.find((k) => k > h) ?? lines.length;
    const items = shape.items.filter((it) => it.head > h && it.head < end);
    const holders = items.filter((it) => isBase(lines[it.head].id) && PLACEHOLDER.test(lines[it.head].text));
    const insert = (after: string, block: string[], parent?: string): Op => ({ kind: 'insert', id: opId(), what: 'bullet', after, lines: block, bullets: block.filter(isBullet), texts: [], parent });
    // A template's empty "- " is where one types: fill it in, as a user would.
    if (holders.length > 0 && rng.chance(0.5)) return { kind: 'replace', id: opId(), target: lines[rng.pick(holders).head].id, text: line, what: 'fill' };
    if (h >= 0 && items.length > 0 && items[0].head === h + 1 && rng.chance(0.15)) return insert(lines[h].id, [line]);
    const item = items.length > 0 ? (rng.chance(0.5) ? items[items.length - 1] : rng.pick(items)) : undefined;
    // Under an item, indented: for the merge a continuation line, a change of that item.
    if (item && sub) return insert(lines[item.last].id, [`  ${line}`], lines[item.head].id);
    if (item) return insert(lines[item.last].id, [line]);
    let last = end - 1;
    while (last > h && isBlank(lines[last].text)) last--;
    return insert(last < 0 ? '^' : lines[last].id, last > h ? ['', line] : [line]);
  };

  /** A new section before a random heading or at the end, with a bullet or two (or none). */
  const addSection = (heading: string): Op => {
    const shape = shapeOf(texts());
    const bullets = rng.chance(0.1) ? [] : Array.from({ length: 1 + rng.int(2) }, () => bulletText(unique()));
    const before = shape.headings.length > 0 && rng.chance(0.6) ? rng.pick(shape.headings) : lines.length;
    const prev = before - 1;
    const gap = prev >= 0 && prev !== shape.fmEnd && !isBlank(lines[prev].text) ? [''] : [];
    const tail = before < lines.length ? [''] : [];
    return { kind: 'insert', id: opId(), what: 'section', after: prev < 0 ? '^' : lines[prev].id, lines: [...gap, heading, ...bullets, ...tail], bullets, texts: [heading] };
  };

  // `only`: the base line a shared "touch" is about.
  const tick = (only?: string): Op | undefined => {
    const open = lines.filter((l) => isBase(l.id) && OPEN_TASK.test(l.text) && (only === undefined || l.id === only));
    const task = open.length > 0 ? rng.pick(open) : undefined;
    return task && { kind: 'replace', id: opId(), target: task.id, text: task.text.replace(OPEN_TASK, '$1[x]'), what: 'tick' };
  };

  const editParagraph = (only?: string): Op | undefined => {
    const paragraphs = shapeOf(texts()).paragraphs.filter((i) => isBase(lines[i].id) && (only === undefined || lines[i].id === only));
    if (paragraphs.length === 0) return undefined;
    const target = lines[rng.pick(paragraphs)];
    const text = rng.chance(0.5) ? `${target.text} (${unique()})` : target.text.replace(/[\p{L}\p{N}]+/u, unique());
    return { kind: 'replace', id: opId(), target: target.id, text, what: 'paragraph' };
  };

  /** A bullet said differently: a few words more, or one word less. */
  const reword = (only?: string): Op | undefined => {
    const items = shapeOf(texts()).items.filter((it) => isBase(lines[it.head].id) && !PLACEHOLDER.test(lines[it.head].text) && (only === undefined || lines[it.head].id === only));
    if (items.length === 0) return undefined;
    const target = lines[rng.pick(items).head];
    const words = target.text.split(' ');
    const shorter = words.length > 5 && rng.chance(0.3) ? [...words.slice(0, -2), words[words.length - 1]].join(' ') : undefined;
    return { kind: 'replace', id: opId(), target: target.id, text: shorter ?? `${target.text} (${unique()})`, what: 'reword' };
  };

  /** A line of prose before the first heading (after the front matter). */
  const addPreamble = (): Op => {
    const shape = shapeOf(texts());
    const first = shape.headings[0] ?? lines.length;
    const prev = first - 1;
    const text = `${unique()}: ${rng.word()} ${rng.word()}.`;
    const content = prev >= 0 && prev !== shape.fmEnd && !isBlank(lines[prev].text);
    const block = [...(content ? [''] : []), text, ...(first < lines.length ? [''] : [])];
    return { kind: 'insert', id: opId(), what: 'preamble', after: prev < 0 ? '^' : lines[prev].id, lines: block, bullets: [], texts: [text] };
  };

  const deleteBullet = (only?: string): Op | undefined => {
    const items = shapeOf(texts()).items.filter((it) => isBase(lines[it.head].id) && (only === undefined || lines[it.head].id === only));
    if (items.length === 0) return undefined;
    const it = rng.pick(items);
    return { kind: 'delete', id: opId(), targets: lines.slice(it.head, it.last + 1).map((l) => l.id) };
  };

  const generators: [number, () => Op | undefined][] = [
    [3, () => addBullet(bulletText(unique()), undefined, undefined, rng.chance(0.15))],
    [1, () => addSection(`${rng.chance(0.8) ? '##' : '###'} ${side} section ${rng.word()} ${++counter.n}`)],
    [1.5, tick],
    [1, editParagraph],
    [1, () => ({ kind: 'energy', id: opId(), value: rng.pick(['1', '2', '3', '4', '5', '2.5', '3.5']) })],
    [1, () => ({ kind: 'tag', id: opId(), tag: `${side}-${rng.word()}${++counter.n}` })],
    [0.7, addPreamble],
    [1, deleteBullet],
    [1, reword],
  ];
  const total = generators.reduce((sum, [w]) => sum + w, 0);
  const steps = rng.chance(0.05) ? 0 : 1 + rng.int(6);
  const pending = [...shared];
  for (let step = 0; step < steps || pending.length > 0; step++) {
    let op: Op | undefined;
    const spec = pending.length > 0 && (rng.chance(0.4) || step >= steps) ? pending.shift() : undefined;
    if (spec?.kind === 'bullet') op = addBullet(spec.line, spec.heading);
    else if (spec?.kind === 'section') op = addSection(spec.heading);
    else if (spec?.kind === 'tag') op = { kind: 'tag', id: opId(), tag: spec.tag };
    else if (spec?.kind === 'touch') {
      const text = base.find((l) => l.id === spec.target)?.text ?? '';
      const change = (): Op | undefined => (PLACEHOLDER.test(text) ? addBullet(bulletText(unique()), undefined, spec.target) : isBullet(text) ? ((rng.chance(0.5) && tick(spec.target)) || reword(spec.target)) : editParagraph(spec.target));
      op = rng.chance(0.6) ? (change() ?? deleteBullet(spec.target)) : (deleteBullet(spec.target) ?? change());
    }
    for (let tries = 0; !spec && !op && tries < 10; tries++) {
      let roll = rng.next() * total;
      op = (generators.find(([w]) => (roll -= w) < 0) ?? generators[0])[1]();
    }
    if (!op) continue;
    if (op.kind === 'replace') touched.add(op.target);
    if (op.kind === 'delete') op.targets.forEach((t) => touched.add(t));
    ops.push(op);
    lines = applyOps(base, ops, false).rows;
  }
  return ops;
}
