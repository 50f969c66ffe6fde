// The people part of Growth Notes, shaped for the tree: the feedback asked for (open, then
// answered), the promises not yet kept (soonest due first), and each person with the feedback from
// them, the requests to them, the promises to them, the help given to them and the last day an
// entry named them. The words and the order are decided here; the tree only draws them.
//
// A period narrows what is shown to what was written in it, but a request or a promise still open
// is shown whenever it was written: it is still something to do.
import { plural } from '../../shared/text';
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/indexShape';
import { splitFeedback } from '../review/feedbackThemes';
import { shortDate } from '../toolkit/localDates';
import { FeedbackAnswer, isAnswerText } from './feedbackAnswers';
import { FeedbackRequest, followUpStates, isRequestText, RequestStatus } from './feedbackRequests';
import { canonicalPerson, NO_PEOPLE, PeopleList, peopleIn, withNames } from './peopleNames';
import { PromiseOutcome, promiseOutcomes, promisesIn, ticksIn } from './promises';

export type RowKind = 'feedback' | 'asked' | 'promise' | 'helped';
/** `open`: a request waiting or a promise not yet due; `due`: a follow-up whose day has come, or a promise past its day; `done`: answered or kept. */
export type RowState = 'open' | 'due' | 'done' | 'none';

/** One line of the journal as the tree shows it; a click opens `path` at `line`. */
export interface PeopleRow {
  kind: RowKind;
  state: RowState;
  label: string;
  description: string;
  tooltip: string;
  /** The day of the entry it was written in. */
  date: string;
  /** Journal-relative path of that entry. */
  path: string;
  /** 0-based line in it. */
  line: number;
}

export interface PersonView {
  /** As the journal names them (people.md's name when it lists them). */
  name: string;
  /** The latest day an entry named them; undefined when none does. */
  lastSeen?: string;
  /** Feedback from them, requests to them, promises to them, help given to them: in that order. */
  rows: PeopleRow[];
  description: string;
  tooltip: string;
}

export interface PeopleView {
  /** Open requests (soonest follow-up first), then answered ones (newest first). */
  asked: PeopleRow[];
  askedCounts: { due: number; waiting: number; answered: number };
  /** Promises not yet kept, soonest due first. */
  promises: PeopleRow[];
  overdue: number;
  /** Most recently seen first. */
  people: PersonView[];
}

