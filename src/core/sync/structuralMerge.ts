import { plural } from '../../shared/text';
import { mergeFrontMatter } from './frontMatterMerge';
import { mergeLines, mergeOrder, pick3, sameLines, Slot } from './keyedMerge';
import {
  fromMarker,
  isFenceBlock,
  isFromMarker,
  isPlaceholder,
  isTicked,
  ItemHead,
  normalizeText,
  parseFile,
  PREAMBLE_KEY,
  renderItemHead,
  sameText,
  Section,
  sectionLines,
  similarity,
  Unit,
  unitText,
  withoutFromMarker,
  wordsOf,
} from './markdownBlocks';

// The structural three-way merge sync uses for a journal file git could not merge line by line.
// It never writes conflict markers: front matter merges key by key, the body section by section
// (matched by heading), list items as sets, and a paragraph both machines rewrote is kept twice,
// theirs marked with the machine it came from. When in doubt it keeps text rather than drops it.

export interface MergeSide {
  text: string;
  /** The machine or commit name, for notes and "from" markers. */
  label: string;
  /** Commit time in ms: the later side wins a value both changed. */
  time: number;
}

export interface MergeResult {
  text: string;
  /** What was resolved, in words, for the output channel. */
  notes: string[];
}

/**
 * Merges both sides of a journal file against their common ancestor `base` (undefined when both
 * machines added the file). `name` (e.g. "goals.md") starts each note. Deterministic; one side
 * unchanged from base returns the other side's text exactly.
 */
export function mergeJournalFile(base: string | undefined, ours: MergeSide, theirs: MergeSide, name?: string): MergeResult {
  if (ours.text === theirs.text) return { text: ours.text, notes: [] };
  if (base !== undefined && ours.text === base) return { text: theirs.text, notes: [] };
  if (base !== undefined && theirs.text === base) return { text: ours.text, notes: [] };
  const b = base === undefined ? undefined : parseFile(base);
  const o = parseFile(ours.text);
  const t = parseFile(theirs.text);
  const frontMatter = mergeFrontMatter(b?.frontMatter, { lines: o.frontMatter, label: ours.label, time: ours.time }, { lines: t.frontMatter, label: theirs.label, time: theirs.time });
  const context: Context = { ours, theirs, notes: [...frontMatter.notes] };
  const merged = mergeSections(b?.sections ?? [], o.sections, t.sections, context);
  const extra = frontMatter.extra;
  // A second merge of the same sides (a criss-cross merge) finds theirs' block already there: no second copy.
  if (extra && !merged[0].units.some((unit) => sameLines(unit.lines, extra.slice(0, -1)))) {
    const preamble = merged[0];
    preamble.units = [...preamble.units, { kind: 'block', lines: extra, gapBefore: 1, key: 'front matter' }];
    preamble.trailingBlank = Math.max(preamble.trailingBlank, 1);
  }
  const eol = o.eol ?? t.eol ?? '\n';
  const lines = [...(frontMatter.lines ?? []), ...renderBody(merged, o.sections, blanksAtEnd(b?.sections, o.sections, t.sections))];
  const text = (o.bom ? '\ufeff' : '') + lines.join(eol) + (o.finalNewline || t.finalNewline ? eol : '');
  const notes = context.notes.length > 0 || text === ours.text ? context.notes : [`combined the edits of ${ours.label} and ${theirs.label}`];
  return { text, notes: name ? notes.map((note) => `${name}: ${note}`) : notes };
}

interface Context {
  ours: MergeSide;
  theirs: MergeSide;
  notes: string[];
}

/** Sections matched by heading, in ours' order; theirs' new ones after the section they follow there. */
function mergeSections(base: Section[], ours: Section[], theirs: Section[], context: Context): Section[] {
  const same = (a: Section, b: Section): boolean => sameLines(sectionLines(a), sectionLines(b));
  // Both machines created the file: a section only one has that holds nothing but a template's
  // empty "- " is the fresh note's scaffolding, not something the other machine deleted.
  const scaffolding = (slot: Slot<Section>): boolean => base.length === 0 && !(slot.ours && slot.theirs) && onlyPlaceholders((slot.ours ?? slot.theirs) as Section);
  const slots = mergeOrder(base, ours, theirs, same).filter((slot) => !scaffolding(slot));
  return slots.map((slot): Section => {
    const { ours: mine, theirs: other } = slot;
    const where = describe(slot.key, (mine ?? other) as Section);
    if (mine && other) return mergeSection({ base: slot.base, ours: mine, theirs: other }, where, context);
    if (slot.base) context.notes.push(`${where}: kept, since ${(mine ? context.ours : context.theirs).label} changed what ${(mine ? context.theirs : context.ours).label} deleted`);
    else if (other) context.notes.push(`${where}: added from ${context.theirs.label}`);
    return (mine ?? other) as Section;
  });
}

