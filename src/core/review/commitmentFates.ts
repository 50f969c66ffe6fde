// What became of each "what I'll do" line: kept, dropped or still open. A commitment is followed
// through the later "Last time" sections that carry it (ticked or not, across entries that have no
// such section) and through later lines that show it done or given up, matched by their words
// (Snowball stems weighted by rarity), so "write the migration runbook" is kept by "migration
// runbook merged". Every fate names the line or the date that decided it.
import { inPeriod, Period } from '../growth/growthView';
import { shortDate } from '../toolkit/localDates';
import { IndexedEntry } from '../journal/journalIndex';
import { runToEnd, Steps } from '../toolkit/async';
import { JournalLines, Line, pastStem, push } from './commitmentLines';
import { contentStems, isContentWord, stemOf, Word, wordsOf } from './words';

export type Fate = 'kept' | 'dropped' | 'open';

export interface Evidence { date: string; path: string; line?: number; text: string }

export interface CommitmentFate {
  text: string; date: string; path: string; line: number;
  fate: Fate;
  /** When it was kept or dropped. */
  on?: string;
  /** The later line that shows the fate: the ticked "Last time" item, a line showing it done, the line that gives it up. */
  evidence?: Evidence;
  /** How the fate was decided, in words: "ticked on 5 Aug", "done: <line>", "left out of Last time on 10 Aug", "given up: <line>", "still carried on 20 Nov". */
  reason: string;
}

/**
 * A later line counts for a commitment only while the commitment is alive: from the day it is
 * made until it was last carried in a "Last time", and for two weeks (a sprint) after that. A line
 * months later that happens to share its words is about something else.
 */
const GRACE_DAYS = 14;
/** Share of a promise's (rarity-weighted) words a line must hold, with at least two of them, to show it done. */
const DONE_COVERAGE = 0.5;
/** A line that says it gave up needs less: its words already say what happened. */
const GIVE_UP_COVERAGE = 0.2;
/** A carried item edited a little is still the same commitment, if it was made in the last few months. */
const MIN_CARRY_SIMILARITY = 0.6;
const CARRY_LOOKBACK_DAYS = 90;

// Words that open a condition or a purpose: what follows says when or why, not what will be done
// ("ping the vendor every morning until the contract is signed"), so it cannot show the action done.
const CONDITION = new Set(['if', 'unless', 'until', 'till', 'once', 'when', 'whenever', 'while', 'because', 'instead']);
const SO_THAT = new Set(['that', 'i', 'we', 'it', 'they', 'people', 'nobody', 'everyone', 'you']);
// Past forms that are not "-ed", for "did it happen": only the verbs a retro uses for doing work.
/** Progress, not done: "started the design doc" does not keep "write the design doc". */
const PARTLY = new Set(['started', 'starting', 'began', 'begun', 'halfway', 'partway', 'almost', 'wip']);
/** A line that says it did not happen. */
const NOT_DONE = new Set(["didn't", 'didnt', "couldn't", "can't", 'forgot', 'failed', 'missed', 'skipped', 'slipped', 'postponed', 'delayed']);
/** A line that gives a commitment up ("the timebox idea lasted one day", "not doing the cert"). */
const GIVE_UP_WORDS = new Set(['abandoned', 'scrapped', 'ditched', 'lasted', 'quit', 'dropping']);
const GIVE_UP_PAIRS = [['give', 'up'], ['gave', 'up'], ['giving', 'up'], ['given', 'up'], ['not', 'doing'], ["didn't", 'stick'], ["didn't", 'last'], ['no', 'longer'], ['not', 'worth']];
/** A "Stop …" commitment is kept by a line that says it did not happen: "said no", "without", "zero". */
const REFUSAL = new Set(['no', 'not', "didn't", 'didnt', 'without', 'zero', 'stopped', 'declined', 'refused', 'skipped', 'never']);
const STOP_OPENERS = [['stop'], ['quit'], ['avoid'], ['no', 'more'], ["don't"], ['never']];


