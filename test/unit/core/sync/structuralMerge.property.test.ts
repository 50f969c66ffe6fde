// Property test of the structural merge: random edit sequences on two machines, from real journal
// files, always merge to a file that keeps what either machine wrote. A small seeded PRNG makes
// every case reproducible: MERGE_PROPERTY_SEED=<seed> runs one case, MERGE_PROPERTY_CASES=<n> more.
// A failing case is shrunk (edits and base lines dropped while it still fails) and printed whole.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { renderBuiltInRetro } from '../../../../src/core/retro/retroDraft';
import { BUILT_IN_TEMPLATES } from '../../../../src/core/retro/retroTemplates';
import { mergeJournalFile, MergeResult, MergeSide } from '../../../../src/core/sync/structuralMerge';
import { REPO_ROOT } from '../../fixtures';
import { markdownFiles } from './syncFixtures';
import { applyOps, frontMatterEnd, generateSide, HEADING, isBullet, Line, OPEN_TASK, Op, render, Rng, shapeOf, Shared, splitLines } from './randomJournalEdits';

const CASES = Number(process.env.MERGE_PROPERTY_CASES ?? 700);
const ONLY_SEED = process.env.MERGE_PROPERTY_SEED === undefined ? undefined : Number(process.env.MERGE_PROPERTY_SEED);
const OURS = { label: 'laptop', time: 1_000 };
const THEIRS = { label: 'desktop', time: 2_000 };
const SIDES = [OURS, THEIRS] as const;

interface Case {
  seed: number;
  name: string;
  base: Line[];
  ops: [Op[], Op[]];
  crlf: [boolean, boolean];
}

// ---- Bases: every fixture file, and a fresh entry of each built-in template. ----


function loadBases(): { name: string; text: string }[] {
  const root = path.join(REPO_ROOT, 'test', 'eval', 'fixtures', 'priya-journal');
  const fixtures = markdownFiles(root).map((file) => ({ name: path.relative(root, file), text: readFileSync(file, 'utf8') }));
  const carried = { date: '2026-11-24', items: ['ask Lee about shard counts', 'block focus time on mornings'] };
  const workedOn = { kind: 'commits' as const, commits: [{ repo: 'search-infra', hash: 'abc1234', subject: 'Rebalance shards by size', date: '2026-11-25T10:00:00Z' }] };
  const templates = BUILT_IN_TEMPLATES.map((template) => ({
    name: `fresh ${template.id} template`,
    text: renderBuiltInRetro(template, { date: new Date(2026, 10, 25), workspace: 'search-infra', carried, workedOn }).text,
  }));
  return [...fixtures, ...templates];
}

function generateCase(seed: number, bases: readonly { name: string; text: string }[]): Case {
  const rng = new Rng(seed);
  const { name, text } = rng.pick(bases);
  const base = splitLines(text).map((line, i) => ({ id: `b${i}`, text: line }));
  const shape = shapeOf(base.map((l) => l.text));
  const counter = { n: 0 };
  const shared: Shared[] = [];
  if (rng.chance(0.2)) shared.push({ kind: 'bullet', heading: shape.headings.length > 0 ? base[rng.pick(shape.headings)].id : '', line: `- both ${rng.word()} ${rng.word()} ${++counter.n}` });
  if (rng.chance(0.1)) shared.push({ kind: 'section', heading: `## shared section ${rng.word()} ${++counter.n}` });
  if (rng.chance(0.15)) shared.push({ kind: 'tag', tag: `both-${rng.word()}${++counter.n}` });
  const lines = [...shape.items.map((it) => it.head), ...shape.paragraphs];
  if (lines.length > 0 && rng.chance(0.3)) shared.push({ kind: 'touch', target: base[rng.pick(lines)].id });
  const ops: [Op[], Op[]] = [generateSide(rng, base, OURS.label, shared, counter), generateSide(rng, base, THEIRS.label, shared, counter)];
  return { seed, name, base, ops, crlf: [rng.chance(0.15), rng.chance(0.15)] };
}

// ---- The properties. ----

const PROPERTIES = [
  '1. every bullet and line of prose added on either side is present (exact text, once for a bullet, in its section)',
  '2. no bullet present in base and untouched on both sides is lost; one deleted or changed on either side is not there as it was',
  '3. a task ticked on either side is ticked in the result, and not left unticked too',
  '4. no conflict markers',
  '5. every section heading present on either side is present, as often as on the side with more',
  '6. front matter parses as YAML; lists keep the tags added on both sides; a changed energy is kept',
  '7. deterministic; merge(base, R, R) = R; merging either side into the result again changes nothing',
  '8. merge(base, A, B) and merge(base, B, A) contain the same bullets',
] as const;

