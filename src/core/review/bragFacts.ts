// What a win says beyond its topic: the generic words that make it brag material without naming
// the work (outcomes, work, meetings, qualifiers), whether it is about keeping the journal, and the
// facts that rank it: a before and after, a measure, an outcome word, a linked PR or doc, a drain
// it ended.
import { isContentWord, stemOf, TermWeights, wordsOf } from './words';

/**
 * Words that say work got done, not which work: they make a line brag material (an outcome) but
 * two lines that both say "fixed" are not about the same thing.
 */
const OUTCOME_WORDS = `fix fixed fixes ship shipped shipping merge merged land landed done finish finished complete
  completed close closed publish published approve approved deploy deployed launch launched release released resolve
  resolved solved deliver delivered cut reduced unblocked decommissioned migrated automated delete deleted remove removed`.split(/\s+/);
/** Words about doing any work at all, or a stage of any work ("the X prototype" is X). */
const WORK_WORDS = `start started wrote write writing written build built ran run running work worked working help helped
  found find finally update updated read raise raised team review reviews reviewed test tests doc docs plan plans bug ticket
  issue task draft drafts outline outlines prototype prototypes spec specs proposal notes`.split(/\s+/);
/** Words about arranging work rather than doing it: unrelated lines share them ("the offsite", "sprint planning"). */
const MEETING_WORDS = `planning meeting meetings sync standup offsite session sessions call calls roadmap agenda demo demos present presented`.split(/\s+/);
/** Words that qualify rather than name ("the real fix", "without asking", "why it died"), days and months among them. */
const QUALIFIERS = `why without instead real proper dry right full back off open end same own whole only still another each
  both more most less very much many able sure nice great huge quick quickly early late later exactly mostly
  weekend night hour hours minute minutes monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/);
let generic: Set<string> | undefined;
let outcomes: Set<string> | undefined;
/** The stems of all those words: built on first use, not while the extension starts. */
export const isGeneric = (stem: string): boolean => (generic ??= new Set([...OUTCOME_WORDS, ...WORK_WORDS, ...MEETING_WORDS, ...QUALIFIERS].map(stemOf))).has(stem);
const isOutcome = (stem: string): boolean => (outcomes ??= new Set(OUTCOME_WORDS.map(stemOf))).has(stem);

// Longer units first: "40 min" is 40 minutes, not 40 m.
const NUMBER = String.raw`~?\d[\d.,]*(?:\s?(?:%|ms|mins?|mb|gb|hours?|days?|weeks?|s|h|x|k|m))?`;
/** "480ms -> 190ms", "92% → 61%", "9 days -> ~30h": a before and after. */
const ARROW = new RegExp(String.raw`(${NUMBER})\s*(?:->|→|=>)\s*(${NUMBER})`, 'i');
/** "from 480ms in August to 190ms" (a few words allowed between). */
const FROM_TO = new RegExp(String.raw`\bfrom\s+(${NUMBER})(?:\s+[^\s\d]+){0,3}\s+to\s+(${NUMBER})`, 'i');
/** A measured amount: a number with a unit or a percent ("52 min", "40%", "26h"), or "zero …". */
const MEASURE = /(?:\d\s?(?:%|ms\b|h\b|x\b|min\b|mins\b|hours?\b|days?\b|errors?\b|steps?\b|moves?\b))|\bzero\s+\w+|\bno\s+(?:errors?|downtime|data loss)\b/i;
const PR_LINK = /\/pulls?\/\d+|\/merge_requests\/\d+|(?:^|[\s(])#\d+\b/;
const DOC_LINK = /\bhttps?:\/\/\S+/;

/** Words that name the journal habit itself. */
const JOURNAL_WORDS = new Set(['journal', 'journaling', 'journalling', 'diary', 'retro', 'retros', 'retrospective', 'reflection', 'reflecting']);
/** Words that, beside a journal word, still talk about the habit ("small wins count", "see if it sticks"). */
const HABIT_WORDS = new Set(
  `win wins small count counts stick sticks habit streak try trying tried write wrote writing entry entries see first time thing right today today's`.split(/\s+/),
);

