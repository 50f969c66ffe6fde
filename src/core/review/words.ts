// The words of a journal line, as every insight reads them: tokens, stop words and stems. English
// stop words come from `stopword` and stems from `porter2` (the Snowball English stemmer), so
// "meetings" and "meeting", "focused" and "focus", "paged" and "pages" count together; Reflect adds
// only the words that fill a retro line without saying what it is about.
import { stem as porter2 } from 'porter2';
import { eng } from 'stopword/src/stopwords_eng.js';

/** Words a retro line uses without saying what it is about ("today", "got", "really"). */
const JOURNAL_FILLER = `today yesterday tomorrow tonight morning afternoon evening day days week weeks weekly sprint month
  time times min mins minute minutes hour hours hr hrs bit lot lots thing things stuff way ways kind sort actually really just pretty quite maybe also even ever
  again already yet still went go goes going gone got get gets getting let lets lol tbh ok okay yes yeah etc via vs per
  ago put keep kept know knew think thought feel felt say says tell told try tried use used want wanted need needed
  give gave take took made make makes doing done first last next one two three half new old good bad big small
  little whole every everything something anything nothing someone everyone anyone i'd i'll i'm i've it's don't
  didn't can't won't wasn't isn't that's there's let's she he they them`.split(/\s+/);

const STOP = new Set([...eng, ...JOURNAL_FILLER]);

export interface Word {
  /** As written, apostrophes straightened. */
  surface: string;
  lower: string;
  stem: string;
  /** Offset of the word in the text. */
  index: number;
}

// Letters and digits, with inner apostrophes and hyphens ("don't", "on-call", "p99").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const stems = new Map<string, string>();
/** The Snowball English stem of a lower-case word, remembered (a journal repeats its words). */
export function stemOf(lower: string): string {
  let s = stems.get(lower);
  if (s === undefined) {
    s = /^[a-z'-]+$/.test(lower) ? porter2(lower) : lower;
    if (stems.size > 50_000) stems.clear();
    stems.set(lower, s);
  }
  return s;
}

/** A stop word, also with a contraction or possessive after it ("she's", "we'd", "it'll"). */
export function isStopWord(lower: string): boolean {
  if (STOP.has(lower)) return true;
  const apostrophe = lower.indexOf("'");
  return apostrophe > 0 && STOP.has(lower.slice(0, apostrophe));
}

/** Lines already read: every insight of a review reads the same lines, so each is tokenized once. */
const lines = new Map<string, readonly Word[]>();
const MAX_LINES = 20_000;

/** Every word of `text`, stop words included, in order. The result is shared: don't change it. */
export function wordsOf(text: string): readonly Word[] {
  let words = lines.get(text);
  if (words) return words;
  const found: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = m[0].replace(/’/g, "'");
    const lower = surface.toLowerCase();
    found.push({ surface, lower, stem: stemOf(lower), index: m.index ?? 0 });
  }
  words = Object.freeze(found);
  if (lines.size >= MAX_LINES) lines.clear();
  lines.set(text, words);
  return words;
}

/** A word that says what a line is about: not a stop word, not a bare number, at least three letters. */
export function isContentWord(w: Word): boolean {
  return w.lower.length >= 3 && !isStopWord(w.lower) && !/^\d+$/.test(w.lower);
}

/** The distinct stems of the content words of `text`, in the order they first appear. */
export function contentStems(text: string): string[] {
  const seen = new Set<string>();
  for (const w of wordsOf(text)) if (isContentWord(w)) seen.add(w.stem);
  return [...seen];
}

/**
 * How much each stem says across a set of lines: rare stems say more than common ones (inverse
 * document frequency). Similarity of two lines is the weighted share of stems they have in common.
 */
export class TermWeights {
  private readonly df = new Map<string, number>();
  private readonly docs: number;

  constructor(documents: Iterable<readonly string[]>) {
    let n = 0;
    for (const doc of documents) {
      n++;
      for (const s of new Set(doc)) this.df.set(s, (this.df.get(s) ?? 0) + 1);
    }
    this.docs = n;
  }

  /** Near 0 for a stem in every line, log(n + 1) for one seen once or never. */
  weight(stem: string): number {
    return Math.log((this.docs + 1) / Math.max(1, this.df.get(stem) ?? 0));
  }

  /** How many lines hold `stem`. */
  frequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  /** Weighted Jaccard of two stem lists: 1 for the same stems, 0 for none in common. */
  similarity(a: readonly string[], b: readonly string[]): number {
    return weightedJaccard(a, b, (s) => this.weight(s));
  }

}

/** The weight of the stems two lists share over the weight of all their stems. */
export function weightedJaccard(a: readonly string[], b: readonly string[], weight: (stem: string) => number): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  let total = 0;
  for (const s of setA) {
    const w = weight(s);
    total += w;
    if (setB.has(s)) shared += w;
  }
  for (const s of setB) if (!setA.has(s)) total += weight(s);
  return total === 0 ? 0 : shared / total;
}
