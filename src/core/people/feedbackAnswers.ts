// Feedback as it was given, recorded so that their words and my reaction stay visibly apart: the
// words are a bullet of their own, in quotes, after who said them; how I took it is a sub-bullet
// under it. The index reads top-level bullets only, so a reaction never reaches the feedback
// themes, and a reader sees at a glance which part is theirs.
//
//   - Priya's feedback on the design doc: “The risks section needs owners.”
//     - How I took it: Fair. I rushed that part.
//
// What I'll do about it is a commitment, written to the commitments section:
//
//   - [ ] Add owners to every risk (because of Priya's feedback on the design doc)
//
// "because of" on purpose: follow-through (core/review/commitmentFates) reads a commitment's action
// up to such a word, so a later line about the design doc or Priya does not count as doing it.
import { entryLines, oneLine } from './entryLines';
import { MAX_LINE } from './peopleNames';

export interface AnswerInput {
  /** Who said it, as it should be written ("Priya", "@priya"). */
  person: string;
  /** What it was about ("the design doc"), if the user says. */
  topic?: string;
  /** Their words. */
  words: string;
  /** How I took it. */
  reaction?: string;
  /** What I'll do: becomes a commitment. */
  action?: string;
}

export interface FormattedAnswer {
  /** The lines for the feedback section: the words, then the reaction as a sub-bullet. */
  lines: string[];
  /** The task line for the commitments section, when there is an action. */
  commitment?: string;
}

export interface FeedbackAnswer {
  /** As written, "@" included when written so: compare with `samePerson`. */
  person: string;
  topic?: string;
  words: string;
  reaction?: string;
  /** The entry's date. */
  date: string;
  /** 0-based line of the words in the entry file. */
  line: number;
  /** 0-based line of the reaction, when there is one. */
  reactionLine?: number;
  path?: string;
}

export const REACTION_LABEL = 'How I took it:';
const POSSESSIVE = "'s feedback";

