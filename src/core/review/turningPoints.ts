// Turning points: the days where a journal changed. A change-point over the period: the split of the
// entries that best separates energy before from after (a t statistic of the two means), sharpened
// by the drains and energizers that left or arrived at the same place (a G-test on how many entries
// name each). Every figure in the sentence is a count or a mean of the entries on each side.
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { contentStems, isContentWord, Word, wordsOf } from './words';
import { shortDate } from '../toolkit/localDates';

/** Code-point order: the same on every machine, and far cheaper than localeCompare on a year of entries. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ThemeShift {
  group: 'drains' | 'energizers';
  label: string;
  /** Entries that name it before the change. */
  before: number;
  /** Entries that name it after. */
  after: number;
}

export interface TurningPoint {
  /** First entry on the new side. */
  date: string;
  /** Mean energy, one decimal. */
  energyBefore?: number;
  energyAfter?: number;
  entriesBefore: number;
  entriesAfter: number;
  /** Drains/energizers frequent before, (almost) gone after. */
  left: ThemeShift[];
  /** New after. */
  arrived: ThemeShift[];
  stayed: ThemeShift[];
  /** The entries just before and after the change (e.g. a prose entry where the decision was made). */
  around: { date: string; path: string }[];
  sentence: string;
  /** How strong the change is (t² of energy plus the G of the themes that moved); sorts the list. */
  strength: number;
}

type ThemeGroup = ThemeShift['group'];
const THEME_GROUPS: readonly ThemeGroup[] = ['drains', 'energizers'];

/** At least this many entries (and energy values) on each side, or this share of them. */
const MIN_SIDE = 5;
const MIN_SIDE_SHARE = 0.05;
/** An energy change smaller than this (on 1–5) is not worth a sentence, however steady. */
const MIN_ENERGY_STEP = 0.5;
/** The t statistic the energy step must reach: well above what the best split of noise reaches. */
const MIN_ENERGY_T = 3.5;
/** Variance floor: a side of identical values must not make any step look infinitely sure. */
const MIN_VARIANCE = 0.1;
/** G-test thresholds (1 degree of freedom): p < 0.05 to report a theme as moved, p < 0.001 to carry a change alone. */
const G_REPORT = 3.84;
const G_STRONG = 10.83;
/** A theme "left" when its rate after is at most this share of its rate before (and the other way for "arrived"). */
const GONE_RATIO = 0.25;
/** A change with no energy step needs this many themes moving strongly. */
const MIN_THEMES_ALONE = 3;
/** Only this many of the most frequent themes are followed (keeps a year's review fast). */
const MAX_THEMES = 300;
const MAX_POINTS = 3;
const SHOWN_PER_LIST = 3;

interface Theme {
  group: ThemeGroup;
  label: string;
  /** Entries naming it up to each day: prefix[d] = entries on days before d. */
  prefix: Int32Array;
}

interface Series {
  days: string[];
  /** First entry index of each day; firstOfDay[days.length] = entries.length. */
  firstOfDay: number[];
  entries: IndexedEntry[];
  energyCount: Float64Array;
  energySum: Float64Array;
  energySquares: Float64Array;
  themes: Theme[];
  minEntries: number;
  minEnergy: number;
}

const withoutUrls = (text: string): string => text.replace(/\b(?:https?:\/\/|www\.)\S*/gi, ' ');

