import { GrowthGroup } from '../../shared/noteKinds';
import { IndexedEntry } from '../journal/journalIndex';
import { runToEnd, Steps } from '../toolkit/async';
import { isContentWord, Word, wordsOf } from './words';

// Recurring themes, found locally and deterministically: a word or two-word phrase (stop words out,
// Snowball stems), a #tag, or one of a few themes engineers write in many words ("deep work",
// "focus", "heads-down"), that appears in at least `minEntries` entries within one group. Every
// pattern lists the lines it came from and the words in each that matched, so it can be checked by hand.

export interface PatternSource {
  path: string;
  date: string;
  text: string;
  line: number;
  /** The words of `text` that made it part of the pattern, as written ("meetings", "deep work"). */
  match: string;
}

export interface Pattern {
  group: GrowthGroup;
  /** What the user reads: the theme's name, or the most common way the words were written ("meetings", "#oncall"). */
  label: string;
  kind: 'theme' | 'tag' | 'phrase' | 'word';
  /** Distinct entries it appears in. */
  entries: number;
  /** Each line it appears in, oldest first. */
  sources: PatternSource[];
}

export const MIN_ENTRIES = 3;
const MAX_PER_GROUP = 8;

/**
 * Ways engineers write the same theme. Kept short and generic: a line joins a theme only through
 * one of these words (any form of it), and the pattern shows which word it was.
 */
const THEMES: { label: string; forms: string[] }[] = [
  { label: 'focus time', forms: ['focus', 'deep work', 'heads down', 'heads-down', 'flow state', 'uninterrupted', 'maker time', 'no meetings'] },
  { label: 'interruptions', forms: ['interruption', 'interrupted', 'pings', 'pinged', 'distraction', 'distracted', 'quick question'] },
  { label: 'context switching', forms: ['context switching', 'context switch', 'context-switching', 'juggling', 'multitasking'] },
  { label: 'meetings', forms: ['meeting', 'sync', 'syncs', 'back-to-back'] },
  { label: 'on-call pages', forms: ['paged', 'pages', 'pager', 'on-call', 'oncall'] },
  { label: 'waiting on others', forms: ['waiting', 'blocked', 'blocker', 'stuck'] },
  { label: 'reviews', forms: ['review', 'reviewing', 'code review'] },
  { label: 'mentoring', forms: ['mentoring', 'mentor', 'pairing', 'paired', 'teaching', 'onboarding'] },
  { label: 'shipping', forms: ['shipped', 'shipping', 'launched', 'released', 'deployed'] },
  { label: 'debugging and root-causing', forms: ['debugging', 'root cause', 'root-causing', 'flame graph', 'digging into', 'investigating'] },
];

type ThemeForm = { label: string; stems: string[] };
let themeForms: Map<string, ThemeForm[]> | undefined;

/**
 * Each theme form as the stems of its words (["deep", "work"]), by first stem, longest first
 * ("context switching" before "context switch"). Built on first use, not while the extension starts.
 */
function formsByFirstStem(): Map<string, ThemeForm[]> {
  if (themeForms) return themeForms;
  themeForms = new Map();
  for (const t of THEMES) {
    for (const f of t.forms) {
      const form = { label: t.label, stems: wordsOf(f).map((w) => w.stem) };
      themeForms.set(form.stems[0], [...(themeForms.get(form.stems[0]) ?? []), form].sort((a, b) => b.stems.length - a.stems.length));
    }
  }
  return themeForms;
}

interface Term {
  key: string;
  /** How the label would write it: lower case, except names. */
  surface: string;
  /** Exactly as written in the line. */
  written: string;
  kind: Pattern['kind'];
}

const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]+)/gu;

/** The themes a line's words name, each with the words as written. */
function themesOf(text: string, words: readonly Word[]): Term[] {
  const found = new Map<string, Term>();
  for (let i = 0; i < words.length; i++) {
    for (const form of formsByFirstStem().get(words[i].stem) ?? []) {
      if (form.stems.every((s, k) => words[i + k]?.stem === s)) {
        const last = words[i + form.stems.length - 1];
        const key = `theme:${form.label}`;
        const written = text.slice(words[i].index, last.index + last.surface.length);
        if (!found.has(key)) found.set(key, { key, surface: written.toLowerCase(), written, kind: 'theme' });
        break;
      }
    }
  }
  return [...found.values()];
}