const withoutTick = (line: string): string => line.replace(/^([ \t]*[-*+][ \t]+)\[[xX ]\]/, '$1[ ]');
const count = (lines: readonly string[], line: string): number => lines.reduce((n, l) => (l === line ? n + 1 : n), 0);

/** Ours is the laptop, theirs the desktop (the later commit); `swap` merges the same two sides the other way round. */
function merge(base: string, ours: string, theirs: string, swap = false): MergeResult {
  const [o, t]: MergeSide[] = [
    { text: ours, ...OURS },
    { text: theirs, ...THEIRS },
  ];
  return swap ? mergeJournalFile(base, t, o) : mergeJournalFile(base, o, t);
}

/** The front matter's data, or undefined when there is none or it does not parse. */
function frontMatterOf(lines: readonly string[]): Record<string, unknown> | undefined {
  const end = frontMatterEnd(lines);
  if (end < 0) return undefined;
  const doc = parseDocument(lines.slice(1, end).join('\n'));
  if (doc.errors.length > 0) return undefined;
  const data: unknown = doc.toJS();
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Bullets outside front matter and code, as a sorted list. */
const bulletsOf = (lines: readonly string[]): string[] => {
  const { under } = shapeOf(lines);
  return lines.filter((line, i) => under[i] !== undefined && isBullet(line)).sort();
};

/** Every property `c` breaks, with what broke it. */
function violations(c: Case): Map<number, string> {
  const found = new Map<number, string>();
  const fail = (property: number, message: string): void => void (found.has(property) || found.set(property, message));
  const base = render(c.base);
  const baseLines = c.base.map((l) => l.text);
  const sides = [applyOps(c.base, c.ops[0], c.crlf[0]), applyOps(c.base, c.ops[1], c.crlf[1])] as const;
  const [a, b] = sides;
  const result = merge(base, a.text, b.text);
  const lines = splitLines(result.text);
  const shape = shapeOf(lines);

  for (const side of sides) {
    const { under } = shapeOf(side.lines);
    for (const bullet of side.bullets) {
      const n = count(lines, bullet);
      if (n !== 1) fail(1, `${JSON.stringify(bullet)} is there ${n} times`);
      else if (shape.under[lines.indexOf(bullet)] !== under[side.lines.indexOf(bullet)]) fail(1, `${JSON.stringify(bullet)} moved from ${JSON.stringify(under[side.lines.indexOf(bullet)])} to ${JSON.stringify(shape.under[lines.indexOf(bullet)])}`);
    }
    for (const text of side.texts) if (count(lines, text) === 0) fail(1, `lost ${JSON.stringify(text)}`);
    // A reworded bullet is there once, ticked if the other side ticked what it rewords.
    const unboxed = lines.map(withoutTick);
    for (const text of side.reworded.values()) if (count(unboxed, withoutTick(text)) !== 1) fail(1, `reworded ${JSON.stringify(text)} is there ${count(unboxed, withoutTick(text))} times`);
  }

  // By count, as a base may say the same thing twice. A bullet deleted on one side and left alone on the other
  // goes; one changed on a side is there changed, even when the other side deleted it. Given only a sub-bullet
  // there, its first line may stay as it was: the merge cannot tell a filled-in "- " (or a rewording far from
  // the original) from a deletion and a new bullet, so that bullet stays beside the new one.
  const [untouched, gone] = [new Map<string, number>(), new Map<string, number>()];
  const keptAsWas = (id: string): boolean => [[a, b], [b, a]].some(([x, y]) => x.touches.get(id) !== 'tick' && y.extended.has(id) && !y.touched.has(id));
  for (const { head } of shapeOf(baseLines).items) {
    const { id, text } = c.base[head];
    const touched = a.touched.has(id) || b.touched.has(id);
    if (touched && keptAsWas(id)) continue;
    const tally = touched ? gone : untouched;
    tally.set(text, (tally.get(text) ?? 0) + 1);
  }
  for (const [text, n] of untouched) if (count(lines, text) < n) fail(2, `${JSON.stringify(text)}: ${n} untouched in base, ${count(lines, text)} in the result`);
  for (const [text, n] of gone) {
    const most = count(baseLines, text) - n;
    if (count(lines, text) > most) fail(2, `${JSON.stringify(text)}: deleted or changed ${n} times, yet ${count(lines, text)} in the result (at most ${most})`);
  }

  const ticked = c.base.filter((l) => a.ticked.has(l.id) || b.ticked.has(l.id));
  for (const { id, text } of ticked) {
    const done = text.replace(OPEN_TASK, '$1[x]');
    const same = ticked.filter((t) => t.text === text).length;
    // Ticked here, reworded there: one task, ticked and reworded (when the merge sees the rewording as one).
    const rewordedDone = (a.reworded.get(id) ?? b.reworded.get(id))?.replace(OPEN_TASK, '$1[x]');
    if (count(lines, done) < same && (rewordedDone === undefined || count(lines, rewordedDone) === 0)) fail(3, `${JSON.stringify(done)} is missing`);
    else if (count(lines, text) > count(baseLines, text) - same) fail(3, `${JSON.stringify(text)} is still there unticked`);
  }

  const inputs = new Set([...baseLines, ...a.lines, ...b.lines]);
  const marker = lines.find((l) => l.startsWith('<<<<<<<') || l.startsWith('>>>>>>>') || (l === '=======' && !inputs.has(l)));
  if (marker !== undefined) fail(4, `conflict marker ${JSON.stringify(marker)}`);

  const headingsOf = (ls: readonly string[]): string[] => shapeOf(ls).headings.map((i) => ls[i]);
  const [ha, hb, hr] = [headingsOf(a.lines), headingsOf(b.lines), headingsOf(lines)];
  for (const h of new Set([...ha, ...hb])) {
    const want = Math.max(count(ha, h), count(hb, h));
    if (count(hr, h) !== want) fail(5, `heading ${JSON.stringify(h)} is there ${count(hr, h)} times, not ${want}`);
  }

  const [fa, fb, fbase] = [frontMatterOf(a.lines), frontMatterOf(b.lines), frontMatterOf(baseLines) ?? {}];
  if (fa && fb) {
    const fr = frontMatterOf(lines);
    if (!fr) fail(6, 'the front matter does not parse');
    else {
      const tags = Array.isArray(fr.tags) ? fr.tags.map(String) : [];
      for (const tag of [...(Array.isArray(fbase.tags) ? fbase.tags.map(String) : []), ...a.tags, ...b.tags]) if (count(tags, tag) !== 1) fail(6, `tag ${tag} is there ${count(tags, tag)} times`);
      const json = (v: unknown): string => JSON.stringify(v ?? null);
      const [ea, eb, e0, er] = [json(fa.energy), json(fb.energy), json(fbase.energy), json(fr.energy)];
      const allowed = ea !== e0 && eb !== e0 ? [ea, eb] : ea !== e0 ? [ea] : [eb];
      if (!allowed.includes(er)) fail(6, `energy is ${er}, expected ${allowed.join(' or ')}`);
    }
  }

  const again = merge(base, a.text, b.text);
  if (again.text !== result.text || JSON.stringify(again.notes) !== JSON.stringify(result.notes)) fail(7, 'a second merge of the same inputs differs');
  else if (merge(base, result.text, result.text).text !== result.text) fail(7, 'merge(base, R, R) is not R');
  else {
    const merged: MergeSide = { text: result.text, label: 'merged', time: 3_000 };
    SIDES.forEach((side, i) => {
      const re = mergeJournalFile(base, merged, { text: sides[i].text, ...side }).text;
      if (re !== result.text) fail(7, `merging ${side.label}'s side into the result again changes it:\n${JSON.stringify(re)}`);
    });
  }

  const swapped = bulletsOf(splitLines(merge(base, a.text, b.text, true).text));
  const mine = bulletsOf(lines);
  const diff = [...mine.filter((l) => !swapped.includes(l)).map((l) => `only in (A, B): ${l}`), ...swapped.filter((l) => !mine.includes(l)).map((l) => `only in (B, A): ${l}`)];
  if (diff.length > 0) fail(8, diff.join('\n'));
  return found;
}

/** Smaller versions of a case: without a CRLF side, without one edit, without one base line. */
function* smaller(c: Case): Generator<Case> {
  for (const i of [0, 1] as const) if (c.crlf[i]) yield { ...c, crlf: i === 0 ? [false, c.crlf[1]] : [c.crlf[0], false] };
  for (const i of [0, 1] as const) {
    for (let k = 0; k < c.ops[i].length; k++) {
      const ops = c.ops[i].filter((_, j) => j !== k);
      yield { ...c, ops: i === 0 ? [ops, c.ops[1]] : [c.ops[0], ops] };
    }
  }
  const fmEnd = frontMatterEnd(c.base.map((l) => l.text));
  for (let k = fmEnd + 1; k < c.base.length; k++) yield { ...c, base: c.base.filter((_, j) => j !== k) };
}

function shrink(c: Case, property: number): Case {
  let best = c;
  for (let progress = true; progress; ) {
    progress = false;
    for (const candidate of smaller(best)) {
      if (violations(candidate).has(property)) {
        [best, progress] = [candidate, true];
        break;
      }
    }
  }
  return best;
}

function report(c: Case, property: number, failures: number, cases: number): string {
  const small = shrink(c, property);
  const [a, b] = [applyOps(small.base, small.ops[0], small.crlf[0]), applyOps(small.base, small.ops[1], small.crlf[1])];
  const base = render(small.base);
  return [
    `property ${PROPERTIES[property - 1]}`,
    `failed in ${failures} of ${cases} cases; first: seed ${c.seed} (${c.name}), shrunk to:`,
    violations(small).get(property) ?? '',
    `base   = ${JSON.stringify(base)}`,
    `ours   = ${JSON.stringify(a.text)}  (${OURS.label}, time ${OURS.time})`,
    `theirs = ${JSON.stringify(b.text)}  (${THEIRS.label}, time ${THEIRS.time})`,
    `merged = ${JSON.stringify(merge(base, a.text, b.text).text)}`,
    `edits  = ${JSON.stringify(small.ops)}`,
  ].join('\n');
}

const REQUIRED_INTERACTIONS = [
  ...['bullet', 'section', 'preamble', 'energy', 'tag'].map((kind) => `both: ${kind}`),
  ...['tick × tick', 'delete × tick', 'delete × delete', 'fill × fill', 'paragraph × paragraph', 'reword × tick', 'delete × reword', 'reword × reword'].map((pair) => `same line: ${pair}`),
  'same item: sub-bullet × delete',
  'same new bullet on both',
  'same new section on both',
  'same new tag on both',
  'CRLF on one side',
  'unreadable front matter',
];

/** Which interactions of the two sides' edits a case holds. */
function interactions(c: Case): string[] {
  const [a, b] = [applyOps(c.base, c.ops[0], false), applyOps(c.base, c.ops[1], false)];
  const out = [...a.kinds].filter((kind) => b.kinds.has(kind)).map((kind) => `both: ${kind}`);
  for (const [id, what] of a.touches) if (b.touches.has(id)) out.push(`same line: ${[what, b.touches.get(id)].sort().join(' × ')}`);
  for (const [x, y] of [[a, b], [b, a]]) for (const id of x.extended) if (y.touches.has(id)) out.push(`same item: sub-bullet × ${y.touches.get(id)}`);
  if (a.bullets.some((line) => b.bullets.includes(line))) out.push('same new bullet on both');
  if (a.texts.some((line) => HEADING.test(line) && b.texts.includes(line))) out.push('same new section on both');
  if (a.tags.some((tag) => b.tags.includes(tag))) out.push('same new tag on both');
  if (c.crlf[0] !== c.crlf[1]) out.push('CRLF on one side');
  if (frontMatterEnd(a.lines) >= 0 && !frontMatterOf(a.lines)) out.push('unreadable front matter');
  return out;
}

describe('structural merge: properties over random edits on two machines', () => {
  const bases = loadBases();
  const seeds = ONLY_SEED === undefined ? Array.from({ length: CASES }, (_, i) => i + 1) : [ONLY_SEED];
  let cases: Case[] = [];
  let found: Map<number, string>[] = [];

  before(function (this: Mocha.Context) {
    // Plain CPU work, a few seconds: a busy machine may take longer, and that is no failure.
    this.timeout(Math.max(this.timeout(), 60_000));
    const start = Date.now();
    cases = seeds.map((seed) => generateCase(seed, bases));
    found = cases.map(violations);
    const edits = cases.reduce((n, c) => n + c.ops[0].length + c.ops[1].length, 0);
    console.log(`    ${cases.length} cases (seeds ${seeds[0]}..${seeds[seeds.length - 1]}) over ${bases.length} bases, ${edits} edits, each property checked on every case (${Date.now() - start} ms)`);
  });

  PROPERTIES.forEach((name, i) => {
    it(name, () => {
      const failing = cases.filter((_, k) => found[k].has(i + 1));
      if (failing.length === 0) return;
      const message = report(failing[0], i + 1, failing.length, cases.length);
      console.log(message);
      assert.fail(message);
    });
  });

  it('covers the interactions the properties are about (the test checks itself)', () => {
    if (ONLY_SEED !== undefined) return;
    const seen = new Map<string, number>();
    for (const c of cases) for (const what of new Set(interactions(c))) seen.set(what, (seen.get(what) ?? 0) + 1);
    console.log(`    ${[...seen].sort().map(([what, n]) => `${what}: ${n}`).join(', ')}`);
    const missing = REQUIRED_INTERACTIONS.filter((what) => (seen.get(what) ?? 0) < 3);
    assert.deepEqual(missing, [], 'the generator no longer makes these (at least 3 cases each)');
  });
});