interface Commitment {
  entry: number; text: string; line: number; ticked: boolean;
  /** Content stems of the whole text (to recognise it when carried). */
  stems: string[];
  /** Stems of the action, and of each promise in it. */
  core: string[];
  parts: string[][];
  stop: boolean; pastTense: boolean;
  carries: { entry: number; done: boolean; text: string }[];
  /** The same words written again while this one was still open: it shares that one's fate. */
  restatedBy?: Commitment;
}

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const startsWith = (lower: readonly string[], phrase: readonly string[]): boolean => phrase.every((w, i) => lower[i] === w);
const hasPair = (lower: readonly string[], pairs: readonly string[][]): boolean => lower.some((w, i) => pairs.some(([a, b]) => w === a && lower[i + 1] === b));
/** First index in the sorted `list` whose key is above `bound`. */
function firstAbove(list: readonly number[], bound: number, key: (n: number) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/**
 * Where the action of a commitment starts and ends, in words: after a leading "when …," condition,
 * and up to the first word that opens a condition or a purpose.
 */
function actionSpan(text: string, words: readonly Word[]): [number, number] {
  let from = 0;
  if (words.length > 0 && CONDITION.has(words[0].lower)) {
    const comma = text.indexOf(',');
    const after = words.findIndex((w) => w.index > comma);
    if (comma > 0 && after > 0) from = after;
  }
  for (let i = from + 1; i < words.length; i++) {
    const w = words[i].lower;
    if (CONDITION.has(w) || (w === 'so' && SO_THAT.has(words[i + 1]?.lower ?? ''))) return [from, i];
  }
  return [from, words.length];
}

/** The words that say what will be done ("ping the vendor every morning", not "until the contract is signed"). */
export function actionOf(text: string): string {
  const words = wordsOf(text);
  const [from, to] = actionSpan(text, words);
  if (from >= to) return '';
  return text.slice(words[from].index, to < words.length ? words[to].index : text.length).trim();
}

const PART_BREAK = /[,;:+.()]/;

/**
 * The promises in a commitment, each as its content stems: "Rules: mornings are for deep work,
 * Slack stays closed" holds three parts, and a later line can show any one of them done. Parts
 * of fewer than two words say too little to be matched alone; then the whole action is one part.
 */
function partsOf(text: string, words: readonly Word[], skip: ReadonlySet<string>): string[][] {
  const parts: string[][] = [[]];
  const whole: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const gap = i === 0 ? '' : text.slice(words[i - 1].index + words[i - 1].surface.length, w.index);
    if (w.lower === 'and' || PART_BREAK.test(gap)) parts.push([]);
    if (!isContentWord(w) || skip.has(w.stem)) continue;
    const part = parts[parts.length - 1];
    if (!part.includes(w.stem)) part.push(w.stem);
    if (!whole.includes(w.stem)) whole.push(w.stem);
  }
  const long = parts.filter((p) => p.length >= 2);
  return long.length > 1 ? long : [whole];
}

function readCommitment(entry: number, text: string, line: number, ticked: boolean): Commitment {
  const words = wordsOf(text);
  const lower = words.map((w) => w.lower);
  const opener = STOP_OPENERS.find((p) => startsWith(lower, p));
  const [from, to] = actionSpan(text, words);
  const parts = partsOf(text, words.slice(from, to), new Set((opener ?? []).map(stemOf)));
  const stems = [...new Set(words.filter(isContentWord).map((w) => w.stem))];
  return { entry, text, line, ticked, stems, core: [...new Set(parts.flat())], parts, stop: opener !== undefined, pastTense: from < to && pastStem(lower[from]) !== undefined, carries: [] };
}


/**
 * Attaches each "Last time" item to the commitment it carries: the open one of the same words
 * (written again, the newer one stands for both), else the closest recent one.
 */
function attachCarries(entries: readonly IndexedEntry[], days: readonly number[], commitments: readonly Commitment[], lines: JournalLines): void {
  const pending = new Map<string, Commitment>();
  const byStem = new Map<string, Commitment[]>();
  let next = 0;
  entries.forEach((e, i) => {
    for (const f of e.followUps) {
      const key = normalize(f.text);
      const same = pending.get(key);
      let targets = same ? [same] : [];
      if (!same) {
        const stems = contentStems(f.text);
        let best: Commitment | undefined;
        let bestScore = MIN_CARRY_SIMILARITY;
        for (const s of stems) {
          const list = byStem.get(s) ?? [];
          for (let k = list.length - 1; k >= 0 && days[list[k].entry] >= days[i] - CARRY_LOOKBACK_DAYS; k--) {
            const score = lines.similarity(stems, list[k].stems);
            if (score > bestScore || (score === bestScore && best && list[k].entry > best.entry)) [best, bestScore] = [list[k], score];
          }
        }
        targets = best ? [best] : [];
      }
      for (const c of targets) c.carries.push({ entry: i, done: f.done, text: f.text });
      if (f.done) pending.delete(key);
    }
    // This entry's own commitments can be carried from the next entry on.
    for (; next < commitments.length && commitments[next].entry === i; next++) {
      const c = commitments[next];
      const key = normalize(c.text);
      const older = pending.get(key);
      const olderSeen = older && days[older.carries.length > 0 ? older.carries[older.carries.length - 1].entry : older.entry];
      // Written again while still alive: the same commitment. Long after, it is a new attempt.
      if (older && olderSeen !== undefined && days[i] - olderSeen <= GRACE_DAYS) older.restatedBy = c;
      if (c.ticked) pending.delete(key);
      else pending.set(key, c);
      for (const s of new Set(c.stems)) push(byStem, s, c);
    }
  });
}