function onlyPlaceholders(section: Section): boolean {
  return section.units.length > 0 && section.units.every(isPlaceholder);
}

function describe(key: string, section: Section): string {
  if (key === PREAMBLE_KEY) return 'the text before the first heading';
  return section.title ? `“${section.title.length > 80 ? `${section.title.slice(0, 79)}…` : section.title}”` : 'an untitled section';
}

interface Tally {
  items: number;
  paragraphs: number;
  ticks: number;
  keptDeleted: number;
  itemConflicts: number;
  paragraphConflicts: number;
}

function mergeSection(slot: { base?: Section; ours: Section; theirs: Section }, where: string, context: Context): Section {
  const { base, ours, theirs } = slot;
  const tally: Tally = { items: 0, paragraphs: 0, ticks: 0, keptDeleted: 0, itemConflicts: 0, paragraphConflicts: 0 };
  const heading = pick3(base?.heading, ours.heading, theirs.heading) === 'theirs' ? theirs.heading : ours.heading;
  const units = mergeUnits(base?.units ?? [], ours.units, theirs.units, tally, context.theirs.label);
  const parts: string[] = [];
  const from = context.theirs.label;
  if (tally.items > 0) parts.push(`${plural(tally.items, 'item')} from ${from}`);
  if (tally.paragraphs > 0) parts.push(`${plural(tally.paragraphs, 'paragraph')} from ${from}`);
  if (tally.ticks > 0) parts.push(`${plural(tally.ticks, 'tick')} from ${from}`);
  if (tally.keptDeleted > 0) parts.push(`kept ${plural(tally.keptDeleted, 'entry', 'entries')} one machine deleted and the other changed`);
  if (tally.itemConflicts > 0) parts.push(`${plural(tally.itemConflicts, 'item')} reworded on both machines, both kept`);
  if (tally.paragraphConflicts > 0) parts.push(`${plural(tally.paragraphConflicts, 'paragraph')} edited on both machines, both kept (${from}'s marked)`);
  if (parts.length > 0) context.notes.push(`${where}: ${parts.join(', ')}`);
  // Blank lines after the section: as the side that changed them left them, or as the side with content has them.
  const blanks = pick3(base?.trailingBlank, ours.trailingBlank, theirs.trailingBlank);
  const trailingBlank = blanks === 'theirs' || (blanks === 'conflict' && ours.units.length === 0) ? theirs.trailingBlank : ours.trailingBlank;
  return { ...ours, heading, units, trailingBlank };
}

/** A unit of the merged section, where it came from, and what the notes say about it. */
interface Merged {
  unit: Unit;
  fromTheirs: boolean;
  event?: 'added' | 'keptDeleted' | 'conflict';
}

/** A section's items and paragraphs, three ways. */
function mergeUnits(base: Unit[], ours: Unit[], theirs: Unit[], tally: Tally, theirsLabel: string): Unit[] {
  pairEdits(base, ours);
  pairEdits(base, theirs);
  pairNewParagraphs(base, ours, theirs);
  const merged: Merged[] = [];
  for (const slot of mergeOrder(base, ours, theirs, (a, b) => sameLines(a.lines, b.lines))) {
    const { ours: mine, theirs: other } = slot;
    if (mine && other) {
      const [unit, second] = mine.kind === 'item' ? mergeItem(slot.base, mine, other, tally) : mergeBlock(slot.base, mine, other, theirsLabel);
      merged.push({ unit, fromTheirs: false });
      if (second) merged.push({ unit: second, fromTheirs: true, event: 'conflict' });
      continue;
    }
    const only = (mine ?? other) as Unit;
    // A template's empty "- " survives only where both machines still have it.
    if (isPlaceholder(only)) continue;
    merged.push({ unit: only, fromTheirs: !mine, event: slot.base ? 'keptDeleted' : mine ? undefined : 'added' });
  }
  const out = withoutDuplicates(merged, tally);
  for (const { unit, event } of out) {
    if (event === 'keptDeleted') tally.keptDeleted++;
    else if (event === 'added') tally[unit.kind === 'item' ? 'items' : 'paragraphs']++;
    else if (event === 'conflict') tally[unit.kind === 'item' ? 'itemConflicts' : 'paragraphConflicts']++;
  }
  // Two paragraphs must stay apart, and a paragraph right under an item would read as part of it.
  return out.map(({ unit }, i) => (i > 0 && unit.gapBefore === 0 && unit.kind === 'block' && !isFenceBlock(unit) && !isFenceBlock(out[i - 1].unit) ? { ...unit, gapBefore: 1 } : unit));
}

