// The journal's lines as commitments are followed through them: one light pass records where each
// word is written; a line is read in full (stems, past tense) only when it shares a word with a
// commitment, so following a year of commitments stays linear in the journal's size.
import { IndexedEntry } from '../journal/journalIndex';
import { Steps } from '../toolkit/async';
import { isContentWord, isStopWord, stemOf, weightedJaccard, wordsOf } from './words';

/** One line of the journal as a candidate: read in full only when it shares a word with a commitment. */
export interface LineRef { entry: number; text: string; line: number; group: string }
export interface Line extends LineRef {
  stems: Set<string>;
  /** Stems of the words written in the past tense. */
  past: Set<string>;
  lower: string[];
}

/** "wrote" is "write" in the past: irregular verbs a done line uses. */
export const IRREGULAR_PAST: Record<string, string> = { wrote: 'write', ran: 'run', sent: 'send', told: 'tell', met: 'meet', built: 'build', spoke: 'speak', gave: 'give', took: 'take', made: 'make', did: 'do', found: 'find', held: 'hold', led: 'lead', paid: 'pay', sat: 'sit' };

export const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function pastStem(lower: string): string | undefined {
  if (IRREGULAR_PAST[lower]) return stemOf(IRREGULAR_PAST[lower]);
  return lower.length >= 5 && lower.endsWith('ed') && !lower.endsWith('eed') ? stemOf(lower) : undefined;
}

// Splits a line into words without building objects: the one pass over every line of the journal.
const NON_WORD = /[^\p{L}\p{N}'’-]+/u;
const EDGE = /^['’-]+|['’-]+$/g;

/**
 * Every line of the journal, and where each word is written: one light pass over all lines. A
 * line is read in full (stems, tense) only when it shares a word with a commitment.
 */
export class JournalLines {
  readonly refs: LineRef[] = [];
  private readonly bySurface = new Map<string, number[]>();
  private byStemCache?: Map<string, string[]>;
  private readonly postings = new Map<string, number[]>();
  private readonly read = new Map<number, Line>();

  /** The lines of `entries` from index `from` on, read one entry at a step. */
  static *read(entries: readonly IndexedEntry[], from: number): Steps<JournalLines> {
    const lines = new JournalLines();
    for (let entry = from; entry < entries.length; entry++) {
      lines.add(entries[entry], entry);
      yield;
    }
    return lines;
  }

  private add(e: IndexedEntry, entry: number): void {
    for (const item of e.items) {
      const idx = this.refs.length;
      this.refs.push({ entry, text: item.text, line: item.line, group: item.group });
      for (let w of item.text.toLowerCase().split(NON_WORD)) {
        if (w.length < 3) continue;
        if (w.includes('’') || w.startsWith("'") || w.startsWith('-') || w.endsWith("'") || w.endsWith('-')) w = w.replace(/’/g, "'").replace(EDGE, '');
        if (isStopWord(w)) continue;
        if (IRREGULAR_PAST[w]) this.note(IRREGULAR_PAST[w], idx);
        this.note(w, idx);
      }
    }
  }

  private note(w: string, idx: number): void {
    const list = this.bySurface.get(w);
    if (!list) this.bySurface.set(w, [idx]);
    else if (list[list.length - 1] !== idx) list.push(idx);
  }

  /** The lines that hold `stem`, in journal order. */
  linesWith(stem: string): number[] {
    let list = this.postings.get(stem);
    if (list) return list;
    if (!this.byStemCache) {
      this.byStemCache = new Map();
      for (const surface of this.bySurface.keys()) push(this.byStemCache, stemOf(surface), surface);
    }
    const surfaces = this.byStemCache.get(stem) ?? [];
    list = surfaces.length === 1 ? this.bySurface.get(surfaces[0])! : [...new Set(surfaces.flatMap((s) => this.bySurface.get(s)!))].sort((a, b) => a - b);
    this.postings.set(stem, list);
    return list;
  }

  /** Rare stems say more than common ones: the same inverse document frequency as `TermWeights`. */
  weight(stem: string): number {
    return Math.log((this.refs.length + 1) / Math.max(1, this.linesWith(stem).length));
  }

  line(idx: number): Line {
    let l = this.read.get(idx);
    if (!l) {
      const ref = this.refs[idx];
      const words = wordsOf(ref.text);
      const stems = new Set(words.filter(isContentWord).map((w) => w.stem));
      const past = new Set<string>();
      for (const w of words) {
        const p = pastStem(w.lower);
        if (p && IRREGULAR_PAST[w.lower]) stems.add(p); // "wrote" is "write" written in the past
        if (p && stems.has(p)) past.add(p);
      }
      const lower = words.map((w) => w.lower);
      l = { ...ref, stems, past, lower };
      this.read.set(idx, l);
    }
    return l;
  }

  /** Weighted Jaccard of two stem lists, weighted by how rare each stem is in these lines. */
  similarity(a: readonly string[], b: readonly string[]): number {
    return weightedJaccard(a, b, (s) => this.weight(s));
  }

}
