// The wins of a period as a brag document: wins about the same piece of work become one story,
// named by an anchor (a work term the wins of several entries repeat, written first in the line),
// the steps of a project join it (bragProjects), and each story is backed by the feedback, goal
// progress and energizers that name the same work and the drains its wins ended, and ranked by its
// evidence: mentioned again, feedback that names it, numbers and outcomes, linked PRs or docs, a
// drain it fixed. Every story lists the lines it came from, and each reason it ranks where it does
// is a fact about those lines.
import { GrowthGroup } from '../../shared/noteKinds';
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { drainFinder, Facts, factsOf, isAboutJournal, isGeneric, lineStrength } from './bragFacts';
import { foldPhases, PhaseContext, tagNamer } from './bragProjects';
import { isContentWord, TermWeights, wordsOf } from './words';

export { isAboutJournal } from './bragFacts';

export interface StoryLine {
  date: string;
  path: string;
  line: number;
  text: string;
  group: GrowthGroup;
}

export interface BragStory {
  /** The line that says it best (the most specific, outcome- or number-bearing win), as written. */
  title: string;
  /** The wins it gathers, oldest first. */
  wins: StoryLine[];
  /** Other lines that back it (feedback that names it, goal progress, energizers, a drain its wins ended), oldest first. */
  support: StoryLine[];
  /** Why it ranks where it does, in words a user reads: "in 5 entries over 9 weeks", "feedback names it", "numbers: 480ms → 190ms", "links a PR", "fixes what drained you". */
  reasons: string[];
  score: number;
  /** First and last date of its lines. */
  from: string;
  to: string;
  /** The words its lines share most, as stems: what made them one story. */
  keywords: string[];
}

/** Groups whose lines can back a story; they never start one. */
const SUPPORT_GROUPS: ReadonlySet<GrowthGroup> = new Set<GrowthGroup>(['feedback', 'goals', 'energizers']);
const STORY_GROUPS: ReadonlySet<GrowthGroup> = new Set<GrowthGroup>(['wins', ...SUPPORT_GROUPS]);
/** A drain backs the story whose wins ended it. */
const DRAINS: ReadonlySet<GrowthGroup> = new Set<GrowthGroup>(['drains']);

const URL = /\bhttps?:\/\/\S+/g;
/** "p99", "inc-0931", "k8s", "v2": letters then digits, a name rather than a measure. */
const IDENTIFIER = /^[a-z][a-z-]*\d[a-z\d-]*$/;

/** The words of a line that can say which work it is about: content stems and identifiers, no outcome words. */
export function topicTerms(text: string): string[] {
  return termsOf(text).terms;
}

/** A capitalized word inside a sentence or an @handle: a person, a day, a month. */
const PROPER = /^\p{Lu}\p{Ll}+$/u;

interface Terms {
  /** Distinct terms, in the order they first appear. */
  terms: string[];
  /** Terms written as a name here ("Dana" inside a sentence, "@lee"). */
  proper: Set<string>;
  /** Terms written in lower case here: a common word somewhere, whatever its capital elsewhere. */
  common: Set<string>;
  /** Terms written next to each other ("shard rebalancer"), as runs in order: a noun and its modifiers. */
  runs: string[][];
}

function termsOf(text: string): Terms {
  const terms = new Set<string>();
  const proper = new Set<string>();
  const common = new Set<string>();
  const runs: string[][] = [];
  let afterNumber = false;
  let runEnd = -1;
  const clean = text.replace(URL, ' ');
  for (const w of wordsOf(clean)) {
    let i = w.index - 1;
    while (i >= 0 && clean[i] === ' ') i--;
    // After a sentence's end, a colon or a quote, a capital says nothing.
    const starts = i < 0 || '.!?:;(-—"“'.includes(clean[i]);
    const adjacent = i === runEnd - 1 && i >= 0;
    let term: string | undefined;
    if (/\d/.test(w.lower)) {
      if (IDENTIFIER.test(w.lower)) term = w.lower;
      afterNumber = term === undefined;
    } else {
      // "9 shards", "3 PRs": the word after a number counts something, it does not name the work.
      if (isContentWord(w) && !isGeneric(w.stem) && !afterNumber) term = w.stem;
      afterNumber = false;
      if (clean[w.index - 1] === '@' || (!starts && PROPER.test(w.surface))) proper.add(w.stem);
      else if (w.surface === w.lower) common.add(w.stem);
    }
    if (term === undefined) continue;
    terms.add(term);
    if (adjacent && runs.length) runs[runs.length - 1].push(term);
    else runs.push([term]);
    runEnd = w.index + w.surface.length;
  }
  return { terms: [...terms], proper, common, runs };
}