/**
 * No unit from theirs that says what another one already says (same normalised text, nothing
 * more under it): the kept one takes its tick. Ours' own repeats are left as the user wrote them.
 */
function withoutDuplicates(merged: Merged[], tally: Tally): Merged[] {
  const keyOf = (unit: Unit): string | undefined => (isPlaceholder(unit) ? undefined : `${unit.kind}:${normalizeText(unitText(unit))}`);
  const owner = new Map<string, Merged>();
  for (const m of merged) {
    const key = keyOf(m.unit);
    const current = key === undefined ? undefined : owner.get(key);
    if (key !== undefined && (!current || (current.fromTheirs && !m.fromTheirs))) owner.set(key, m);
  }
  return merged.filter((m) => {
    const key = keyOf(m.unit);
    const kept = key === undefined ? m : (owner.get(key) as Merged);
    if (kept === m || !m.fromTheirs || !covers(kept.unit, m.unit)) return true;
    const [head, keptHead] = [m.unit.head, kept.unit.head];
    if (head && keptHead && isTicked(head) && !isTicked(keptHead)) {
      const ticked: ItemHead = { ...keptHead, check: head.check, afterCheck: keptHead.afterCheck || ' ' };
      kept.unit = { ...kept.unit, head: ticked, lines: [renderItemHead(ticked), ...kept.unit.lines.slice(1)] };
      if (!kept.fromTheirs) tally.ticks++;
    }
    return false;
  });
}

/** Whether `kept` holds everything `dup` does: an item's continuation lines, a paragraph's text. */
function covers(kept: Unit, dup: Unit): boolean {
  if (!sameText(unitText(kept), unitText(dup))) return false;
  if (dup.kind === 'block') return true;
  const lines = new Set(kept.lines.slice(1).map((line) => line.trim()));
  return dup.lines.slice(1).every((line) => lines.has(line.trim()));
}

const MAX_PAIRINGS = 40_000;
const SIMILAR_ITEM = 0.6;
const SIMILAR_PARAGRAPH = 0.5;

/** A unit a side rewrote shares its key with the base unit it replaced, so the rewrite is an edit, not a delete and an add. */
function pairEdits(base: Unit[], side: Unit[]): void {
  const baseKeys = new Set(base.map((u) => u.key));
  const sideKeys = new Set(side.map((u) => u.key));
  pairUp(
    side.filter((u) => !baseKeys.has(u.key)),
    base.filter((u) => !sideKeys.has(u.key)),
  );
}

/** Two new paragraphs in the same place that say nearly the same are one paragraph written twice. */
function pairNewParagraphs(base: Unit[], ours: Unit[], theirs: Unit[]): void {
  const baseKeys = new Set(base.map((u) => u.key));
  const oursKeys = new Set(ours.map((u) => u.key));
  const theirsKeys = new Set(theirs.map((u) => u.key));
  const fresh = (u: Unit, other: Set<string>): boolean => u.kind === 'block' && !baseKeys.has(u.key) && !other.has(u.key);
  pairUp(
    theirs.filter((u) => fresh(u, oursKeys)),
    ours.filter((u) => fresh(u, theirsKeys)),
  );
}

/** Gives each candidate the key of its most similar target of the same kind; ties go to the earlier target. */
function pairUp(candidates: Unit[], targets: Unit[]): void {
  if (candidates.length === 0 || targets.length === 0 || candidates.length * targets.length > MAX_PAIRINGS) return;
  const taken = new Set<Unit>();
  const targetWords = new Map(targets.map((target) => [target, wordsOf(unitText(target))]));
  for (const candidate of candidates) {
    const words = wordsOf(unitText(candidate));
    let best: Unit | undefined;
    let bestScore = candidate.kind === 'item' ? SIMILAR_ITEM : SIMILAR_PARAGRAPH;
    for (const [target, other] of targetWords) {
      if (taken.has(target) || target.kind !== candidate.kind) continue;
      const score = similarity(words, other);
      if (score > bestScore || (score === bestScore && !best)) [best, bestScore] = [target, score];
    }
    if (best) {
      candidate.key = best.key;
      taken.add(best);
    }
  }
}