/** Quotes in a topic would read as the start of the words: straightened to single quotes. */
const cleanTopic = (topic: string): string => oneLine(topic.replace(/["“”]/g, "'"));
/** A person is written before "'s feedback": no colon, no possessive of their own. */
const cleanPerson = (person: string): string => oneLine(person.replace(/:/g, ' ').replace(/['’]s$/, ''));

/** The head of an answer line up to its words: "Priya's feedback on the design doc". */
function head(person: string, topic: string | undefined): string {
  const t = topic ? cleanTopic(topic) : '';
  return `${cleanPerson(person)}${POSSESSIVE}${t ? ` on ${t}` : ''}`;
}

/** The lines to write for one piece of feedback, and the commitment for what I'll do about it. */
export function formatAnswer(input: AnswerInput): FormattedAnswer {
  const lines = [`- ${head(input.person, input.topic)}: “${oneLine(input.words)}”`];
  const reaction = input.reaction ? oneLine(input.reaction) : '';
  if (reaction) lines.push(`  - ${REACTION_LABEL} ${reaction}`);
  const action = input.action ? oneLine(input.action) : '';
  const result: FormattedAnswer = { lines };
  if (action) result.commitment = `- [ ] ${action} (because of ${head(input.person, input.topic)})`;
  return result;
}

const BULLET = /^ ?[-*+][ \t]+(.*)$/;
const SUB_BULLET = /^(?:\t|\s{2,})[-*+][ \t]+(.*)$/;
const INDENTED = /^(?:\t|\s{2,})\S/;

interface AnswerHead {
  person: string;
  topic?: string;
  /** The rest of the line after the head's colon. */
  rest: string;
}

/** "Priya's feedback on the design doc: …" read into its parts; undefined for any other text. */
function readHead(text: string): AnswerHead | undefined {
  const straight = text.replace(/’/g, "'");
  const at = straight.toLowerCase().indexOf(POSSESSIVE);
  if (at <= 0 || at > 100) return undefined;
  const after = at + POSSESSIVE.length;
  // The words start at the first ": “" (or ': "'): a topic is written without quotes, so a colon in it is its own.
  const curly = text.indexOf(': “', after);
  const plain = text.indexOf(': "', after);
  const colon = curly < 0 ? plain : plain < 0 ? curly : Math.min(curly, plain);
  if (colon < 0) return undefined;
  const between = text.slice(after, colon);
  let topic: string | undefined;
  if (between.trim() !== '') {
    if (!/^ on /i.test(between)) return undefined;
    topic = between.slice(4).trim() || undefined;
  }
  return { person: text.slice(0, at).trim(), ...(topic ? { topic } : {}), rest: text.slice(colon + 1).trim() };
}

/** Their words inside the quotes, straight or curly; undefined when the text does not open with one. */
function quoted(rest: string): string | undefined {
  const open = rest.charAt(0);
  if (open !== '“' && open !== '"') return undefined;
  let body = rest.slice(1);
  if (body.endsWith('”') || body.endsWith('"')) body = body.slice(0, -1);
  return body.trim() || undefined;
}

/** Is this text (a list item's, without its bullet) recorded feedback? */
export function isAnswerText(text: string): boolean {
  const h = readHead((text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text).trim());
  return h !== undefined && quoted(h.rest) !== undefined;
}

/**
 * The feedback recorded in an entry: who, about what, their words and, from the sub-bullet under
 * them, how I took it. Other sub-bullets are left alone; the words are only what is in the quotes.
 */
export function parseAnswers(entryText: string, entryDate: string, path?: string): FeedbackAnswer[] {
  const answers: FeedbackAnswer[] = [];
  let current: FeedbackAnswer | undefined;
  for (const { text, line } of entryLines(entryText)) {
    const bullet = BULLET.exec(text);
    if (bullet) {
      current = undefined;
      const h = /^\[[ xX]\]/.test(bullet[1]) ? undefined : readHead(bullet[1].trim()); // a task is a request or a commitment
      const words = h && quoted(h.rest);
      if (!h || !words) continue;
      current = { person: h.person, ...(h.topic ? { topic: h.topic } : {}), words, date: entryDate, line, ...(path !== undefined ? { path } : {}) };
      answers.push(current);
      continue;
    }
    if (!current) continue;
    if (!INDENTED.test(text)) {
      if (text.trim() !== '') current = undefined;
      continue;
    }
    const sub = SUB_BULLET.exec(text)?.[1].trim();
    if (current.reaction === undefined && sub && sub.toLowerCase().startsWith(REACTION_LABEL.toLowerCase())) {
      const reaction = sub.slice(REACTION_LABEL.length).trim();
      if (reaction) {
        current.reaction = reaction;
        current.reactionLine = line;
      }
    }
  }
  return answers;
}

export interface FeedbackCommitment {
  action: string;
  person: string;
  topic?: string;
}

/** A commitment written by `formatAnswer` read back ("Add owners… (because of Priya's feedback…)"), from its task text. */
export function parseFeedbackCommitment(text: string): FeedbackCommitment | undefined {
  const trimmed = text.trim();
  if (!trimmed.endsWith(')')) return undefined;
  const open = trimmed.lastIndexOf(' (because of ');
  if (open <= 0) return undefined;
  const inside = trimmed.slice(open + ' (because of '.length, -1);
  const straight = inside.replace(/’/g, "'");
  const at = straight.toLowerCase().indexOf(POSSESSIVE);
  if (at <= 0) return undefined;
  const tail = inside.slice(at + POSSESSIVE.length);
  if (tail !== '' && !/^ on \S/i.test(tail)) return undefined;
  const topic = tail.slice(4).trim();
  return { action: trimmed.slice(0, open).trim(), person: inside.slice(0, at).trim(), ...(topic ? { topic } : {}) };
}