/** The themes, #tags, words and two-word phrases of one line, each once. */
export function termsOf(text: string): Term[] {
  const terms = new Map<string, Term>();
  for (const m of text.matchAll(TAG)) terms.set(`#${m[1].toLowerCase()}`, { key: `#${m[1].toLowerCase()}`, surface: `#${m[1]}`, written: `#${m[1]}`, kind: 'tag' });
  // Tags blanked out with spaces of the same length, so word offsets still point into `text`.
  const untagged = text.replace(TAG, (m) => ' '.repeat(m.length));
  const words = wordsOf(untagged);
  for (const t of themesOf(text, words)) terms.set(t.key, t);
  let previous: { stem: string; surface: string; index: number } | undefined;
  words.forEach((w, i) => {
    if (!isContentWord(w)) {
      previous = undefined;
      return;
    }
    // Keep names ("Marco") as written; a line's first word is capitalized anyway.
    const surface = i > 0 && /^\p{Lu}\p{Ll}+$/u.test(w.surface) ? w.surface : w.lower;
    if (!terms.has(w.stem)) terms.set(w.stem, { key: w.stem, surface, written: text.slice(w.index, w.index + w.surface.length), kind: 'word' });
    if (previous) {
      const key = `${previous.stem} ${w.stem}`;
      const written = text.slice(previous.index, w.index + w.surface.length);
      if (!terms.has(key)) terms.set(key, { key, surface: `${previous.surface} ${surface}`, written, kind: 'phrase' });
    }
    previous = { stem: w.stem, surface, index: w.index };
  });
  return [...terms.values()];
}

/** The share of a term's lines that must also be a theme's for the term to merge into it. */
const MERGE_SHARE = 0.75;
/** Themes and tags say the most, then phrases, then single words. */
const RANK: Record<Pattern['kind'], number> = { theme: 3, tag: 3, phrase: 2, word: 1 };

/**
 * The recurring themes of each group among `entries`: terms found in at least `minEntries`
 * distinct entries, at most eight per group. A term is left out when one that says more covers it:
 * a word or phrase written mostly within a theme's lines, a word whose phrase covers the same entries.
 */
export function findPatterns(entries: readonly IndexedEntry[], minEntries = MIN_ENTRIES): Pattern[] {
  return runToEnd(patternSteps(entries, minEntries));
}

/** `findPatterns` one entry at a step, for a caller that must not hold the event loop (a yearly review). */
export function* patternSteps(entries: readonly IndexedEntry[], minEntries = MIN_ENTRIES): Steps<Pattern[]> {
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
        const last = acc.sources[acc.sources.length - 1];
        if (!last || last.path !== entry.path || last.line !== item.line) {
          acc.sources.push({ path: entry.path, date: entry.date, text: item.text, line: item.line, match: term.written });
        }
      }
    }
    yield;
  }
  const patterns: Pattern[] = [];
  const lineKey = (s: PatternSource): string => `${s.path}:${s.line}`;
  for (const [group, terms] of byGroup) {
    const frequent = [...terms.values()].filter((a) => a.entries.size >= minEntries);
    const themes = frequent.filter((a) => a.term.kind === 'theme');
    const themeLines = themes.map((t) => new Set(t.sources.map(lineKey)));
    /** A term written mostly in the same lines as a theme is that theme in other words ("focus mornings"). */
    const mostlyWithin = (theme: number, a: Acc): boolean => {
      let inside = 0;
      for (const s of a.sources) if (themeLines[theme].has(lineKey(s))) inside++;
      return inside >= MERGE_SHARE * a.sources.length;
    };
    const phrases = frequent.filter((a) => a.term.kind === 'phrase');
    const kept = frequent.filter((a) => {
      if (a.term.kind === 'theme' || a.term.kind === 'tag') return true;
      if (themes.some((_, t) => mostlyWithin(t, a))) return false;
      return a.term.kind !== 'word' || !phrases.some((p) => p.term.key.split(' ').includes(a.term.key) && p.entries.size === a.entries.size);
    });
    const label = (a: Acc): string => {
      if (a.term.kind === 'theme') return a.term.key.slice('theme:'.length);
      const written = [...a.surfaces].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
      // A name is lower-cased where it starts a line; written capitalized anywhere else, it is a name.
      return (written.find(([w]) => /\p{Lu}/u.test(w) && !w.startsWith('#')) ?? written[0])[0];
    };
    kept.sort((a, b) => b.entries.size - a.entries.size || RANK[b.term.kind] - RANK[a.term.kind] || label(a).localeCompare(label(b)));
    for (const a of kept.slice(0, MAX_PER_GROUP)) {
      patterns.push({ group, label: label(a), kind: a.term.kind, entries: a.entries.size, sources: a.sources });
    }
  }
  const order: GrowthGroup[] = ['wins', 'setbacks', 'feedback', 'lessons', 'energizers', 'drains', 'changes', 'goals'];
  return patterns.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || b.entries - a.entries || RANK[b.kind] - RANK[a.kind] || a.label.localeCompare(b.label));
}
