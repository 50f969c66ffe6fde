import { GrowthGroup } from '../../shared/noteKinds';
import { IndexedEntry } from '../journal/journalIndex';

// Recurring themes, found locally and deterministically: a word or two-word phrase (after stop
// words, with light stemming) or a #tag written in a bullet, that appears in at least `minEntries`
// entries within one group. Every pattern lists the entries it came from, so it can be checked by hand.

export interface PatternSource {
  path: string;
  date: string;
  text: string;
  line: number;
}

export interface Pattern {
  group: GrowthGroup;
  /** What the user reads: the most common way the theme was written ("meetings", "#oncall"). */
  label: string;
  kind: 'tag' | 'phrase' | 'word';
  /** Distinct entries it appears in. */
  entries: number;
  /** Each bullet it appears in, oldest first. */
  sources: PatternSource[];
}

export const MIN_ENTRIES = 3;
const MAX_PER_GROUP = 8;

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
  could did do does doing done down during each even ever every few for from further get got gets getting had has have having he her
  here hers him his how i i'd i'll i'm i've if in into is it it's its itself just let lets like made make makes many me more most much
  my myself new no nor not now of off on once one only or other our ours out over own really same she should so some still such
  than that the their them then there these they this those through to too under until up us very was we were what when where which
  while who whom why will with without would yet you your today day week sprint bit lot way thing things time next first last two
  got went took felt feel via vs etc per ago wrote write writes asked ask asks want wants wanted need needs needed give gave
  gives put keep kept know knew think thought say said tell told try tried use used lots much`.split(/\s+/),
);

/** Light stemming so "meetings" and "meeting", "reviewed" and "reviews" count together. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  // Plurals first, then verb endings: "meetings" → "meeting" → "meet", like "meeting" and "meets".
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(sses|ches|shes|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  // "shipp" (from "shipped", "shipping") → "ship"
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

interface Term {
  key: string;
  surface: string;
  kind: Pattern['kind'];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]+)/gu;

/** The words, two-word phrases and #tags of one bullet, each once. */
export function termsOf(text: string): Term[] {
  const terms = new Map<string, Term>();
  for (const m of text.matchAll(TAG)) terms.set(`#${m[1].toLowerCase()}`, { key: `#${m[1].toLowerCase()}`, surface: `#${m[1]}`, kind: 'tag' });
  const withoutTags = text.replace(TAG, ' ');
  let previous: { stem: string; surface: string } | undefined;
  let first = true;
  for (const m of withoutTags.matchAll(WORD)) {
    const written = m[0].replace(/’/g, "'").replace(/^'+|'+$/g, '');
    // Keep names ("Marco") as written; a bullet's first word is capitalized anyway.
    const surface = !first && /^\p{Lu}\p{Ll}+$/u.test(written) ? written : written.toLowerCase();
    first = false;
    const lower = surface.toLowerCase();
    if (STOP_WORDS.has(lower) || lower.length < 3 || /^\d+$/.test(lower)) {
      previous = undefined;
      continue;
    }
    const s = stem(lower);
    if (!terms.has(s)) terms.set(s, { key: s, surface, kind: 'word' });
    if (previous) {
      const key = `${previous.stem} ${s}`;
      if (!terms.has(key)) terms.set(key, { key, surface: `${previous.surface} ${surface}`, kind: 'phrase' });
    }
    previous = { stem: s, surface };
  }
  return [...terms.values()];
}

/**
 * The recurring themes of each group among `entries`: terms found in at least `minEntries`
 * distinct entries, entry tags included. A word is left out when a phrase containing it covers
 * the same entries (the phrase says more).
 */
export function findPatterns(entries: readonly IndexedEntry[], minEntries = MIN_ENTRIES): Pattern[] {
  type Acc = { term: Term; entries: Set<string>; surfaces: Map<string, number>; sources: PatternSource[] };
  const byGroup = new Map<GrowthGroup, Map<string, Acc>>();
  const ordered = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  for (const entry of ordered) {
    for (const item of entry.items) {
      // Goal progress names its goal every time; the Goals section reports it instead.
      if (item.group === 'goals') continue;
      let terms = byGroup.get(item.group);
      if (!terms) byGroup.set(item.group, (terms = new Map()));
      for (const term of termsOf(item.text)) {
        let acc = terms.get(term.key);
        if (!acc) terms.set(term.key, (acc = { term, entries: new Set(), surfaces: new Map(), sources: [] }));
        acc.surfaces.set(term.surface, (acc.surfaces.get(term.surface) ?? 0) + 1);
        acc.entries.add(entry.path);
        if (!acc.sources.some((s) => s.path === entry.path && s.line === item.line)) {
          acc.sources.push({ path: entry.path, date: entry.date, text: item.text, line: item.line });
        }
      }
    }
  }
  const patterns: Pattern[] = [];
  for (const [group, terms] of byGroup) {
    const frequent = [...terms.values()].filter((a) => a.entries.size >= minEntries);
    const phrases = frequent.filter((a) => a.term.kind === 'phrase');
    const kept = frequent.filter(
      (a) => a.term.kind !== 'word' || !phrases.some((p) => p.term.key.split(' ').includes(a.term.key) && p.entries.size === a.entries.size),
    );
    const label = (a: Acc): string => [...a.surfaces].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
    kept.sort((a, b) => b.entries.size - a.entries.size || label(a).localeCompare(label(b)));
    for (const a of kept.slice(0, MAX_PER_GROUP)) {
      patterns.push({ group, label: label(a), kind: a.term.kind, entries: a.entries.size, sources: a.sources });
    }
  }
  const order: GrowthGroup[] = ['wins', 'setbacks', 'feedback', 'lessons', 'energizers', 'drains', 'changes', 'goals'];
  return patterns.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || b.entries - a.entries || a.label.localeCompare(b.label));
}