type Match = { line: Line; kind: 'done' | 'gaveUp' };

/** The promise of `c` that `has` holds most of: its shared stems and their rarity-weighted share. */
function bestPart(c: Commitment, has: (stem: string) => boolean, lines: JournalLines): { shared: string[]; coverage: number } {
  let best = { shared: [] as string[], coverage: 0 };
  for (const part of c.parts) {
    const total = part.reduce((sum, s) => sum + lines.weight(s), 0);
    const shared = part.filter(has);
    const coverage = total === 0 ? 0 : shared.reduce((sum, s) => sum + lines.weight(s), 0) / total;
    if (coverage > best.coverage) best = { shared, coverage };
  }
  return best;
}

const GIVE_UP_CUES = [...GIVE_UP_WORDS, ...GIVE_UP_PAIRS.map((p) => p.join(' '))];
const mayGiveUp = (lowerText: string): boolean => GIVE_UP_CUES.some((cue) => lowerText.includes(cue));

/** The first line in the commitment's lifetime that shows it done or given up. */
function firstMatch(c: Commitment, fromDay: number, toDay: number, days: readonly number[], lines: JournalLines): Match | undefined {
  // Which of its words each line in the window holds, from the index alone (a bit per word).
  const candidates = new Map<number, number>();
  const dayOf = (idx: number): number => days[lines.refs[idx].entry];
  const bits = new Map(c.core.slice(0, 30).map((s, bit) => [s, 1 << bit]));
  bits.forEach((bit, s) => {
    const list = lines.linesWith(s);
    for (let k = firstAbove(list, fromDay, dayOf); k < list.length && dayOf(list[k]) <= toDay; k++) candidates.set(list[k], (candidates.get(list[k]) ?? 0) | bit);
  });
  for (const idx of [...candidates.keys()].sort((x, y) => x - y)) {
    const held = candidates.get(idx)!;
    const rough = bestPart(c, (s) => ((bits.get(s) ?? 0) & held) !== 0, lines);
    const maybeDone = rough.shared.length >= 2 && rough.coverage >= DONE_COVERAGE;
    const maybeGaveUp = !c.stop && rough.coverage >= GIVE_UP_COVERAGE && mayGiveUp(lines.refs[idx].text.toLowerCase());
    if (!maybeDone && !maybeGaveUp) continue;
    const l = lines.line(idx);
    const { shared, coverage } = bestPart(c, (s) => l.stems.has(s), lines);
    const gaveUp = l.lower.some((w) => GIVE_UP_WORDS.has(w)) || hasPair(l.lower, GIVE_UP_PAIRS);
    if (gaveUp && !c.stop && coverage >= GIVE_UP_COVERAGE) return { line: l, kind: 'gaveUp' };
    if (shared.length < 2 || coverage < DONE_COVERAGE) continue;
    if (c.stop) {
      if ((l.group === 'wins' || l.group === 'goals') && l.lower.some((w) => REFUSAL.has(w))) return { line: l, kind: 'done' };
      continue;
    }
    if (l.lower.some((w) => NOT_DONE.has(w)) || l.lower.some((w) => PARTLY.has(w) && !c.core.includes(stemOf(w)))) continue;
    // A win or goal progress happened by being written there; elsewhere the shared words must be in the past tense.
    if (l.group === 'wins' || l.group === 'goals' || shared.some((s) => l.past.has(s))) return { line: l, kind: 'done' };
  }
  return undefined;
}

type Judgement = Omit<CommitmentFate, 'text' | 'date' | 'path' | 'line'>;

