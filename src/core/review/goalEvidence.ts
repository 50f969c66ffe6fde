// Goals with evidence: the lines that talk about a goal, found by its key words rather than its
// exact title, and a verdict a user can check ("looks achieved — mark done?"). Nothing here edits
// goals.md: a verdict is a suggestion, traced to the line and cue words that caused it.
import { Goal } from '../growth/goals';
import { shortDate } from '../toolkit/localDates';
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { GrowthGroup } from '../../shared/noteKinds';
import { isContentWord, stemOf, Word, wordsOf } from './words';

/** Code-point order: the same on every machine, and far cheaper than localeCompare on a year of entries. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type GoalVerdict = 'done' | 'looks-achieved' | 'abandoned' | 'open';

export interface GoalLine {
  date: string;
  path: string;
  line: number;
  text: string;
  group: GrowthGroup;
}

export interface GoalEvidence {
  goal: Goal;
  /** 'done' only when ticked in goals.md. */
  verdict: GoalVerdict;
  /** Lines about the goal, oldest first (any group, not only "progress on goals"). */
  lines: GoalLine[];
  /** The line that made the verdict looks-achieved / abandoned. */
  because?: GoalLine;
  /** The goal's words each line was matched by (same order as `lines`), as written in the line. */
  matchedBy: string[][];
  /** The cue in `because` ("on my own", "not doing", "under 200"). */
  cue?: string;
  /** What the user reads: "looks achieved — mark done?" with the line, or "no progress written since 12 Oct". */
  note: string;
}

/**
 * Share of the journal's lines above which one word is too common to point at a goal on its own:
 * 1 line in 50, or 1 in 20 for a line written under "Progress on my goals" (that section already
 * says it is about a goal).
 */
const DISTINCTIVE_SHARE = 0.02;
const DISTINCTIVE_SHARE_IN_PROGRESS = 0.05;
/** A word in this many lines or fewer is always distinctive (a small journal can't measure rarity). */
const DISTINCTIVE_MIN = 3;
/** An open goal with nothing written for this long reads "no progress written since …". */
const STALE_DAYS = 28;
/** An abbreviation in a line ("cert", "perf", "docs") stands for a longer goal word it starts. */
const MIN_ABBREVIATION = 4;

// Generic cue words, kept short on purpose: each one is quoted back in the note.
const ACHIEVED_WORDS = new Set(['done', 'achieved', 'accomplished', 'completed', 'finished', 'reached', 'nailed', 'passed']);
const ACHIEVED_PHRASES = [['on', 'my', 'own'], ['by', 'myself']];
const ABANDONED_WORDS = new Set(['abandoned', 'abandoning', 'shelved', 'cancelled', 'canceled']);
// Engineers drop dependencies and latency all day: "dropped" alone is no cue, "dropped it" is.
const ABANDONED_PHRASES = [['not', 'doing'], ['not', 'going', 'to'], ['giving', 'up'], ['gave', 'up'], ['give', 'up', 'on'], ['no', 'longer'], ['dropped', 'it'], ['dropping', 'it'], ['dropped', 'the', 'goal'], ['dropping', 'the', 'goal']];
/** Every cue holds one of these words: a line without any is not read word by word. */
const CUE_HINT = /\b(?:done|achieved|accomplished|completed|finished|reached|nailed|passed|own|myself|abandon(?:ed|ing)|shelved|cancell?ed|not|giving|gave|give|longer|dropp(?:ed|ing)|under|below|less|over|above|more)\b/;
/** Words that undo an achievement cue just before it ("not done", "almost finished"). */
const NEGATIONS = new Set(['not', 'never', 'almost', 'nearly', 'yet', 'no', 'isn\'t', 'wasn\'t', 'aren\'t', 'haven\'t', 'hasn\'t', 'didn\'t', 'nothing']);

interface KeyTerm {
  stem: string;
  /** As written in the goal, lower case. */
  lower: string;
  /** A tag's word supports a match but never makes one alone: tags name broad areas. */
  fromTag: boolean;
}

interface GoalMatcher {
  goal: Goal;
  terms: KeyTerm[];
  byStem: Map<string, number>;
  /** "cert" → the term "certification" starts with it. */
  byPrefix: Map<string, number>;
  hashTags: string[];
  /** "under 200ms" in the title: a line saying "under 190" reaches it. */
  target?: { direction: 'under' | 'over'; value: number; unit: string };
}