interface Line extends StoryLine, Terms {
  /** What it says about the outcome, read once: a before → after, a measure, an outcome word, a link. */
  facts: Facts;
}

interface Story {
  /** The work term that names it; none for a win that names no recurring work. */
  anchor?: string;
  wins: Line[];
  support: Line[];
}

/**
 * Names: terms written with a capital inside a sentence at least as often as in lower case.
 * A sentence's first word says nothing either way ("Dana approved…", "Rebalancer done").
 */
function peopleOf(lines: readonly Line[]): Set<string> {
  const asName = new Map<string, number>();
  const asWord = new Map<string, number>();
  for (const l of lines) {
    for (const t of l.proper) asName.set(t, (asName.get(t) ?? 0) + 1);
    for (const t of l.common) asWord.set(t, (asWord.get(t) ?? 0) + 1);
  }
  return new Set([...asName].filter(([t, n]) => n >= (asWord.get(t) ?? 0)).map(([t]) => t));
}

const bump = <K>(m: Map<K, number>, k: K): void => void m.set(k, (m.get(k) ?? 0) + 1);

/** The period's lines of these groups, oldest first; wins before support within an entry. */
function linesOf(entries: readonly IndexedEntry[], period: Period, groups: ReadonlySet<GrowthGroup>): Line[] {
  const lines: Line[] = [];
  for (const e of entries) {
    if (!inPeriod(e.date, period)) continue;
    for (const item of e.items) {
      if (!groups.has(item.group)) continue;
      if (item.group === 'wins' && isAboutJournal(item.text)) continue;
      lines.push({ date: e.date, path: e.path, line: item.line, text: item.text, group: item.group, ...termsOf(item.text), facts: factsOf(item.text) });
    }
  }
  const rank = (l: Line): number => (l.group === 'wins' ? 0 : 1);
  return lines.sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path) || rank(a) - rank(b) || a.line - b.line);
}

/**
 * Anchors: the work terms that can name a story. A term mentioned again, in the wins of two
 * entries or more, that is not a person (the same person turns up in many pieces of work).
 * Returns each anchor with the number of entries whose wins name it.
 */
function anchorsOf(lines: readonly Line[], people: ReadonlySet<string>): Map<string, number> {
  // Lines come entry by entry, so an entry is counted once by remembering the last one seen.
  const entries = new Map<string, number>();
  const lastPath = new Map<string, string>();
  for (const l of lines) {
    if (l.group !== 'wins') continue;
    for (const t of l.terms) {
      if (lastPath.get(t) === l.path) continue;
      lastPath.set(t, l.path);
      bump(entries, t);
    }
  }
  const anchors = new Map<string, number>();
  for (const [t, n] of entries) if (n >= 2 && !people.has(t)) anchors.set(t, n);
  return anchors;
}

/**
 * The work a line is about: its first anchor, the subject of a work line usually coming first
 * ("p99 at 260ms with the rebalancer running" is about p99). Of anchors written together ("the
 * shard rebalancer", "p99 latency") the one named in most entries is the work, the others qualify
 * it; on a tie the last, the noun the others qualify.
 */