export interface PeopleViewInput {
  /** The journal day, `YYYY-MM-DD`: what is due is due by it. */
  today: string;
  entries: readonly IndexedEntry[];
  requests: readonly FeedbackRequest[];
  answers: readonly FeedbackAnswer[];
  people?: PeopleList;
  period?: Period;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (name: string): string => name.toLowerCase();
const newestFirst = (a: PeopleRow, b: PeopleRow): number => compare(b.date, a.date) || compare(a.path, b.path) || a.line - b.line;
/** Said of a person ("my manager", "our PM"): not a name to list. */
const NOT_A_NAME = /^(?:my|our)\b/i;

interface RequestSort {
  row: PeopleRow;
  status: RequestStatus;
}

/** Open first, the soonest follow-up first; then answered, newest first. */
function byRequestOrder(a: RequestSort, b: RequestSort): number {
  const open = (s: RequestStatus): number => (s.state === 'answered' ? 1 : 0);
  if (open(a.status) !== open(b.status)) return open(a.status) - open(b.status);
  if (a.status.state !== 'answered') return compare(a.status.request.followUp, b.status.request.followUp) || newestFirst(b.row, a.row);
  return newestFirst(a.row, b.row);
}

function requestRow(status: RequestStatus, person: string, withPerson: boolean): PeopleRow {
  const { request: r, state, answer } = status;
  const question = r.question ? `: “${r.question}”` : '';
  const description =
    state === 'answered'
      ? answer
        ? `answered ${shortDate(answer.date)}`
        : 'answered'
      : state === 'due'
        ? `follow-up due · asked ${shortDate(r.date)}`
        : `asked ${shortDate(r.date)} · follow up ${shortDate(r.followUp)}`;
  const how = state === 'answered' ? (answer ? `Answered ${shortDate(answer.date)}: “${answer.words}”` : 'Answered (ticked).') : state === 'due' ? `Follow-up due since ${shortDate(r.followUp)}.` : `Follow up ${shortDate(r.followUp)}.`;
  return {
    kind: 'asked',
    state: state === 'answered' ? 'done' : state === 'due' ? 'due' : 'open',
    label: withPerson ? `${person} about ${r.topic}` : `Asked about ${r.topic}`,
    description,
    tooltip: `Asked ${person} about ${r.topic}${question} on ${shortDate(r.date)}. ${how}`,
    date: r.date,
    path: r.path ?? '',
    line: r.line,
  };
}

function promiseRow(outcome: PromiseOutcome, today: string, withKind: boolean): PeopleRow {
  const { promise: p, kept, onTime } = outcome;
  const overdue = !kept && p.due < today;
  const status = kept ? `kept ${shortDate(kept)}${onTime ? '' : ', late'}` : p.due === today ? 'due today' : overdue ? `overdue · due ${shortDate(p.due)}` : `due ${shortDate(p.due)}`;
  return {
    kind: 'promise',
    state: kept ? 'done' : overdue ? 'due' : 'open',
    label: p.text,
    description: withKind ? `promise · ${status}` : status,
    tooltip: `Promised to ${p.people.join(', ')} on ${shortDate(p.date)}, due ${shortDate(p.due)} ("${p.dueWords}"). ${kept ? `Kept ${shortDate(kept)}${onTime ? ', on time' : ', late'}.` : overdue ? 'Not yet kept, and its day has passed.' : 'Not yet kept.'}`,
    date: p.date,
    path: p.path,
    line: p.line,
  };
}

interface Person {
  name: string;
  feedback: PeopleRow[];
  asked: RequestSort[];
  promises: PeopleRow[];
  helped: PeopleRow[];
  lastSeen?: string;
}

/** What the tree shows of feedback asked for, promises and people. */
export function peopleView(input: PeopleViewInput): PeopleView {
  const { today, entries, period } = input;
  const listed = input.people ?? NO_PEOPLE;
  const shown = (date: string): boolean => inPeriod(date, period);
  const before = (date: string): boolean => period?.from !== undefined && date < period.from;

  // Speakers of feedback lines ("From Ana: …") are people too, so later lines find them by name.
  const speakers: { from: string; said: string; date: string; path: string; line: number }[] = [];
  for (const entry of entries) {
    for (const item of entry.items) {
      if (item.group !== 'feedback' || isAnswerText(item.text) || isRequestText(item.text)) continue;
      const { from, said } = splitFeedback(item.text);
      if (from && !NOT_A_NAME.test(from)) speakers.push({ from, said, date: entry.date, path: entry.path, line: item.line });
    }
  }
  const people = withNames(listed, speakers.map((s) => s.from));

  const persons = new Map<string, Person>();
  const personOf = (raw: string): Person => {
    const name = canonicalPerson(raw, people);
    let p = persons.get(key(name));
    if (!p) persons.set(key(name), (p = { name, feedback: [], asked: [], promises: [], helped: [] }));
    return p;
  };
  for (const p of listed.people) if (p.line >= 0) personOf(p.name);

  // Feedback from them: recorded answers (their words only), and other feedback lines that name who said them.
  for (const a of input.answers) {
    if (!shown(a.date)) continue;
    const topic = a.topic ? ` on ${a.topic}` : '';
    personOf(a.person).feedback.push({ kind: 'feedback', state: 'none', label: `“${a.words}”`, description: `feedback · ${shortDate(a.date)}`,
      tooltip: `${canonicalPerson(a.person, people)}'s feedback${topic}, ${shortDate(a.date)}: “${a.words}”`, date: a.date, path: a.path ?? '', line: a.line });
  }
  for (const s of speakers) {
    if (!shown(s.date)) continue;
    personOf(s.from).feedback.push({ kind: 'feedback', state: 'none', label: s.said, description: `feedback · ${shortDate(s.date)}`,
      tooltip: `From ${canonicalPerson(s.from, people)}, ${shortDate(s.date)}: ${s.said}`, date: s.date, path: s.path, line: s.line });
  }

  // Requests: asked in the period, or asked before it and still open.
  const asked: RequestSort[] = [];
  const counts = { due: 0, waiting: 0, answered: 0 };
  for (const status of followUpStates(input.requests, input.answers, today, people)) {
    const r = status.request;
    if (!shown(r.date) && !(status.state !== 'answered' && before(r.date))) continue;
    const person = canonicalPerson(r.person, people);
    asked.push({ row: requestRow(status, person, true), status });
    personOf(person).asked.push({ row: requestRow(status, person, false), status });
    counts[status.state]++;
  }
  asked.sort(byRequestOrder);

  // Promises: open ones whenever made; kept ones under their person when made in the period.
  const ticks = ticksIn(entries.filter((e) => e.date <= today));
  const outcomes = promiseOutcomes(promisesIn(entries, people), ticks).filter((o) => shown(o.promise.date) || (!o.kept && before(o.promise.date)));
  // Open before kept; among open ones the soonest due first; kept ones newest first.
  outcomes.sort((a, b) => (a.kept ? 1 : 0) - (b.kept ? 1 : 0) || (a.kept ? compare(b.kept ?? '', a.kept) : compare(a.promise.due, b.promise.due)) || compare(a.promise.date, b.promise.date) || a.promise.line - b.promise.line);
  const open = outcomes.filter((o) => !o.kept).map((o) => promiseRow(o, today, false));
  for (const o of outcomes) for (const who of o.promise.people) personOf(who).promises.push(promiseRow(o, today, true));

  // Help given: Helped lines that name someone.
  for (const entry of entries) {
    if (!shown(entry.date)) continue;
    for (const item of entry.items) {
      if (item.group !== 'helping') continue;
      for (const who of peopleIn(item.text, people)) {
        personOf(who).helped.push({ kind: 'helped', state: 'none', label: item.text, description: `helped · ${shortDate(entry.date)}`,
          tooltip: `Helped ${who}, ${shortDate(entry.date)}: ${item.text}`, date: entry.date, path: entry.path, line: item.line });
      }
    }
  }

  lastSeen(persons, entries, people);
  return {
    asked: asked.map((a) => a.row),
    askedCounts: counts,
    promises: open,
    overdue: open.filter((r) => r.state === 'due').length,
    people: [...persons.values()].map(personView).sort((a, b) => compare(b.lastSeen ?? '', a.lastSeen ?? '') || a.name.localeCompare(b.name)),
  };
}

/** Each person's last day: the newest entry with a line naming them (newest entries first, stopping once all are found). */
function lastSeen(persons: Map<string, Person>, entries: readonly IndexedEntry[], people: PeopleList): void {
  const rowsOf = (p: Person): PeopleRow[] => [...p.feedback, ...p.asked.map((a) => a.row), ...p.promises, ...p.helped];
  for (const p of persons.values()) for (const r of rowsOf(p)) if (!p.lastSeen || r.date > p.lastSeen) p.lastSeen = r.date;
  const withNamesOfAll = withNames(people, [...persons.values()].map((p) => p.name));
  const missing = new Set([...persons.values()].map((p) => key(p.name)));
  const sorted = [...entries].sort((a, b) => compare(b.date, a.date));
  for (const entry of sorted) {
    if (missing.size === 0) break;
    for (const item of entry.items) {
      for (const who of peopleIn(item.text, withNamesOfAll)) {
        const p = persons.get(key(who));
        if (!p || !missing.has(key(who))) continue;
        missing.delete(key(who));
        if (!p.lastSeen || entry.date > p.lastSeen) p.lastSeen = entry.date;
      }
    }
  }
}

function personView(p: Person): PersonView {
  const rows = [...p.feedback.sort(newestFirst), ...p.asked.sort(byRequestOrder).map((a) => a.row), ...p.promises, ...p.helped.sort(newestFirst)];
  const open = rows.filter((r) => r.state === 'open' || r.state === 'due').length;
  const seen = p.lastSeen ? `last seen ${shortDate(p.lastSeen)}` : 'not in an entry yet';
  const parts = [
    p.feedback.length ? plural(p.feedback.length, 'piece of feedback', 'pieces of feedback') : '',
    p.asked.length ? plural(p.asked.length, 'request') : '',
    p.promises.length ? plural(p.promises.length, 'promise') : '',
    p.helped.length ? `helped ${plural(p.helped.length, 'time')}` : '',
  ].filter(Boolean);
  return {
    name: p.name,
    ...(p.lastSeen ? { lastSeen: p.lastSeen } : {}),
    rows,
    description: `${seen}${open ? ` · ${open} open` : ''}`,
    tooltip: `${p.name}: ${parts.length ? parts.join(', ') : 'nothing written yet'}. ${p.lastSeen ? `Last seen ${shortDate(p.lastSeen)}.` : 'No entry names them yet.'}`,
  };
}
