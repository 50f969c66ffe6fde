// Asking for feedback, and asking again. A request is one task line in the entry of the day it was
// asked, with the person, the topic, the question (optional) and the day to follow up:
//
//   - [ ] Asked @priya about the design doc: “Did the risks section make sense?” (follow up 2026-12-08)
//
// Ticking it says it was answered. So does recorded feedback (feedbackAnswers) from the same person
// about the same topic, written after it: an answer closes the newest open request it matches.
import { addDays, parseIsoDate, toIsoDate } from '../toolkit/localDates';
import { contentStems } from '../review/words';
import { entryLines, oneLine } from './entryLines';
import { FeedbackAnswer } from './feedbackAnswers';
import { canonicalPerson, MAX_LINE, NO_PEOPLE, PeopleList } from './peopleNames';

export interface RequestInput {
  /** As it should be written: "@priya" or "Priya Kumar". */
  person: string;
  topic: string;
  question?: string;
  /** `YYYY-MM-DD`. */
  followUp: string;
}

export interface FeedbackRequest extends RequestInput {
  /** The entry's date: the day it was asked. */
  date: string;
  /** 0-based line in the entry file. */
  line: number;
  /** Ticked. */
  answered: boolean;
  path?: string;
}

/** Monday to Friday, as `Date.getDay()` numbers them. */
export const WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];
/** A request's follow-up, when the user does not pick one: three workdays after it was asked. */
export const FOLLOW_UP_WORKDAYS = 3;
/** A request older than this many days is forgotten, not followed up or offered any more. */
export const REQUEST_WINDOW_DAYS = 90;