/**
 * Whether a win is about keeping the journal rather than the work ("first time trying this retro
 * thing", "wrote today's journal"): it names the journal and at most one other word that is not
 * about the habit. "Published the project retro doc" names a document of the work, not the habit.
 */
export function isAboutJournal(text: string): boolean {
  const words = wordsOf(text);
  if (!words.some((w) => JOURNAL_WORDS.has(w.lower))) return false;
  const other = words.filter((w) => isContentWord(w) && !JOURNAL_WORDS.has(w.lower) && !HABIT_WORDS.has(w.lower) && !HABIT_WORDS.has(w.stem));
  return other.length <= 1;
}

export type Facts = { change?: string; measure: boolean; outcome?: string; pr: boolean; doc: boolean };

/** Facts are looked for in this much of a line: the number patterns backtrack on a long run of digits. */
const FACT_WINDOW = 400;

export function factsOf(line: string): Facts {
  const text = line.length > FACT_WINDOW ? line.slice(0, FACT_WINDOW) : line;
  const m = ARROW.exec(text) ?? FROM_TO.exec(text);
  return {
    change: m ? `${m[1].trim()} → ${m[2].trim()}` : undefined,
    measure: MEASURE.test(text),
    outcome: wordsOf(text).find((w) => isOutcome(w.stem))?.lower,
    pr: PR_LINK.test(text),
    doc: DOC_LINK.test(text),
  };
}

/** How well a win says what happened: a before and after, a measure, an outcome, a link, and how specific its words are. */
export function lineStrength(f: Facts, terms: readonly string[], weights: TermWeights): number {
  let s = 0;
  if (f.change) s += 3;
  if (f.measure) s += 1;
  if (f.outcome) s += 1;
  if (f.pr || f.doc) s += 0.5;
  return s + Math.min(2, terms.reduce((sum, t) => sum + weights.weight(t), 0) / 20);
}

/** A drain and the fix of it are this many days apart at most. */
const DRAIN_DAYS = 28;
const DAY_MS = 86_400_000;

interface Dated {
  date: string;
  terms: readonly string[];
}

/**
 * Finds the drain a story's wins (oldest first) put an end to, if any: a drain written at most
 * DRAIN_DAYS before a win, or the same day, that shares two work terms or more with it, people left
 * aside ("paged three nights running by the queue-depth alert", then "queue-depth alert fixed").
 * `drains` are oldest first. Cost: for each win, the drains of its terms within the window.
 */
export function drainFinder<D extends Dated>(drains: readonly D[], people: ReadonlySet<string>): (wins: readonly Dated[]) => D | undefined {
  const byTerm = new Map<string, D[]>();
  for (const d of drains) {
    for (const t of d.terms) {
      const list = byTerm.get(t) ?? [];
      byTerm.set(t, list);
      list.push(d);
    }
  }
  return (wins) => {
    for (const w of wins) {
      const time = Date.parse(w.date);
      const since = Number.isNaN(time) ? w.date : new Date(time - DRAIN_DAYS * DAY_MS).toISOString().slice(0, 10);
      const shared = new Map<D, number>();
      for (const t of new Set(w.terms)) {
        if (people.has(t)) continue;
        const list = byTerm.get(t) ?? [];
        for (let i = firstOnOrAfter(list, since); i < list.length && list[i].date <= w.date; i++) {
          const n = (shared.get(list[i]) ?? 0) + 1;
          if (n >= 2) return list[i];
          shared.set(list[i], n);
        }
      }
    }
    return undefined;
  };
}

/** The index of the first line dated on or after `date` in a list sorted by date. */
function firstOnOrAfter(list: readonly Dated[], date: string): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