/** Kept by the first tick or line that shows it done, dropped by one that gives it up or by leaving it out of "Last time", else open. */
function fateOf(c: Commitment, sorted: readonly IndexedEntry[], days: readonly number[], lines: JournalLines, withLastTime: Map<string, number[]>): Judgement {
  const made = sorted[c.entry];
  const at = (i: number, text: string, line?: number): Evidence => ({ date: sorted[i].date, path: sorted[i].path, ...(line !== undefined ? { line } : {}), text });
  if (c.ticked || c.pastTense) return { fate: 'kept', on: made.date, evidence: at(c.entry, c.text, c.line), reason: c.ticked ? 'ticked where it was written' : 'done when written' };
  const tick = c.carries.find((k) => k.done);
  const lastSeen = c.carries.length > 0 ? c.carries[c.carries.length - 1].entry : c.entry;
  const toDay = Math.min(days[lastSeen] + GRACE_DAYS, tick ? days[tick.entry] : Infinity);
  const match = firstMatch(c, days[c.entry], toDay, days, lines);
  if (tick && (!match || days[tick.entry] <= days[match.line.entry])) {
    const on = sorted[tick.entry].date;
    return { fate: 'kept', on, evidence: at(tick.entry, `[x] ${tick.text}`), reason: `ticked on ${shortDate(on)}` };
  }
  if (match) {
    const on = sorted[match.line.entry].date;
    const kept = match.kind === 'done';
    return { fate: kept ? 'kept' : 'dropped', on, evidence: at(match.line.entry, match.line.text, match.line.line), reason: `${kept ? 'done' : 'given up'}: ${match.line.text}` };
  }
  const sameType = withLastTime.get(sorted[lastSeen].type) ?? [];
  const later = sameType[firstAbove(sameType, lastSeen, (i) => i)];
  if (later !== undefined) return { fate: 'dropped', on: sorted[later].date, reason: `left out of Last time on ${shortDate(sorted[later].date)}` };
  if (c.carries.length > 0) return { fate: 'open', reason: `still carried on ${shortDate(sorted[lastSeen].date)}` };
  return { fate: 'open', reason: 'not mentioned again' };
}

/** Every commitment made in the period, oldest first, with its fate judged from all later entries. */
export function commitmentFates(entries: readonly IndexedEntry[], period: Period): CommitmentFate[] {
  return runToEnd(commitmentSteps(entries, period));
}

/** `commitmentFates` in small steps, for a caller that must not hold the event loop (a yearly review). */
export function* commitmentSteps(entries: readonly IndexedEntry[], period: Period): Steps<CommitmentFate[]> {
  // Plain code-unit order: the same on every machine, and far cheaper than localeCompare.
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...entries].sort((a, b) => order(a.date, b.date) || order(a.path, b.path));
  const days = sorted.map((e) => dayNumber(e.date));
  const commitments: Commitment[] = [];
  // A commitment older than the look-back can't be carried into the period: not read at all.
  const since = period.from ? dayNumber(period.from) - CARRY_LOOKBACK_DAYS : -Infinity;
  sorted.forEach((e, i) => {
    // An entry with no readable date cannot be placed before or after anything.
    if ((period.to && e.date > period.to) || !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || days[i] < since) return;
    for (const item of e.items) if (item.group === 'changes') commitments.push(readCommitment(i, item.text, item.line, item.done === true));
  });
  const first = commitments.find((c) => inPeriod(sorted[c.entry].date, period));
  if (!first) return [];
  // Lines before the period's first commitment can show nothing; they are not read.
  const lines = yield* JournalLines.read(sorted, first.entry);
  attachCarries(sorted, days, commitments, lines);
  // Per entry type, the entries that have a "Last time" section: where a left-out item is dropped.
  const withLastTime = new Map<string, number[]>();
  sorted.forEach((e, i) => {
    if (e.followUps.length > 0) push(withLastTime, e.type, i);
  });

  const judged = new Map<Commitment, Judgement>();
  const judge = (c: Commitment): Judgement => {
    let fate = judged.get(c);
    if (!fate) {
      if (c.restatedBy) fate = restated(c, c.restatedBy);
      else own.set(c, (fate = fateOf(c, sorted, days, lines, withLastTime)).reason);
      judged.set(c, fate);
    }
    return fate;
  };
  // Only the last restatement is named: a commitment written again each day would otherwise carry
  // a reason as long as the journal.
  const own = new Map<Commitment, string>();
  const restated = (c: Commitment, newer: Commitment): Judgement => {
    const f = judge(newer);
    const reason = own.get(newer) ?? f.reason;
    own.set(c, reason);
    return { ...f, reason: `written again on ${shortDate(sorted[newer.entry].date)}, then ${reason}` };
  };
  // Newest first, so a restated commitment finds its newer twin judged (no deep recursion).
  const inside = commitments.filter((c) => inPeriod(sorted[c.entry].date, period));
  for (let k = inside.length - 1; k >= 0; k--) {
    judge(inside[k]);
    yield;
  }
  return inside.map((c) => ({ text: c.text, date: sorted[c.entry].date, path: sorted[c.entry].path, line: c.line, ...judge(c) }));
}

/** How many commitments were kept, dropped and left open; the rate is kept of those decided. */
export function keptRate(fates: readonly CommitmentFate[]): { kept: number; dropped: number; open: number; /** kept / (kept + dropped) */ rate: number } {
  const count = (f: Fate): number => fates.filter((x) => x.fate === f).length;
  const kept = count('kept');
  const dropped = count('dropped');
  return { kept, dropped, open: count('open'), rate: kept + dropped === 0 ? 0 : kept / (kept + dropped) };
}
