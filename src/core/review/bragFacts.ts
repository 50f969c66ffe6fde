// What a win says beyond its topic: the generic words that make it brag material without naming
// the work (outcomes, work, meetings, qualifiers), and the facts that rank it: a before and after,
// a measure, an outcome word, a linked PR or doc.
import { stemOf, wordsOf } from './words';

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
/** Words that qualify rather than name ("the real fix", "without asking", "why it died"). */
const QUALIFIERS = `why without instead real proper dry right full back off open end same own whole only still another each
  both more most less very much many able sure nice great huge quick quickly early late later exactly mostly
  weekend night hour hours minute minutes monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/);
let generic: Set<string> | undefined;
let outcomes: Set<string> | undefined;
/** The stems of all those words: built on first use, not while the extension starts. */
export const isGeneric = (stem: string): boolean => (generic ??= new Set([...OUTCOME_WORDS, ...WORK_WORDS, ...MEETING_WORDS, ...QUALIFIERS].map(stemOf))).has(stem);
const isOutcome = (stem: string): boolean => (outcomes ??= new Set(OUTCOME_WORDS.map(stemOf))).has(stem);

const NUMBER = String.raw`~?\d[\d.,]*(?:\s?(?:%|ms|s|h|x|k|m|gb|mb|min|mins|days?|hours?|weeks?))?`;
/** "480ms -> 190ms", "92% → 61%", "9 days -> ~30h": a before and after. */
const ARROW = new RegExp(String.raw`(${NUMBER})\s*(?:->|→|=>)\s*(${NUMBER})`, 'i');
/** "from 480ms in August to 190ms" (a few words allowed between). */
const FROM_TO = new RegExp(String.raw`\bfrom\s+(${NUMBER})(?:\s+[^\s\d]+){0,3}\s+to\s+(${NUMBER})`, 'i');
/** A measured amount: a number with a unit or a percent ("52 min", "40%", "26h"), or "zero …". */
const MEASURE = /(?:\d\s?(?:%|ms\b|h\b|x\b|min\b|mins\b|hours?\b|days?\b|errors?\b|steps?\b|moves?\b))|\bzero\s+\w+|\bno\s+(?:errors?|downtime|data loss)\b/i;
const PR_LINK = /\/pulls?\/\d+|\/merge_requests\/\d+|(?:^|[\s(])#\d+\b/;
const DOC_LINK = /\bhttps?:\/\/\S+/;

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