interface Candidate {
  entry: IndexedEntry;
  item: IndexedEntry['items'][number];
  /** Only the content words that start like a key word: enough to match, without tokenizing the line. */
  keyWords: Word[];
  /** Every word, read only for a line that matched (for its cue). */
  words?: readonly Word[];
  lower: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/uy;
const LETTER = /[\p{L}\p{N}]/u;

/** The content words of `text` that `starts` finds at their first letter, read as wordsOf reads them. */
function keyWordsOf(text: string, starts: RegExp): Word[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return wordsOf(text).filter(isContentWord); // lower-casing moved the offsets
  const found: Word[] = [];
  starts.lastIndex = 0;
  for (let m = starts.exec(lower); m; m = starts.exec(lower)) {
    const at = m.index;
    const prev = lower[at - 1] ?? ' ';
    // Inside a word ("re-indexing" holds "indexing"): that word was read, or not, from its own start.
    if (LETTER.test(prev) || (/['’-]/.test(prev) && LETTER.test(lower[at - 2] ?? ' '))) continue;
    TOKEN.lastIndex = at;
    const token = TOKEN.exec(text);
    if (!token) continue;
    const surface = token[0].replace(/’/g, "'");
    const word: Word = { surface, lower: surface.toLowerCase(), stem: stemOf(surface.toLowerCase()), index: at };
    if (isContentWord(word)) found.push(word);
    starts.lastIndex = at + token[0].length;
  }
  return found;
}

// A link's words ("…/search/pull/398") are an address, not what the line is about.
const withoutUrls = (text: string): string => text.replace(/\b(?:https?:\/\/|www\.)\S*/gi, ' ');

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TARGET = /\b(under|below|less than|over|above|more than)\s+(\d+(?:\.\d+)?)\s*([a-z%]*)/gi;

function targetOf(title: string): GoalMatcher['target'] {
  for (const m of title.matchAll(TARGET)) {
    const word = m[1].toLowerCase();
    return { direction: /under|below|less/.test(word) ? 'under' : 'over', value: Number(m[2]), unit: m[3].toLowerCase() };
  }
  return undefined;
}

function matcherOf(goal: Goal): GoalMatcher {
  const terms: KeyTerm[] = [];
  const byStem = new Map<string, number>();
  const add = (w: Word, fromTag: boolean): void => {
    if (!isContentWord(w) || byStem.has(w.stem)) return;
    byStem.set(w.stem, terms.length);
    terms.push({ stem: w.stem, lower: w.lower, fromTag });
  };
  for (const w of wordsOf(goal.title)) add(w, false);
  for (const tag of goal.tags) for (const w of wordsOf(tag.replace(/[/_-]+/g, ' '))) add(w, true);
  const byPrefix = new Map<string, number>();
  terms.forEach((t, i) => {
    if (t.fromTag) return;
    for (let n = MIN_ABBREVIATION; n <= t.lower.length - 2; n++) if (!byPrefix.has(t.lower.slice(0, n))) byPrefix.set(t.lower.slice(0, n), i);
  });
  return { goal, terms, byStem, byPrefix, hashTags: goal.tags.map((t) => `#${t.toLowerCase()}`), target: targetOf(goal.title) };
}

function hasPhrase(words: readonly Word[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((p, k) => words[at + k]?.lower === p);
}

/** The cue in a goal line: what makes it read as achieved or abandoned, quoted as written. */
function cueOf(m: GoalMatcher, c: Candidate): { kind: 'looks-achieved' | 'abandoned'; cue: string } | undefined {
  if (!CUE_HINT.test(c.lower)) return undefined;
  const words = (c.words ??= wordsOf(withoutUrls(c.item.text)));
  let found: { kind: 'looks-achieved' | 'abandoned'; cue: string } | undefined;
  for (let i = 0; i < words.length && !found; i++) {
    const w = words[i].lower;
    const abandoned = ABANDONED_WORDS.has(w) ? [w] : ABANDONED_PHRASES.find((p) => hasPhrase(words, i, p));
    if (abandoned) {
      found = { kind: 'abandoned', cue: words.slice(i, i + abandoned.length).map((x) => x.surface).join(' ') };
      break;
    }
    const achieved = ACHIEVED_WORDS.has(w) ? [w] : ACHIEVED_PHRASES.find((p) => hasPhrase(words, i, p));
    if (achieved && !words.slice(Math.max(0, i - 2), i).some((x) => NEGATIONS.has(x.lower))) {
      found = { kind: 'looks-achieved', cue: words.slice(i, i + achieved.length).map((x) => x.surface).join(' ') };
    }
  }
  if (found || !m.target) return found;
  // "under 190" for a goal "under 200ms": the number itself says the target is reached.
  const t = m.target;
  for (const x of withoutUrls(c.item.text).matchAll(TARGET)) {
    const direction = /under|below|less/i.test(x[1]) ? 'under' : 'over';
    const value = Number(x[2]);
    const unit = x[3].toLowerCase();
    if (direction !== t.direction || (unit && t.unit && unit !== t.unit)) continue;
    if (direction === 'under' ? value <= t.value : value >= t.value) return { kind: 'looks-achieved', cue: x[0].trim() };
  }
  return undefined;
}


const quote = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text}"`;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function noteOf(verdict: GoalVerdict, lines: readonly GoalLine[], because: GoalLine | undefined, cue: string | undefined, lastDate: string): string {
  const last = lines[lines.length - 1];
  if (verdict === 'looks-achieved' && because) return `looks achieved — mark done? ${shortDate(because.date)}: ${quote(because.text)} ("${cue}")`;
  if (verdict === 'abandoned' && because) return `looks abandoned — ${shortDate(because.date)}: ${quote(because.text)} ("${cue}"); drop it from goals.md?`;
  if (verdict === 'done') return last ? `done (ticked in goals.md); last written about ${shortDate(last.date)}` : 'done (ticked in goals.md)';
  if (!last) return 'nothing written about it in this period';
  if (daysBetween(last.date, lastDate) > STALE_DAYS) return `no progress written since ${shortDate(last.date)}`;
  return `${lines.length} ${lines.length === 1 ? 'line' : 'lines'} about it, last on ${shortDate(last.date)}: ${quote(last.text)}`;
}

/**
 * Each goal with the lines about it and a verdict. A line is about a goal when it carries the goal's
 * `#tag`, or two of its key words (title stems or tag words), or one title word the journal rarely
 * uses (see DISTINCTIVE_SHARE). The verdict comes from cue words in those lines, the latest one,
 * preferring lines written under "Progress on my goals".
 */
export function goalEvidence(goals: readonly Goal[], entries: readonly IndexedEntry[], period: Period): GoalEvidence[] {
  const matchers = goals.map(matcherOf);
  // A cheap pass over every line; only lines where a word starts like a key word (or holds a goal's
  // #tag) are tokenized. A stem and its abbreviations share their first letters with the word.
  const starts = new Set<string>();
  const tags = new Set<string>();
  for (const m of matchers) {
    for (const t of m.terms) {
      starts.add(t.stem.slice(0, MIN_ABBREVIATION));
      starts.add(t.lower.slice(0, MIN_ABBREVIATION));
    }
    for (const h of m.hashTags) tags.add(h);
  }
  const wordStarts = starts.size ? `\\b(?:${[...starts].map(escape).join('|')})` : undefined;
  const alternatives = [...(wordStarts ? [wordStarts] : []), ...[...tags].map(escape)];
  const prefilter = alternatives.length ? new RegExp(alternatives.join('|')) : undefined;
  const startsAll = new RegExp(wordStarts ?? '(?!)', 'g');
  const candidates: Candidate[] = [];
  let lineCount = 0;
  let lastDate = '';
  for (const entry of entries) {
    if (!inPeriod(entry.date, period)) continue;
    if (entry.date > lastDate) lastDate = entry.date;
    for (const item of entry.items) {
      lineCount++;
      const lower = item.text.toLowerCase();
      if (!prefilter?.test(lower)) continue;
      const keyWords = keyWordsOf(/https?:|www\./.test(lower) ? withoutUrls(item.text) : item.text, startsAll);
      if (keyWords.length || tags.size) candidates.push({ entry, item, keyWords, lower });
    }
  }
  candidates.sort((a, b) => compare(a.entry.date, b.entry.date) || compare(a.entry.path, b.entry.path) || a.item.line - b.item.line);
  const distinctiveMax = Math.max(DISTINCTIVE_MIN, Math.ceil(DISTINCTIVE_SHARE * lineCount));
  const distinctiveMaxInProgress = Math.max(DISTINCTIVE_MIN, Math.ceil(DISTINCTIVE_SHARE_IN_PROGRESS * lineCount));

  // Which goals' words each line holds: a look-up per key word, not a pass per goal.
  const byStem = new Map<string, [number, number][]>();
  const byPrefix = new Map<string, [number, number][]>();
  const byTag = new Map<string, number[]>();
  matchers.forEach((m, g) => {
    for (const [stem, i] of m.byStem) byStem.set(stem, [...(byStem.get(stem) ?? []), [g, i]]);
    for (const [prefix, i] of m.byPrefix) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), [g, i]]);
    for (const h of m.hashTags) byTag.set(h, [...(byTag.get(h) ?? []), g]);
  });
  const frequency = matchers.map((m) => new Array<number>(m.terms.length).fill(0));
  const hits = candidates.map((c) => {
    const perGoal = new Map<number, Map<number, string>>();
    for (const w of c.keyWords) {
      const stemHits = byStem.get(w.stem) ?? [];
      const prefixHits = (byPrefix.get(w.lower) ?? []).filter(([g]) => !stemHits.some(([h]) => h === g));
      for (const [g, i] of [...stemHits, ...prefixHits]) {
        let terms = perGoal.get(g);
        if (!terms) perGoal.set(g, (terms = new Map()));
        if (!terms.has(i)) {
          terms.set(i, w.surface);
          frequency[g][i]++;
        }
      }
    }
    const tagged = new Set<number>();
    for (const [h, goalsWithTag] of byTag) if (c.lower.includes(h)) for (const g of goalsWithTag) tagged.add(g);
    return { perGoal, tagged };
  });