/** Most common key, ties to the alphabetically first (the same journal gives the same label). */
function mostCommon(counts: ReadonlyMap<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [k, n] of counts) if (n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
  return best;
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

interface ThemeTally {
  group: ThemeGroup;
  stem: string;
  /** Indexes of the entries that name it, each once, in order. */
  entries: number[];
  surfaces: Map<string, number>;
  /** Two-word phrases holding the stem: stem pair → how often. */
  phrases: Map<string, number>;
  label: string;
}

/**
 * A phrase is two content words with at most a couple of small words between them ("waiting on the
 * infra"), never across punctuation ("interruptions, the usual" is two things).
 */
function phrasePairs(text: string, words: readonly Word[], visit: (a: Word, b: Word) => void): void {
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    const end = a.index + a.surface.length;
    if (b.index - end <= 12 && a.stem !== b.stem && !/[^\p{L}\p{N}\s'’-]/u.test(text.slice(end, b.index))) visit(a, b);
  }
}

/**
 * Drain and energizer stems per entry, labelled by the two-word phrase a stem is mostly written in
 * ("context switching"), else its most common word. Phrases are counted by stems first; how they
 * were written is read in a second pass, for the phrases that became labels only.
 */
function tallyThemes(entries: readonly IndexedEntry[]): ThemeTally[] {
  const tallies = { drains: new Map<string, ThemeTally>(), energizers: new Map<string, ThemeTally>() };
  const lines: { group: ThemeGroup; text: string; words: readonly Word[] }[] = [];
  entries.forEach((entry, e) => {
    for (const item of entry.items) {
      if (item.group !== 'drains' && item.group !== 'energizers') continue;
      const group: ThemeGroup = item.group;
      const text = /https?:|www\./i.test(item.text) ? withoutUrls(item.text) : item.text;
      const words = wordsOf(text).filter(isContentWord);
      lines.push({ group, text, words });
      for (const w of words) {
        let t = tallies[group].get(w.stem);
        if (!t) tallies[group].set(w.stem, (t = { group, stem: w.stem, entries: [], surfaces: new Map(), phrases: new Map(), label: '' }));
        if (t.entries[t.entries.length - 1] !== e) t.entries.push(e);
        // As written, names keep their capital; shouted words ("ZERO") don't make the label.
        bump(t.surfaces, w.surface.length > 1 && w.surface === w.surface.toUpperCase() ? w.lower : w.surface);
      }
      phrasePairs(text, words, (a, b) => {
        const pair = `${a.stem} ${b.stem}`;
        for (const x of [a, b]) {
          const t = tallies[group].get(x.stem);
          if (t) bump(t.phrases, pair);
        }
      });
    }
  });
  const themes = [...tallies.drains.values(), ...tallies.energizers.values()].filter((t) => t.entries.length >= 2);
  const labelPairs = new Map<string, Map<string, number>>(); // group:pair → how it was written
  const firstStems = new Set<string>();
  for (const t of themes) {
    const [pair, n] = mostCommon(t.phrases);
    if (!pair || n < 2 || n * 2 < t.entries.length) continue;
    labelPairs.set(`${t.group}:${pair}`, new Map());
    firstStems.add(pair.slice(0, pair.indexOf(' ')));
  }
  for (const line of lines) {
    phrasePairs(line.text, line.words, (a, b) => {
      const forms = firstStems.has(a.stem) ? labelPairs.get(`${line.group}:${a.stem} ${b.stem}`) : undefined;
      if (!forms) return;
      const span = line.text.slice(a.index, b.index + b.surface.length).replace(/\s+/g, ' ');
      bump(forms, span === span.toUpperCase() ? span.toLowerCase() : span);
    });
  }
  for (const t of themes) {
    const forms = labelPairs.get(`${t.group}:${mostCommon(t.phrases)[0]}`);
    t.label = forms?.size ? mostCommon(forms)[0] : mostCommon(t.surfaces)[0];
  }
  return themes;
}

function seriesOf(entries: readonly IndexedEntry[], period: Period): Series {
  const sorted = entries.filter((e) => e.date && inPeriod(e.date, period)).sort((a, b) => compare(a.date, b.date) || compare(a.path, b.path));
  const days: string[] = [];
  const firstOfDay: number[] = [];
  const dayOf: number[] = [];
  sorted.forEach((e, i) => {
    if (days[days.length - 1] !== e.date) {
      days.push(e.date);
      firstOfDay.push(i);
    }
    dayOf.push(days.length - 1);
  });
  firstOfDay.push(sorted.length);
  const D = days.length;
  const energyCount = new Float64Array(D + 1);
  const energySum = new Float64Array(D + 1);
  const energySquares = new Float64Array(D + 1);
  sorted.forEach((e, i) => {
    if (e.energy === undefined) return;
    energyCount[dayOf[i] + 1]++;
    energySum[dayOf[i] + 1] += e.energy;
    energySquares[dayOf[i] + 1] += e.energy * e.energy;
  });
  for (let d = 1; d <= D; d++) {
    energyCount[d] += energyCount[d - 1];
    energySum[d] += energySum[d - 1];
    energySquares[d] += energySquares[d - 1];
  }
  // Stems that read as one phrase ("context" and "switching") are one theme: an entry naming either counts once.
  const merged = new Map<string, { group: ThemeGroup; label: string; entries: Set<number> }>();
  for (const t of tallyThemes(sorted)) {
    const label = t.label;
    const key = `${t.group}:${label}`;
    const theme = merged.get(key);
    if (theme) for (const e of t.entries) theme.entries.add(e);
    else merged.set(key, { group: t.group, label, entries: new Set(t.entries) });
  }
  const themes = [...merged.values()]
    .filter((t) => t.entries.size >= 3)
    .sort((a, b) => b.entries.size - a.entries.size || compare(a.group, b.group) || compare(a.label, b.label))
    .slice(0, MAX_THEMES)
    .map((t) => {
      const prefix = new Int32Array(D + 1);
      for (const e of t.entries) prefix[dayOf[e] + 1]++;
      for (let d = 1; d <= D; d++) prefix[d] += prefix[d - 1];
      return { group: t.group, label: t.label, prefix };
    });
  const minEntries = Math.max(MIN_SIDE, Math.ceil(MIN_SIDE_SHARE * sorted.length));
  const minEnergy = Math.max(MIN_SIDE, Math.ceil(MIN_SIDE_SHARE * energyCount[D]));
  return { days, firstOfDay, entries: sorted, energyCount, energySum, energySquares, themes, minEntries, minEnergy };
}

/** G statistic of a 2×2 table: k1 of n1 entries before, k2 of n2 after. */
function gTest(k1: number, n1: number, k2: number, n2: number): number {
  const k = k1 + k2;
  const n = n1 + n2;
  const cell = (o: number, e: number): number => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (cell(k1, (n1 * k) / n) + cell(k2, (n2 * k) / n) + cell(n1 - k1, (n1 * (n - k)) / n) + cell(n2 - k2, (n2 * (n - k)) / n));
}

interface Split {
  lo: number;
  split: number;
  hi: number;
  strength: number;
  energy?: { before: number; after: number };
  left: (ThemeShift & { g: number })[];
  arrived: (ThemeShift & { g: number })[];
  stayed: ThemeShift[];
}

/** The change at day `s` inside days [lo, hi), or undefined when neither energy nor themes moved. */
function evaluate(series: Series, lo: number, s: number, hi: number): Split | undefined {
  const { energyCount: c, energySum: sum, energySquares: sq, firstOfDay } = series;
  const n1 = firstOfDay[s] - firstOfDay[lo];
  const n2 = firstOfDay[hi] - firstOfDay[s];
  if (n1 < series.minEntries || n2 < series.minEntries) return undefined;
  let strength = 0;
  let energy: Split['energy'];
  const e1 = c[s] - c[lo];
  const e2 = c[hi] - c[s];
  if (e1 >= series.minEnergy && e2 >= series.minEnergy) {
    const m1 = (sum[s] - sum[lo]) / e1;
    const m2 = (sum[hi] - sum[s]) / e2;
    const v1 = Math.max(MIN_VARIANCE, (sq[s] - sq[lo]) / e1 - m1 * m1);
    const v2 = Math.max(MIN_VARIANCE, (sq[hi] - sq[s]) / e2 - m2 * m2);
    const t = (m2 - m1) / Math.sqrt(v1 / e1 + v2 / e2);
    if (Math.abs(m2 - m1) >= MIN_ENERGY_STEP && Math.abs(t) >= MIN_ENERGY_T) {
      energy = { before: m1, after: m2 };
      strength += t * t;
    }
  }
  const left: Split['left'] = [];
  const arrived: Split['arrived'] = [];
  const stayed: ThemeShift[] = [];
  let strongThemes = 0;
  for (const theme of series.themes) {
    const before = theme.prefix[s] - theme.prefix[lo];
    const after = theme.prefix[hi] - theme.prefix[s];
    if (before + after < 3) continue;
    const shift = { group: theme.group, label: theme.label, before, after };
    const g = gTest(before, n1, after, n2);
    const rate1 = before / n1;
    const rate2 = after / n2;
    if (before >= 3 && rate2 <= GONE_RATIO * rate1 && g >= G_REPORT) left.push({ ...shift, g });
    else if (after >= 3 && rate1 <= GONE_RATIO * rate2 && g >= G_REPORT) arrived.push({ ...shift, g });
    else {
      if (before >= 2 && after >= 2) stayed.push(shift);
      continue;
    }
    strength += g;
    if (g >= G_STRONG) strongThemes++;
  }
  if (!energy && strongThemes < MIN_THEMES_ALONE) return undefined;
  return { lo, split: s, hi, strength, energy, left, arrived, stayed };
}

/** The strongest change inside days [lo, hi). */
function bestSplit(series: Series, lo: number, hi: number): Split | undefined {
  let best: Split | undefined;
  for (let s = lo + 1; s < hi; s++) {
    const split = evaluate(series, lo, s, hi);
    if (split && (!best || split.strength > best.strength)) best = split;
  }
  return best;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function listed(shifts: readonly ThemeShift[], first: boolean): string {
  const parts = shifts.map((t, i) => (first && i === 0 ? `${t.label} (${t.before} entries before, ${t.after} after)` : `${t.label} (${t.before}, ${t.after})`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

function sentenceOf(p: Omit<TurningPoint, 'sentence'>): string {
  const clauses: string[] = [];
  if (p.energyBefore !== undefined && p.energyAfter !== undefined) clauses.push(`energy ${p.energyBefore.toFixed(1)} → ${p.energyAfter.toFixed(1)}`);
  let counted = false;
  for (const group of THEME_GROUPS) {
    const left = p.left.filter((t) => t.group === group);
    if (left.length) clauses.push(`${listed(left, !counted)} left the ${group}`);
    counted ||= left.length > 0;
    const arrived = p.arrived.filter((t) => t.group === group);
    if (arrived.length) clauses.push(`${listed(arrived, !counted)} arrived in the ${group}`);
    counted ||= arrived.length > 0;
  }
  if (p.stayed.length) clauses.push(`${listed(p.stayed, !counted)} stayed`);
  return `Around ${shortDate(p.date)}: ${clauses.join('; ')}.`;
}

function pointOf(series: Series, split: Split): TurningPoint {
  const { days, firstOfDay, entries } = series;
  // A theme whose label shares a word with one already shown ("switching between tickets" after
  // "context switching") tells the same story twice: only the stronger one is shown.
  const shownStems = new Set<string>();
  const distinct = (list: readonly ThemeShift[]): ThemeShift[] => {
    const kept: ThemeShift[] = [];
    for (const t of list) {
      const stems = contentStems(t.label).map((x) => `${t.group}:${x}`);
      if (kept.length >= SHOWN_PER_LIST || stems.some((x) => shownStems.has(x))) continue;
      for (const x of stems) shownStems.add(x);
      kept.push({ group: t.group, label: t.label, before: t.before, after: t.after });
    }
    return kept;
  };
  const byG = (list: readonly (ThemeShift & { g: number })[]): ThemeShift[] => [...list].sort((a, b) => b.g - a.g || compare(a.label, b.label));
  const left = distinct(byG(split.left));
  const arrived = distinct(byG(split.arrived));
  const stayed = distinct([...split.stayed].sort((a, b) => b.before + b.after - (a.before + a.after) || compare(a.label, b.label)));
  const at = firstOfDay[split.split];
  const around = entries.slice(Math.max(firstOfDay[split.lo], at - 2), Math.min(firstOfDay[split.hi], at + 2)).map((e) => ({ date: e.date, path: e.path }));
  const point: Omit<TurningPoint, 'sentence'> = {
    date: days[split.split],
    entriesBefore: at - firstOfDay[split.lo],
    entriesAfter: firstOfDay[split.hi] - at,
    left,
    arrived,
    stayed,
    around,
    strength: split.strength,
  };
  if (split.energy) {
    point.energyBefore = round1(split.energy.before);
    point.energyAfter = round1(split.energy.after);
  }
  return { ...point, sentence: sentenceOf(point) };
}

/**
 * Where the period changed, strongest first, at most three; [] when nothing changed. The best split
 * of the whole period first, then the best split of each side (binary segmentation), each needing
 * enough entries on both sides, so a single bad day never makes a turning point.
 */
export function turningPoints(entries: readonly IndexedEntry[], period: Period): TurningPoint[] {
  const series = seriesOf(entries, period);
  const found: Split[] = [];
  const queue: [number, number][] = [[0, series.days.length]];
  while (queue.length && found.length < MAX_POINTS * 2) {
    const [lo, hi] = queue.shift() as [number, number];
    const split = bestSplit(series, lo, hi);
    if (!split) continue;
    found.push(split);
    queue.push([lo, split.split], [split.split, hi]);
  }
  const kept = found.sort((a, b) => b.strength - a.strength || a.split - b.split).slice(0, MAX_POINTS);
  // Each change is told between its neighbours: "2.0 → 4.5" before a later fall to 3, not "2.0 → 3.8".
  const at = kept.map((k) => k.split).sort((a, b) => a - b);
  const local = kept.map((k) => {
    const i = at.indexOf(k.split);
    return evaluate(series, at[i - 1] ?? 0, k.split, at[i + 1] ?? series.days.length) ?? k;
  });
  return local.sort((a, b) => b.strength - a.strength || a.split - b.split).map((k) => pointOf(series, k));
}