/** The first day whose requests still count on `today` (`YYYY-MM-DD`). */
export function requestWindowStart(today: string): string {
  return toIsoDate(addDays(parseIsoDate(today)!, -REQUEST_WINDOW_DAYS));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const TASK = /^\s{0,3}[-*+][ \t]+\[([ xX])\][ \t]+(.*)$/;
const ASKED = 'asked ';
const ABOUT = ' about ';
/** The end of a request line; matched on its last 40 characters only. */
const FOLLOW_UP = /\s*\(follow[ -]up:? (\d{4}-\d{2}-\d{2})\)\s*$/i;

/**
 * The one task line for a request. Quotes in the topic and " about " in the person are written
 * otherwise, so the line always reads back as what it says.
 */
export function formatRequest(input: RequestInput): string {
  const person = oneLine(input.person).replace(/ about /gi, ' ');
  const topic = oneLine(input.topic.replace(/["“”]/g, "'"));
  const question = input.question ? oneLine(input.question) : '';
  return `- [ ] Asked ${person} about ${topic}${question ? `: “${question}”` : ''} (follow up ${input.followUp})`;
}

/** A request's parts from a task's text (after "- [ ] "); undefined for any other text. */
function readRequest(text: string): RequestInput | undefined {
  if (text.slice(0, ASKED.length).toLowerCase() !== ASKED) return undefined;
  const tailAt = Math.max(0, text.length - 40);
  const tail = FOLLOW_UP.exec(text.slice(tailAt));
  if (!tail || !parseIsoDate(tail[1])) return undefined;
  const middle = text.slice(ASKED.length, tailAt + tail.index);
  const about = middle.toLowerCase().indexOf(ABOUT);
  if (about <= 0) return undefined;
  const person = middle.slice(0, about).trim();
  let topic = middle.slice(about + ABOUT.length);
  let question: string | undefined;
  const curly = topic.indexOf(': “');
  const plain = topic.indexOf(': "');
  const colon = curly < 0 ? plain : plain < 0 ? curly : Math.min(curly, plain);
  if (colon >= 0) {
    question = topic.slice(colon + 3);
    if (question.endsWith('”') || question.endsWith('"')) question = question.slice(0, -1);
    question = question.trim() || undefined;
    topic = topic.slice(0, colon);
  }
  topic = topic.trim();
  if (!person || !topic) return undefined;
  return { person, topic, ...(question ? { question } : {}), followUp: tail[1] };
}

/** Is this text (a list item's, without its bullet and box) a request for feedback? */
export function isRequestText(text: string): boolean {
  return readRequest((text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text).trim()) !== undefined;
}

/** The requests in an entry, in line order. */
export function parseRequests(entryText: string, entryDate: string, path?: string): FeedbackRequest[] {
  const requests: FeedbackRequest[] = [];
  for (const { text, line } of entryLines(entryText)) {
    const task = TASK.exec(text);
    const request = task && readRequest(task[2].trim());
    if (!task || !request) continue;
    requests.push({ ...request, date: entryDate, line, answered: task[1] !== ' ', ...(path !== undefined ? { path } : {}) });
  }
  return requests;
}

/**
 * `n` workdays after `date` (`YYYY-MM-DD`), counting only the days of `workdays` (0 Sunday … 6
 * Saturday): three workdays after a Thursday is the Tuesday. With no workdays every day counts.
 */
export function addWorkdays(date: string, n: number, workdays: readonly number[] = WORKDAYS): string {
  const start = parseIsoDate(date);
  if (!start) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const counted = new Set(workdays.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  let day = start;
  for (let left = Math.max(0, Math.floor(n)); left > 0; ) {
    day = addDays(day, 1);
    if (counted.size === 0 || counted.has(day.getDay())) left--;
  }
  return toIsoDate(day);
}

export type RequestState = 'answered' | 'due' | 'waiting';

export interface RequestStatus {
  request: FeedbackRequest;
  state: RequestState;
  /** The recorded feedback that closed it, if that is how it was answered. */
  answer?: FeedbackAnswer;
}

export interface DueFollowUp {
  request: FeedbackRequest;
  /** The person as the journal names them ("Priya", or the alias list's "Priya Kumar"). */
  person: string;
  /** What the user reads: "Ask Priya again about the design doc". */
  text: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Does the answer come after the request? Later day, or the same entry further down. */
function after(answer: FeedbackAnswer, request: FeedbackRequest): boolean {
  if (answer.date !== request.date) return answer.date > request.date;
  return answer.path === undefined || request.path === undefined || answer.path !== request.path || answer.line > request.line;
}

/**
 * Every request with its state: answered (ticked, or closed by recorded feedback), due (its date has
 * come) or waiting. Answers are taken in date order; each closes the newest open request, asked
 * before it, to the same person (aliases merged) about the same topic: a shared word that means
 * something (the answer's topic, else its words, against the request's topic).
 */
export function followUpStates(requests: readonly FeedbackRequest[], answers: readonly FeedbackAnswer[], today: string, people: PeopleList = NO_PEOPLE): RequestStatus[] {
  const key = (person: string): string => canonicalPerson(person, people).toLowerCase();
  const closedBy = new Map<FeedbackRequest, FeedbackAnswer>();
  const topics = new Map(requests.map((r) => [r, new Set(contentStems(r.topic))]));
  const sortedAnswers = [...answers].sort((a, b) => compare(a.date, b.date) || compare(a.path ?? '', b.path ?? '') || a.line - b.line);
  for (const answer of sortedAnswers) {
    const who = key(answer.person);
    const about = contentStems(answer.topic ?? answer.words);
    let best: FeedbackRequest | undefined;
    for (const r of requests) {
      if (r.answered || closedBy.has(r) || key(r.person) !== who || !after(answer, r)) continue;
      const stems = topics.get(r)!;
      if (!about.some((s) => stems.has(s))) continue;
      if (!best || compare(r.date, best.date) > 0 || (r.date === best.date && r.line > best.line)) best = r;
    }
    if (best) closedBy.set(best, answer);
  }
  return requests.map((request): RequestStatus => {
    const answer = closedBy.get(request);
    if (request.answered || answer) return { request, state: 'answered', ...(answer ? { answer } : {}) };
    return { request, state: ISO.test(request.followUp) && request.followUp <= today ? 'due' : 'waiting' };
  });
}

/** The open requests whose follow-up day has come, oldest follow-up first, each as a line to read. */
export function dueFollowUps(requests: readonly FeedbackRequest[], answers: readonly FeedbackAnswer[], today: string, people: PeopleList = NO_PEOPLE): DueFollowUp[] {
  return followUpStates(requests, answers, today, people)
    .filter((s) => s.state === 'due')
    .map(({ request }) => {
      const person = canonicalPerson(request.person, people);
      return { request, person, text: `Ask ${person} again about ${request.topic}` };
    })
    .sort((a, b) => compare(a.request.followUp, b.request.followUp) || compare(a.request.date, b.request.date) || a.request.line - b.request.line);
}