  // How strongly each goal holds each line (0: not about it): the summed rarity of its words there.
  const weight = (g: number, i: number): number => Math.log((lineCount + 1) / Math.max(1, frequency[g][i]));
  const scores = candidates.map((c, k) => {
    const { perGoal, tagged } = hits[k];
    const max = c.item.group === 'goals' ? distinctiveMaxInProgress : distinctiveMax;
    const scored = new Map<number, { score: number; words: string[] }>();
    for (const g of new Set([...perGoal.keys(), ...tagged])) {
      const terms = perGoal.get(g) ?? new Map<number, string>();
      const distinctive = [...terms.keys()].some((i) => !matchers[g].terms[i].fromTag && frequency[g][i] <= max);
      if (!tagged.has(g) && !distinctive && terms.size < 2) continue;
      let score = tagged.has(g) ? Math.log(lineCount + 1) : 0;
      for (const i of terms.keys()) score += weight(g, i);
      scored.set(g, { score, words: [...terms.values()] });
    }
    return scored;
  });
  const best = scores.map((scored) => Math.max(0, ...[...scored.values()].map((x) => x.score)));

  return matchers.map((m, g) => {
    const lines: GoalLine[] = [];
    const matchedBy: string[][] = [];
    let because: { line: GoalLine; cue: string; kind: 'looks-achieved' | 'abandoned'; progress: boolean } | undefined;
    candidates.forEach((c, k) => {
      const held = scores[k].get(g);
      if (!held) return;
      const line: GoalLine = { date: c.entry.date, path: c.entry.path, line: c.item.line, text: c.item.text, group: c.item.group };
      lines.push(line);
      matchedBy.push(held.words);
      // A line about two goals ("not doing the cert, no time with the migration coming") speaks for the one it names most strongly.
      const cue = held.score >= best[k] ? cueOf(m, c) : undefined;
      const progress = c.item.group === 'goals';
      // Lines are oldest first: a later cue wins, except that a line under "Progress on my goals" outranks any other.
      if (cue && (!because || progress || !because.progress)) because = { line, ...cue, progress };
    });
    const verdict: GoalVerdict = m.goal.done ? 'done' : (because?.kind ?? 'open');
    const shown = verdict === 'looks-achieved' || verdict === 'abandoned' ? because : undefined;
    const evidence: GoalEvidence = { goal: m.goal, verdict, lines, matchedBy, note: noteOf(verdict, lines, shown?.line, shown?.cue, lastDate) };
    if (shown) {
      evidence.because = shown.line;
      evidence.cue = shown.cue;
    }
    return evidence;
  });
}

