// Preparing a 1:1: one Markdown document with what happened since the last one, for that person.
// It is a draft to edit, kept in <journal>/one-on-ones/YYYY-MM-DD-<person>.md; what was asked
// for and not ticked there comes back in the next one ("Carried from last time").
import * as path from 'node:path';
import { GrowthGroup } from '../../shared/noteKinds';
import { Goal } from '../growth/goals';
import { inPeriod, Period } from '../growth/growthView';
import { renderFrontMatter, parseMarkdown } from '../journal/frontMatter';
import { IndexedEntry } from '../journal/journalIndex';
import { listItems, normalizeHeading, splitSections } from '../journal/sections';
import { splitFeedback } from '../review/feedbackThemes';
import { goalEvidence } from '../review/goalEvidence';
import { shortDate } from '../toolkit/localDates';
import { FeedbackAnswer, isAnswerText } from './feedbackAnswers';
import { FeedbackRequest, followUpStates, isRequestText } from './feedbackRequests';
import { canonicalPerson, MAX_LINE, NO_PEOPLE, PeopleList, personSlug, samePerson } from './peopleNames';
import { PersonPromise, promiseOutcomes, ticksIn } from './promises';

export const ONE_ON_ONES_FOLDER = 'one-on-ones';
export const ONE_ON_ONE_TAG = '1on1';

/** A line written for the next 1:1, in a "For my 1:1" section of an entry. */
export interface OneOnOneNote {
  text: string;
  date: string;
  path: string;
  line: number;
}

export interface OneOnOneInput {
  /** Whom the 1:1 is with, any spelling: the alias list names them. */
  person: string;
  /** The first day to look at (usually the last 1:1's), `YYYY-MM-DD`, inclusive. */
  since: string;
  today: string;
  entries: readonly IndexedEntry[];
  requests: readonly FeedbackRequest[];
  answers: readonly FeedbackAnswer[];
  promises: readonly PersonPromise[];
  goals: readonly Goal[];
  /** The notes of "For my 1:1" sections (`oneOnOneNotesIn`); items tagged #1on1 are found in `entries`. */
  notes?: readonly OneOnOneNote[];
  /** The text of the last 1:1 document with this person. */
  previous?: string;
  people?: PeopleList;
}

/** `<journal>/one-on-ones/YYYY-MM-DD-<person-slug>.md`, the person named as the alias list names them. */
export function oneOnOnePath(journal: string, person: string, date: string, people: PeopleList = NO_PEOPLE): string {
  return path.join(journal, ONE_ON_ONES_FOLDER, `${date}-${personSlug(canonicalPerson(person, people))}.md`);
}

/** The newest 1:1 document with `person` dated before `before`, from the names in one-on-ones/. */
export function latestOneOnOne(fileNames: readonly string[], person: string, before: string, people: PeopleList = NO_PEOPLE): { name: string; date: string } | undefined {
  const suffix = `-${personSlug(canonicalPerson(person, people))}.md`;
  let best: { name: string; date: string } | undefined;
  for (const name of fileNames) {
    const date = name.slice(0, 10);
    if (!name.endsWith(suffix) || name.length !== 10 + suffix.length || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date >= before) continue;
    if (!best || date > best.date) best = { name, date };
  }
  return best;
}

const FOR_MY_ONE_ON_ONE = new Set(['for my 1 1', 'for my 1on1', 'for my one on one', 'for my next 1 1', 'for my 1 1s']);

/** The items of an entry's "For my 1:1" section. */
export function oneOnOneNotesIn(entryText: string, date: string, entryPath: string): OneOnOneNote[] {
  const { body, bodyLine } = parseMarkdown(entryText);
  const notes: OneOnOneNote[] = [];
  for (const section of splitSections(body, bodyLine)) {
    if (!FOR_MY_ONE_ON_ONE.has(normalizeHeading(section.heading))) continue;
    for (const item of listItems(section)) notes.push({ text: item.text, date, path: entryPath, line: section.line + 1 + item.index });
  }
  return notes;
}

/** The sections of a 1:1 whose unticked items come back in the next one. */
const CARRIED_SECTIONS = new Set(['asks', 'to discuss', 'carried from last time']);