/** Text from the side that changed it, a tick from either side, continuation lines as a set. */
function mergeItem(base: Unit | undefined, ours: Unit, theirs: Unit, tally: Tally): Unit[] {
  const [b, o, t] = [base?.head, ours.head as ItemHead, theirs.head as ItemHead];
  const textChoice = pick3(b?.text, o.text, t.text);
  if (textChoice === 'conflict' && !sameText(o.text, t.text)) return [ours, theirs];
  const text = textChoice === 'theirs' ? t.text : o.text;
  const box = pick3(b && b.check !== undefined, o.check !== undefined, t.check !== undefined);
  const hasBox = box === 'ours' ? o.check !== undefined : box === 'theirs' ? t.check !== undefined : true;
  // A bare "-" or "- [ ]" that now has something after it needs its space back.
  const spaced = (lead: string): string => (/[ \t]$/.test(lead) || (text === '' && !hasBox) ? lead : `${lead} `);
  const beforeCheck = spaced(pick3(b?.beforeCheck, o.beforeCheck, t.beforeCheck) === 'theirs' ? t.beforeCheck : o.beforeCheck);
  const boxed = [textChoice === 'theirs' ? t : o, o, t].find((h) => h.check !== undefined);
  const ticked = [o, t].find(isTicked);
  if (ticked && !isTicked(o)) tally.ticks++;
  const afterCheck = text === '' ? (boxed?.afterCheck ?? '') : spaced(boxed?.afterCheck ?? '');
  const head: ItemHead = hasBox ? { beforeCheck, check: ticked?.check ?? ' ', afterCheck, text } : { beforeCheck, afterCheck: '', text };
  const rest = mergeLines(base?.lines.slice(1), ours.lines.slice(1), theirs.lines.slice(1));
  return [{ ...ours, head, lines: [renderItemHead(head), ...rest] }];
}

/** The side that changed a paragraph wins; both changed it: ours, then theirs marked with its machine. */
function mergeBlock(base: Unit | undefined, ours: Unit, theirs: Unit, theirsLabel: string): Unit[] {
  const choice = pick3(base && withoutFromMarker(base.lines), withoutFromMarker(ours.lines), withoutFromMarker(theirs.lines), sameLines);
  if (choice === 'ours') return [ours];
  if (choice === 'theirs') return [{ ...theirs, gapBefore: ours.gapBefore }];
  const marked = isFromMarker(theirs.lines[theirs.lines.length - 1]) ? theirs.lines : [...theirs.lines, fromMarker(theirsLabel)];
  return [ours, { ...theirs, lines: marked, gapBefore: Math.max(1, theirs.gapBefore) }];
}

/**
 * The blank lines that end the file, merged as the files' ends and not as their last sections': the
 * section that ends the merge may sit in the middle of a side, where its blank lines separate it from the next.
 */
function blanksAtEnd(base: Section[] | undefined, ours: Section[], theirs: Section[]): number {
  const [b, o, t] = [base?.[base.length - 1], ours[ours.length - 1], theirs[theirs.length - 1]];
  const choice = pick3(b?.trailingBlank, o.trailingBlank, t.trailingBlank);
  return choice === 'theirs' || (choice === 'conflict' && o.units.length === 0) ? t.trailingBlank : o.trailingBlank;
}

/** Sections one after another, spaced as in ours; a blank line between two that were not tight neighbours there; `fileEnd` blank lines at the end. */
function renderBody(merged: Section[], ours: Section[], fileEnd: number): string[] {
  const tight = new Set(ours.flatMap((s, i) => (s.trailingBlank === 0 && i + 1 < ours.length ? [`${s.key}\u0000${ours[i + 1].key}`] : [])));
  const lines: string[] = [];
  merged.forEach((section, i) => {
    lines.push(...sectionLines(section));
    const next = merged[i + 1]?.key;
    let blanks = section.trailingBlank;
    if (next === undefined) blanks = fileEnd;
    else if (blanks === 0 && !tight.has(`${section.key}\u0000${next}`)) blanks = 1;
    for (; blanks > 0; blanks--) lines.push('');
  });
  return lines;
}