function subjectOf(l: Line, entriesNaming: (t: string) => number): string | undefined {
  for (const run of l.runs) {
    let found: string | undefined;
    let most = 0;
    for (const t of run) {
      const n = entriesNaming(t);
      if (n > 0 && n >= most) {
        found = t;
        most = n;
      }
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Wins into stories: a win joins the story of its subject; a win with no anchor is a story of its
 * own. Then a story whose wins mostly (more than half) also name another story at least as large
 * is part of that one ("the design doc" of "the design"), and so is one whose wins name the other
 * in half of them while the other's name it in half of its own ("OPS-12", "the outage"),
 * smallest first so parts fold into their whole before the whole is compared with anything. Then
 * support is attached, and the phases of each project fold into it (foldPhases).
 */
function stories(lines: readonly Line[], anchors: ReadonlyMap<string, number>, context: Omit<PhaseContext<Story>, 'storyNamed'>): Story[] {
  const byAnchor = new Map<string, Story>();
  const all: Story[] = [];
  for (const l of lines) {
    if (l.group !== 'wins') continue;
    const anchor = subjectOf(l, (t) => anchors.get(t) ?? 0);
    let story = anchor === undefined ? undefined : byAnchor.get(anchor);
    if (!story) {
      all.push((story = { anchor, wins: [], support: [] }));
      if (anchor !== undefined) byAnchor.set(anchor, story);
    }
    story.wins.push(l);
  }
  const size = (s: Story): [number, number, string] => [s.wins.length, anchors.get(s.anchor ?? '') ?? 0, s.anchor ?? ''];
  const order = [...byAnchor.values()].sort((a, b) => {
    const [x, y] = [size(a), size(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
  });
  // How many of its own wins name each other story, before anything folds.
  const names = new Map<Story, Map<Story, number>>();
  for (const s of order) {
    const m = new Map<Story, number>();
    for (const w of s.wins) for (const o of new Set(w.terms.map((t) => byAnchor.get(t)))) if (o !== undefined && o !== s) bump(m, o);
    names.set(s, m);
  }
  const into = new Map<Story, Story>();
  const root = (s: Story): Story => (into.has(s) ? root(into.get(s) as Story) : s);
  for (const s of order) {
    const naming = new Map<Story, number>();
    for (const w of s.wins) {
      const named = new Set(w.terms.map((t) => byAnchor.get(t)).filter((x): x is Story => x !== undefined).map(root));
      for (const r of named) if (r !== s) bump(naming, r);
    }
    const namesBack = (r: Story): boolean => 2 * (names.get(r)?.get(s) ?? 0) >= r.wins.length;
    let best: Story | undefined;
    for (const [r, n] of naming) {
      if (2 * n < s.wins.length || r.wins.length < s.wins.length || (2 * n === s.wins.length && !namesBack(r))) continue;
      const m = best ? (naming.get(best) ?? 0) : 0;
      if (!best || n > m || (n === m && r.wins.length > best.wins.length)) best = r;
    }
    if (!best) continue;
    best.wins.push(...s.wins);
    s.wins = [];
    into.set(s, best);
  }
  const found = all.filter((s) => s.wins.length > 0);
  attachSupport(lines, anchors, found);
  const storyNamed = (t: string): Story | undefined => {
    const s = byAnchor.get(t);
    return s === undefined ? undefined : root(s);
  };
  return foldPhases(found, { ...context, storyNamed });
}

/**
 * Support (feedback, goal progress, energizers) backs the story that holds most of the wins naming
 * its subject ("the alias swap" backs the story whose wins say "alias swap"), a win in the same
 * entry counting one more; support that names no story's work is left out.
 */
function attachSupport(lines: readonly Line[], anchors: ReadonlyMap<string, number>, found: readonly Story[]): void {
  const tally = new Map<string, Map<Story, number>>();
  for (const s of found) {
    for (const w of s.wins) {
      for (const t of w.terms) {
        if (!anchors.has(t)) continue;
        const m = tally.get(t) ?? new Map<Story, number>();
        tally.set(t, m);
        bump(m, s);
      }
    }
  }
  // Feedback written the day of a launch is about the launch, however many other wins name the
  // detail it speaks of.
  const inEntry = new Map<string, Set<Story>>();
  for (const s of found) for (const w of s.wins) inEntry.set(w.path, (inEntry.get(w.path) ?? new Set<Story>()).add(s));
  for (const l of lines) {
    if (l.group === 'wins') continue;
    const subject = subjectOf(l, (t) => (tally.has(t) ? (anchors.get(t) ?? 0) : 0));
    if (subject === undefined) continue;
    const here = inEntry.get(l.path);
    let best: Story | undefined;
    let most = 0;
    for (const [s, n] of tally.get(subject) ?? []) {
      const m = n + (here?.has(s) ? 1 : 0);
      if (m > most) [best, most] = [s, m];
    }
    best?.support.push(l);
  }
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

function spanWords(from: string, to: string): string {
  const days = daysBetween(from, to);
  return days < 14 ? `${days + 1} days` : `${Math.round(days / 7)} weeks`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a: StoryLine, b: StoryLine): number => cmp(a.date, b.date) || cmp(a.path, b.path) || a.line - b.line;
const plain = (l: Line): StoryLine => ({ date: l.date, path: l.path, line: l.line, text: l.text, group: l.group });

function storyOf(c: Story, weights: TermWeights): BragStory {
  const wins = [...c.wins].sort(byDate);
  const support = [...c.support].sort(byDate);
  const all = [...wins, ...support].sort(byDate);
  // A drain says what was wrong before: its numbers and links are not the story's.
  const evidence = all.filter((l) => l.group !== 'drains');
  const entries = new Set(wins.map((w) => w.path)).size;
  const count = (g: GrowthGroup): number => support.filter((l) => l.group === g).length;
  const reasons: string[] = [];
  let score = 0;
  if (entries > 1) {
    reasons.push(`in ${entries} entries over ${spanWords(wins[0].date, wins[wins.length - 1].date)}`);
    score += 2 * Math.log2(entries) + 1;
  }
  const feedback = count('feedback');
  if (feedback) {
    reasons.push(feedback > 1 ? `feedback names it (${feedback}×)` : 'feedback names it');
    score += 3 + Math.min(feedback - 1, 2);
  }
  const goals = count('goals');
  if (goals) {
    reasons.push('goal progress names it');
    score += 1.5 + 0.5 * Math.min(goals - 1, 2);
  }
  const changes = evidence.map((l) => l.facts.change).filter((x): x is string => x !== undefined);
  if (changes.length) {
    reasons.push(`numbers: ${changes[changes.length - 1]}`);
    score += 2.5;
  } else if (wins.some((w) => w.facts.measure)) {
    reasons.push('numbers');
    score += 1;
  }
  const outcome = wins.find((w) => w.facts.outcome !== undefined)?.facts.outcome;
  if (outcome) {
    reasons.push(`outcome: ${outcome}`);
    score += 1;
  }
  if (evidence.some((l) => l.facts.pr)) {
    reasons.push('links a PR');
    score += 1;
  } else if (evidence.some((l) => l.facts.doc)) {
    reasons.push('links a doc');
    score += 0.5;
  }
  if (count('drains')) {
    reasons.push('fixes what drained you');
    score += 2;
  }
  const energizers = count('energizers');
  if (energizers) {
    reasons.push('it energized you');
    score += 0.5;
  }
  // The strongest line that names its work (a project by its name, not by one of its phases);
  // among equals the latest, which usually says how it ended.
  const naming = wins.some((w) => w.terms.includes(c.anchor ?? ''));
  const strength = wins.map((w) => (naming && !w.terms.includes(c.anchor ?? '') ? -1 : lineStrength(w.facts, w.terms, weights)));
  const title = wins[strength.reduce((best, x, i) => (x >= strength[best] ? i : best), 0)];
  return {
    title: title.text,
    wins: wins.map(plain),
    support: support.map(plain),
    reasons,
    score: Math.round(score * 100) / 100,
    from: all[0].date,
    to: all[all.length - 1].date,
    keywords: keywordsOf(c, weights),
  };
}

/** Its anchor, then the terms most of its wins share, the rarest first among equals. */
function keywordsOf(c: Story, weights: TermWeights): string[] {
  const counts = new Map<string, number>();
  for (const w of c.wins) for (const t of w.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || weights.weight(b[0]) - weights.weight(a[0]) || a[0].localeCompare(b[0])).map(([t]) => t);
  return [...new Set([...(c.anchor === undefined ? [] : [c.anchor]), ...ranked])].slice(0, 3);
}

/**
 * The wins of the period as stories, best first. Every win of the period is in exactly one story,
 * except lines about the journal itself. Only lines inside the period count, as evidence too: the
 * review of a quarter speaks of that quarter, and every reason can be checked in its entries.
 */
export function bragStories(entries: readonly IndexedEntry[], period: Period): BragStory[] {
  const lines = linesOf(entries, period, STORY_GROUPS);
  const weights = new TermWeights(lines.map((l) => l.terms));
  const people = peopleOf(lines);
  const tags = entries.filter((e) => inPeriod(e.date, period)).flatMap((e) => e.tags);
  const found = stories(lines, anchorsOf(lines, people), { people, isTag: tagNamer(tags) });
  const drainEnded = drainFinder(linesOf(entries, period, DRAINS), people);
  for (const s of found) {
    const drain = drainEnded([...s.wins].sort(byDate));
    if (drain) s.support.push(drain);
  }
  return found
    .map((c) => storyOf(c, weights))
    .sort((a, b) => b.score - a.score || b.wins.length - a.wins.length || a.from.localeCompare(b.from) || a.title.localeCompare(b.title));
}