/** The unticked items of a 1:1 document's Asks, To discuss and Carried from last time, each once. */
export function carriedFrom(previous: string): string[] {
  const { body } = parseMarkdown(previous);
  const carried: string[] = [];
  const seen = new Set<string>();
  for (const section of splitSections(body)) {
    if (!CARRIED_SECTIONS.has(normalizeHeading(section.heading))) continue;
    for (const item of listItems(section)) {
      const key = item.text.toLowerCase().replace(/\s+/g, ' ');
      if (item.checked === true || seen.has(key)) continue;
      seen.add(key);
      carried.push(item.text);
    }
  }
  return carried;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const TAG = new RegExp(String.raw`(?:^|\s)#${ONE_ON_ONE_TAG}(?![\p{L}\p{N}_/-])`, 'giu');

interface Dated {
  date: string;
  path: string;
  line: number;
  text: string;
}

const list = (lines: readonly string[], none: string): string[] => (lines.length ? [...lines] : [none]);
const byDate = <T extends Dated>(items: T[]): T[] => items.sort((a, b) => compare(a.date, b.date) || compare(a.path, b.path) || a.line - b.line);

/** The 1:1 document, front matter and all. */
export function prepareOneOnOne(input: OneOnOneInput): string {
  const people = input.people ?? NO_PEOPLE;
  const person = canonicalPerson(input.person, people);
  const period: Period = { from: input.since, to: input.today };
  const entries = input.entries.filter((e) => inPeriod(e.date, period));
  const since = shortDate(input.since);
  const itemsOf = (group: GrowthGroup): Dated[] =>
    byDate(entries.flatMap((e) => e.items.filter((i) => i.group === group).map((i) => ({ date: e.date, path: e.path, line: i.line, text: i.text }))));
  const dated = (d: Dated): string => `- ${d.text} · ${shortDate(d.date)}`;

  const sections: [string, string[]][] = [
    [`Wins since ${since}`, list(itemsOf('wins').map(dated), `Nothing written since ${since}.`)],
    ['Setbacks and blockers', list(itemsOf('setbacks').map(dated), 'None written.')],
    ['Feedback received', list(feedbackReceived(input, entries, period, people), 'None recorded.')],
    ['Feedback I asked for', list(feedbackAsked(input, period, people), 'No requests.')],
    [`Promises to ${person}`, list(promisesTo(person, input, period, people), `No promises to ${person} with a day.`)],
    ['Goals that moved', list(goalsMoved(input, period), 'No goal came up.')],
    ['Energy', [energyLine(entries)]],
    ['For my 1:1', list(forMyOneOnOne(input, entries, period).map(dated), 'Nothing noted.')],
    ['Carried from last time', list((input.previous ? carriedFrom(input.previous) : []).map((t) => `- [ ] ${t}`), 'Nothing carried.')],
    ['Asks', ['- [ ] ']],
  ];
  const front = renderFrontMatter({ type: 'one-on-one', with: person, date: input.today, since: input.since });
  const body = sections.map(([heading, lines]) => `## ${heading}\n\n${lines.join('\n')}\n`).join('\n');
  return `${front}\n# 1:1 with ${person} · ${input.today}\n\n${body}`;
}

/** Their words only: recorded answers as quoted, other feedback lines without the reaction they carry. */
function feedbackReceived(input: OneOnOneInput, entries: readonly IndexedEntry[], period: Period, people: PeopleList): string[] {
  const lines: (Dated & { said: string })[] = input.answers
    .filter((a) => inPeriod(a.date, period))
    .map((a) => ({ date: a.date, path: a.path ?? '', line: a.line, text: a.words, said: `${canonicalPerson(a.person, people)}: “${a.words}”` }));
  for (const e of entries) {
    for (const item of e.items) {
      if (item.group !== 'feedback' || isAnswerText(item.text) || isRequestText(item.text)) continue;
      lines.push({ date: e.date, path: e.path, line: item.line, text: item.text, said: splitFeedback(item.text).said });
    }
  }
  return byDate(lines).map((l) => `- ${l.said} · ${shortDate(l.date)}`);
}

/** Requests asked in the period, and older ones still open. */
function feedbackAsked(input: OneOnOneInput, period: Period, people: PeopleList): string[] {
  const states = followUpStates(input.requests, input.answers, input.today, people).filter(
    (s) => inPeriod(s.request.date, period) || (s.state !== 'answered' && s.request.date < (period.from ?? '')),
  );
  states.sort((a, b) => compare(a.request.date, b.request.date) || compare(a.request.path ?? '', b.request.path ?? '') || a.request.line - b.request.line);
  return states.map(({ request: r, state, answer }) => {
    const question = r.question ? `: “${r.question}”` : '';
    const status =
      state === 'answered' ? (answer ? `answered ${shortDate(answer.date)}` : 'answered') : state === 'due' ? `follow up was due ${shortDate(r.followUp)}` : `follow up ${shortDate(r.followUp)}`;
    return `- [${state === 'answered' ? 'x' : ' '}] ${canonicalPerson(r.person, people)}, about ${r.topic}${question} · asked ${shortDate(r.date)}, ${status}`;
  });
}

/** Promises to the person made in the period, and older ones not yet kept. */
function promisesTo(person: string, input: OneOnOneInput, period: Period, people: PeopleList): string[] {
  // Ticks count from any entry up to today: a promise made before the period may be kept inside it.
  const ticks = ticksIn(input.entries.filter((e) => e.date <= input.today));
  const mine = input.promises.filter((p) => p.people.some((who) => samePerson(who, person, people)));
  // Made in the period, or made before it and kept in it or not yet kept.
  const outcomes = promiseOutcomes(mine, ticks).filter((o) => inPeriod(o.promise.date, period) || (o.promise.date < (period.from ?? '') && (!o.kept || inPeriod(o.kept, period))));
  return outcomes.map(({ promise: p, kept, onTime }) => {
    const status = kept ? `kept ${shortDate(kept)}${onTime ? ', on time' : ', late'}` : p.due < input.today ? 'open, overdue' : 'open';
    return `- [${kept ? 'x' : ' '}] ${p.text} · due ${shortDate(p.due)}, ${status}`;
  });
}

/**
 * Goals with progress written under "Progress on my goals" in the period: the latest such line, and
 * how many. Lines elsewhere that share a goal's words are left to the review: in a 1:1 a goal that
 * "moved" is one the user said moved.
 */
function goalsMoved(input: OneOnOneInput, period: Period): string[] {
  return goalEvidence(input.goals, input.entries, period).flatMap((g) => {
    const progress = g.lines.filter((l) => l.group === 'goals');
    const last = progress[progress.length - 1];
    if (!last) return [];
    const more = progress.length > 1 ? ` (${progress.length} lines)` : '';
    return [`- ${g.goal.title}: ${last.text} · ${shortDate(last.date)}${more}`];
  });
}

/** Items tagged #1on1 (the tag left out) and notes of "For my 1:1" sections, in the period. */
function forMyOneOnOne(input: OneOnOneInput, entries: readonly IndexedEntry[], period: Period): Dated[] {
  const found: Dated[] = (input.notes ?? []).filter((n) => inPeriod(n.date, period)).map((n) => ({ ...n }));
  for (const e of entries) {
    for (const item of e.items) {
      const text = item.text.length > MAX_LINE ? item.text.slice(0, MAX_LINE) : item.text;
      const untagged = text.replace(TAG, ' ');
      if (untagged !== text) found.push({ date: e.date, path: e.path, line: item.line, text: untagged.replace(/\s+/g, ' ').trim() });
    }
  }
  return byDate(found);
}

/** Average energy over the period, and its trend: the second half of the entries against the first. */
export function energyLine(entries: readonly Pick<IndexedEntry, 'date' | 'path' | 'energy'>[]): string {
  const rated = entries.filter((e) => e.energy !== undefined).sort((a, b) => compare(a.date, b.date) || compare(a.path, b.path));
  if (rated.length === 0) return 'No energy recorded.';
  const mean = (xs: readonly (typeof rated)[number][]): number => xs.reduce((sum, e) => sum + (e.energy ?? 0), 0) / xs.length;
  const fixed = (n: number): string => n.toFixed(1);
  const average = `${fixed(mean(rated))} on average over ${rated.length} ${rated.length === 1 ? 'entry' : 'entries'}`;
  if (rated.length < 4) return `${average}; too few for a trend.`;
  const half = Math.floor(rated.length / 2);
  const [first, second] = [mean(rated.slice(0, half)), mean(rated.slice(rated.length - half))];
  // Half a point on a five-point scale is a change a person feels; less is noise.
  const trend = second - first >= 0.5 ? 'rising' : first - second >= 0.5 ? 'falling' : 'steady';
  return `${average}; ${trend} (${fixed(first)} in the first half, ${fixed(second)} in the second).`;
}
