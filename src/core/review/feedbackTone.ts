// The tone of feedback, from generic cue words ("harsh", "clearest", "should have"), a cue flipped
// by a negation just before it ("no longer harsh") or asking for more after a modal ("could be
// clearer"). Every tone comes with the words that set it.
import { isStopWord, Word, wordsOf } from './words';

export type Tone = 'critical' | 'positive' | 'neutral';

export const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
export const POSITIVE = list(`great excellent clear clearer clearest clearly clean cleaner cleanly thanks thank thanked helpful useful
  smooth smoother smoothest smoothly best better kind kinder good nice well solid impressive impressed textbook love loved
  appreciate appreciated kudos awesome amazing fantastic brilliant thoughtful proud praised improved constructive insightful
  perfect polished calm crisp concise stellar grateful friendly patient`);
export const CRITICAL = list(`harsh harsher harshly blunt bluntly terse rough rude unclear confusing confused vague sloppy slow late
  messy wrong bad frustrating frustrated disappointing disappointed worried annoyed missing missed mistake mistakes careless
  dismissive defensive abrupt condescending overdue noisy verbose rushed unhelpful curt aggressive`);
/** Word pairs that judge, by first word: "should have flagged", "sat on it", "keep doing that". */
const PAIRS = new Map<string, Map<string, number>>();
const JUDGING_PAIRS = [[`should_have shouldn't_have could_have sat_on sitting_on dropped_the hard_to fell_through`, -1], [`keep_doing keep_it well_done good_job nice_work`, 1]] as const;
for (const [pairs, polarity] of JUDGING_PAIRS) {
  for (const pair of list(pairs)) {
    const [first, second] = pair.split('_');
    PAIRS.set(first, (PAIRS.get(first) ?? new Map<string, number>()).set(second, polarity));
  }
}
const NEGATORS = list(`not no never without hardly barely nobody nothing`);
/** A positive cue after one of these asks for more: "should be clearer", "could be better". */
const MODALS = list(`should could would needs need wish`);
/** Words that may stand between a negation and its cue: "no longer harsh", "not very clear". */
const SOFTENERS = list(`very really that so as all particularly super quite longer always more exactly especially overly be been being
  is was were are have has a bit lot much terribly`);

function before(words: readonly Word[], i: number): 'negated' | 'modal' | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const w = words[j].lower;
    if (NEGATORS.has(w) || w.endsWith("n't")) return 'negated';
    if (MODALS.has(w)) return 'modal';
    if (!SOFTENERS.has(w)) return undefined;
  }
  return undefined;
}

/** The tone of what was said, from its cue words, and those words. */
export function toneOf(text: string): { tone: Tone; words: string[] } {
  return toneIn(wordsOf(text));
}

export function toneIn(words: readonly Word[]): { tone: Tone; words: string[] } {
  let score = 0;
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    const next = i + 1 < words.length ? words[i + 1].lower : '';
    let polarity = PAIRS.get(w)?.get(next) ?? 0;
    let span = 2;
    if (polarity === 0 && w === 'too' && next && !isStopWord(next)) polarity = -1;
    else if (polarity === 0) {
      span = 1;
      if (POSITIVE.has(w) && !(w === 'well' && words[i - 1]?.lower === 'as') && !(w === 'kind' && next === 'of')) polarity = 1;
      else if (CRITICAL.has(w)) polarity = -1;
      else continue;
    }
    const mod = before(words, i);
    found.push(words.slice(mod ? Math.max(0, i - 2) : i, i + span).map((x) => x.surface).join(' '));
    if (mod === 'negated' || (mod === 'modal' && polarity > 0)) polarity = -polarity;
    score += polarity;
    i += span - 1;
  }
  return { tone: score > 0 ? 'positive' : score < 0 ? 'critical' : 'neutral', words: found };
}
