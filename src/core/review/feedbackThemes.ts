// Feedback grouped by what it is about (code reviews, speaking up, writing…), each theme with its
// quotes in date order, who said them and whether the tone moved from critical to positive. A
// line is read in three parts: who said it ("Dana:", "@lee said"), what was said, and how the user
// took it ("stung tbh. he's not wrong"), so a reaction never colours the theme or the tone.
// Every output is traceable: a quote carries the words that chose its theme and its tone.
import { GrowthGroup } from '../../shared/noteKinds';
import { shortMonth } from '../toolkit/localDates';
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { isRequestText } from '../people/feedbackRequests';
import { CRITICAL, list, POSITIVE, Tone, toneIn, toneOf } from './feedbackTone';
import { isStopWord, stemOf, Word, wordsOf } from './words';

export type { Tone } from './feedbackTone';

export type Arc = 'critical-to-positive' | 'positive-to-critical' | 'positive' | 'critical' | 'mixed';

export interface FeedbackQuote {
  date: string;
  path: string;
  line: number;
  /** What was said: the line without the user's own reaction. */
  said: string;
  /** How the user took it, when the line says so ("stung tbh. he's not wrong"). */
  reaction?: string;
  /** Who said it, when the line names them ("@marco said…", "Dana: …", "from Lee —"), as written, without "@". */
  from?: string;
  tone: Tone;
  /** The line as written. */
  text: string;
  /** The Growth Notes group the line was written under. */
  group: GrowthGroup;
  /** The words that put the quote in its theme, as written (empty in `other`). */
  themeWords: string[];
  /** The words that set its tone, with their negation ("not clear"). */
  toneWords: string[];
}

export interface FeedbackTheme {
  key: string;
  label: string;
  /** Date order. */
  quotes: FeedbackQuote[];
  /** Distinct people, in order of first quote. */
  from: string[];
  /** From the tones in date order; `mixed` also when no quote has a tone. */
  arc: Arc;
  /** One sentence a user reads: "Critical in Aug (Marco, Dana), positive since Sep (Lee, Sam)". */
  summary: string;
  /** The lexicon words that put quotes here, most used first. */
  words: string[];
}

// ---- Themes: a short lexicon of how engineers talk about work, matched on stems. ----

interface ThemeSpec {
  key: string;
  label: string;
  /** Words and phrases, comma-separated; a phrase outweighs a single word. */
  cues: string;
}

const THEMES: readonly ThemeSpec[] = [
  { key: 'code-review', label: 'Code reviews', cues: 'code review, review, reviewer, pr, prs, pull request, comment, nit, nitpick, approve, approval, diff' },
  { key: 'speaking-up', label: 'Speaking up and raising risks',
    cues: 'speak up, spoke up, raise, flag, blocker, blocked, risk, risky, warn, warning, escalate, push back, pushback, disagree, concern, heads-up, ask for help, asked for help' },
  { key: 'communication', label: 'Writing and communication',
    cues: 'doc, docs, document, documentation, write-up, writeup, writing, written, email, message, comms, communication, communicate, explain, explanation, ' +
      'presentation, present, demo, slides, summary, status update, update, readme' },
  { key: 'technical-quality', label: 'Design and technical quality',
    cues: 'design, design doc, design review, architecture, approach, tradeoff, trade-off, rfc, proposal, quality, code quality, test, testing, coverage, bug, ' +
      'edge case, refactor, performance, reliability, robust, maintainable, rollback, technical' },
  { key: 'incidents', label: 'Incidents and on-call',
    cues: 'incident, outage, on-call, oncall, pager, postmortem, post-mortem, incident review, handoff, handover, rotation, runbook, firefighting' },
  { key: 'collaboration', label: 'Collaboration', cues: 'collaborate, collaboration, collaborative, teammate, team player, pair, pairing, cross-team, together, partner' },
  { key: 'delivery', label: 'Ownership and delivery',
    cues: 'ship, shipped, deliver, delivery, deadline, estimate, scope, ownership, owner, follow through, followed through, launch, release, rollout, milestone, ' +
      'migration, execution, execute, prioritize, priorities, on time' },
  { key: 'mentoring', label: 'Mentoring and growing others', cues: 'mentor, mentee, intern, onboard, onboarding, new hire, junior, teach, taught, coach, coaching' },
];

/** Phrases that name no theme although their words would ("sprint review" is not a code review). */
const NOT_THEMES = 'sprint review, performance review, perf review, annual review, year-end review, mid-year review';

/** A theme's word or phrase as stems; theme -1 for a phrase that names none. */
type Cue = { stems: string[]; theme: number };
const phraseStems = (phrase: string): string[] => wordsOf(phrase).map((w) => w.stem);
let cuesByStem: Map<string, Cue[]> | undefined;
/** Cues by their first stem, longest first, so a phrase is tried before its first word; built on first use. */
function cuesByFirstStem(): Map<string, Cue[]> {
  if (cuesByStem) return cuesByStem;
  const cues: Cue[] = [
    ...THEMES.flatMap((t, theme) => t.cues.split(',').map((c) => ({ stems: phraseStems(c), theme }))),
    ...NOT_THEMES.split(',').map((c) => ({ stems: phraseStems(c), theme: -1 })),
  ];
  cuesByStem = new Map();
  for (const cue of cues) cuesByStem.set(cue.stems[0], [...(cuesByStem.get(cue.stems[0]) ?? []), cue]);
  for (const list of cuesByStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return cuesByStem;
}

/** A theme by its place in the lexicon, and the words that chose it. */
export type ThemeMatch = { theme: number; words: string[] };

/** The theme with the most cue words (a phrase counts two); a tie goes to the one named first. */
export function themeOf(text: string): ThemeMatch | undefined {
  return themeIn(wordsOf(text));
}

function themeIn(words: readonly Word[]): ThemeMatch | undefined {
  const score = new Map<number, { points: number; first: number; words: string[] }>();
  for (let i = 0; i < words.length; ) {
    const cue = cuesByFirstStem().get(words[i].stem)?.find((c) => c.stems.every((s, k) => words[i + k]?.stem === s));
    if (!cue) {
      i++;
      continue;
    }
    if (cue.theme >= 0) {
      const s = score.get(cue.theme) ?? { points: 0, first: i, words: [] };
      s.points += cue.stems.length > 1 ? 2 : 1;
      s.words.push(words.slice(i, i + cue.stems.length).map((w) => w.surface).join(' '));
      score.set(cue.theme, s);
    }
    i += cue.stems.length;
  }
  const best = [...score].sort(([, a], [, b]) => b.points - a.points || a.first - b.first)[0];
  return best && { theme: best[0], words: best[1].words };
}

// ---- Who said it, what was said, how the user took it. ----

const NAME = String.raw`(@[\p{L}\p{N}_.-]+|\p{Lu}[\p{L}'’-]*)`;
const VERBS = `(?:${[
  'said says told tells thinks thought called calls mentioned noted noticed wrote writes praised suggested commented replied added asked',
  'reckons felt feels loved liked appreciated thanked',
].join(' ').replace(/ /g, '|')}|pointed out)`;
/** "Dana said…", "@marco also said…", "Ana (my lead) said…" */
const NAME_SAID = new RegExp(String.raw`^${NAME}(?: \p{Lu}\p{Ll}+)?(?: \([^()]{0,40}\))?(?: (?:also|just|even|then|later|again))? ${VERBS}\b`, 'u');
/** "Rafa's org note called…", "Ana's feedback: …" */
const NAMES_NOTE = new RegExp(String.raw`^${NAME}['’]s (?:[\p{Ll}-]+ ){0,3}(?:${VERBS}|feedback|review|note|notes|comment|comments|take|verdict)\b`, 'u');
/** "from Lee — …", "feedback from Ana: …", "a note from Ben" */
const FROM = new RegExp(
  String.raw`^(?:(?:got|some|more|a|an|the|great|nice|good|quick|feedback|kudos|praise|shout-out|shoutout|note|message|comment|comments|thanks|review|compliment) ){0,3}from ${NAME}(?=[\s:,;.!—–-]|$)`,
  'u',
);
/** "my manager said…" */
const MY_SAID = new RegExp(String.raw`^((?:my|our) (?:manager|lead|tech lead|mentor|skip|skip-level|boss|pm|em|director|reviewer|teammate|buddy|peers?))(?: (?:also|just))? ${VERBS}\b`, 'iu');
// "Dana: …", "Rafa (1:1): …", "Dana after: …": someone's words when quoted, addressed to the user or judging.
const NAME_COLON = new RegExp(String.raw`^${NAME}(?: \([^()]{0,40}\))?(?: [\p{Ll}\d:]+){0,3}: `, 'u');
const ADDRESSED = /^["“]|\b(?:you|your|i|i've|i'm|my|me)\b/i;
/** Capitalized words that head a note but name no one ("Note: …", "Update: …"). */
const LABELS = list(`note notes update todo til feedback overall context summary question answer risk idea action next edit ps fyi
  status retro team result outcome lesson win goal plan issue problem bug fix blocker decision reminder takeaway agenda why what how`);
/** "he also said…": the speaker of the line just above in the same entry. */
const SAME_SPEAKER = /^(?:he|she|they)?\s*also (?:said|says|mentioned|noted|added)\b/i;

function speakerOf(said: string): { from: string; end: number } | undefined {
  const found = (m: RegExpExecArray | null): { from: string; end: number } | undefined =>
    m && isName(m[1]) ? { from: m[1].replace(/^@/, ''), end: m[0].length } : undefined;
  // Cheap tests first: most lines name no one.
  const named = /^[@\p{Lu}]/u.test(said);
  const speaker =
    (named ? found(NAME_SAID.exec(said)) ?? found(NAMES_NOTE.exec(said)) : undefined) ??
    // "From Lee" and "Feedback from Ana" start with a capital only because they start the line.
    (said.includes('from ') || said.startsWith('From ') ? found(FROM.exec(said.charAt(0).toLowerCase() + said.slice(1))) : undefined) ??
    (/^(?:my|our) /i.test(said) ? found(MY_SAID.exec(said)) : undefined);
  if (speaker || !named) return speaker;
  const m = NAME_COLON.exec(said);
  const words = m ? said.slice(m[0].length) : '';
  return m && (m[1].startsWith('@') || ADDRESSED.test(words) || toneOf(words).tone !== 'neutral') ? found(m) : undefined;
}

function isName(name: string): boolean {
  if (name.startsWith('@') || /^(?:my|our) /i.test(name)) return name.length > 1;
  const lower = name.toLowerCase().replace(/['’]s$/, '');
  return lower.length > 1 && !isStopWord(lower) && !LABELS.has(lower) && !POSITIVE.has(lower) && !CRITICAL.has(lower) && !cuesByFirstStem().has(stemOf(lower));
}

/** Words with which a clause or sentence gives the user's own take rather than what was said. */
const REACTION_START = list(`stung ouch oof ugh yikes fair tbh ngl honestly lol haha ok okay felt hmm wow meh whew phew true noted`);
const REACTION_PAIRS = list(`i_felt i_feel i_nearly i_almost i_hate i'll_take i'm_glad i'm_happy made_my he's_right she's_right they're_right
  he's_not she's_not they're_not which_stung`);
/** Words the user writes in their own voice wherever they stand in a line. */
const OWN_VOICE = list(`tbh ngl lol`);

/** Does a reaction start at `words[k]`? */
function reactsAt(words: readonly Word[], k: number): boolean {
  return k < words.length && (REACTION_START.has(words[k].lower) || REACTION_PAIRS.has(`${words[k].lower}_${words[k + 1]?.lower ?? ''}`));
}

/** Text with double-quoted spans blanked out, same length, but for a full stop that ends the quote. */
function stripped(text: string): string {
  if (!/["“”]/.test(text)) return text;
  return text.replace(/(["“])([^"“”]*)(["”]?)/g, (_, open: string, body: string, close: string) => {
    const stop = /[.!?]$/.test(body) && close ? body.slice(-1) : '';
    return open + ' '.repeat(body.length - stop.length) + stop + close;
  });
}

/** The first reaction the user wrote in `text`, outside quotes ("stung", "I felt awful"), if any. */
export function reactionIn(text: string): string | undefined {
  const plain = stripped(text);
  const words = wordsOf(plain);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    const pair = `${w}_${words[i + 1]?.lower ?? ''}`;
    if (OWN_VOICE.has(w) || REACTION_PAIRS.has(pair) || (REACTION_START.has(w) && i > 0 && /[.,;:—–(-]\s*$/.test(plain.slice(0, words[i].index)))) {
      return text.slice(words[i].index, words[i].index + 30).trim();
    }
  }
  return undefined;
}

/** Continues a report: "she added…", "he also said…", or another quote. */
const CONTINUES = new RegExp(String.raw`^(?:["“]|(?:[Hh]e|[Ss]he|[Tt]hey|(?!I )${NAME})(?: also)? ${VERBS}\b|[Aa]lso ${VERBS}\b)`, 'u');

interface Reading {
  said: string;
  reaction?: string;
  from?: string;
  /** The words of what was said after "Dana said": what decides theme and tone. */
  topic: Word[];
}

function read(text: string): Reading {
  const line = text.trim();
  const plain = stripped(line);
  const words = wordsOf(line);
  let next = 0; // the first word at or after a boundary; boundaries come in order
  const wordFrom = (offset: number): number => {
    while (next < words.length && words[next].index < offset) next++;
    return next;
  };
  // Sentences end at . ! ? and a space (or a quote that ends so); clauses at , ; — outside quotes.
  let cut = line.length;
  for (const m of plain.matchAll(/[.!?]+["”]?\s+|,\s+|;\s+|\s[—–-]\s/g)) {
    const at = (m.index ?? 0) + m[0].length;
    const sentenceEnd = /^[.!?]/.test(m[0]);
    if ((sentenceEnd && !CONTINUES.test(line.slice(at, at + 60))) || (!sentenceEnd && reactsAt(words, wordFrom(at)))) {
      cut = (m.index ?? 0) + (/["”]/.test(m[0]) ? m[0].trimEnd().length : 0);
      break;
    }
  }
  // "tbh" mid-line: the user's voice from there on.
  const own = words.find((w, i) => i > 0 && w.index < cut && OWN_VOICE.has(w.lower) && plain[w.index] !== ' ');
  if (own) cut = own.index;
  let said = line.slice(0, cut);
  let reaction = line.slice(cut).replace(/^[\s.!?,;—–-]+/, '');
  // A closing aside "(ok it's his first one, but still)" is the user's, not the speaker's.
  const aside = said.trimEnd().endsWith(')') ? /\(([^()]*)\)\s*$/.exec(stripped(said)) : null;
  const speaker = speakerOf(said);
  if (aside && aside.index > (speaker?.end ?? 0) && (reactsAt(wordsOf(aside[1]), 0) || /\b(?:i|me|my|i'm|i've)\b/i.test(aside[1]))) {
    [said, reaction] = [said.slice(0, aside.index), `${said.slice(aside.index)} ${reaction}`];
  }
  said = said.replace(/[\s.,;:—–-]+$/, '') || line;
  reaction = reaction.trim();
  const start = speaker?.end ?? 0;
  const topic = words.filter((w) => w.index >= start && w.index < said.length);
  const reading: Reading = { said, topic };
  if (reaction) reading.reaction = reaction;
  if (speaker) reading.from = speaker.from;
  return reading;
}

/** A feedback line in its parts: what was said, the user's reaction to it, and who said it. */
export function splitFeedback(text: string): { said: string; reaction?: string; from?: string } {
  const { said, reaction, from } = read(text);
  return { said, ...(reaction !== undefined ? { reaction } : {}), ...(from !== undefined ? { from } : {}) };
}

// ---- Themes over a period: quotes, people, arc and a sentence. ----

/** Code-unit order: dates and paths sort the same everywhere, and far faster than localeCompare. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function feedbackThemes(entries: readonly IndexedEntry[], period: Period): { themes: FeedbackTheme[]; other: FeedbackQuote[] } {
  const byTheme = THEMES.map(() => [] as FeedbackQuote[]);
  const other: FeedbackQuote[] = [];
  for (const entry of entries) {
    if (!inPeriod(entry.date, period)) continue;
    let previous: { line: number; from?: string } | undefined;
    for (const item of entry.items) {
      // A line of another group counts when it names who judged the work ("Rafa said the handover was clean"),
      // never a commitment; the cheap test first, as most lines name no one.
      const feedback = item.group === 'feedback';
      // A request ("Asked @priya about the design doc") is feedback asked for, not received.
      if (feedback && isRequestText(item.text)) continue;
      if (!feedback && (item.group === 'changes' || !speakerOf(item.text.trim()))) continue;
      const r = read(item.text);
      const tone = toneIn(r.topic);
      if (!feedback && (r.from === undefined || tone.tone === 'neutral')) continue;
      let from = r.from;
      if (!from && previous?.from && item.line > previous.line && item.line - previous.line <= 2 && SAME_SPEAKER.test(r.said)) from = previous.from;
      previous = { line: item.line, from };
      const match = themeIn(r.topic);
      const quote: FeedbackQuote = { date: entry.date, path: entry.path, line: item.line, said: r.said, tone: tone.tone, text: item.text, group: item.group,
        themeWords: match?.words ?? [], toneWords: tone.words };
      if (r.reaction) quote.reaction = r.reaction;
      if (from) quote.from = from;
      (match ? byTheme[match.theme] : other).push(quote);
    }
  }
  // A handle written "@lee" reads as "Lee" when the journal spells the name so anywhere.
  const spelling = new Map<string, string>();
  const capital = /^\p{Lu}/u;
  for (const q of [...byTheme.flat(), ...other]) if (q.from && (!spelling.has(q.from.toLowerCase()) || capital.test(q.from))) spelling.set(q.from.toLowerCase(), q.from);
  const order = (a: FeedbackQuote, b: FeedbackQuote): number => compare(a.date, b.date) || compare(a.path, b.path) || a.line - b.line;
  const themes = byTheme
    .map((quotes, i) => (quotes.length ? themeFrom(THEMES[i], quotes.sort(order), spelling) : undefined))
    .filter((t): t is FeedbackTheme => t !== undefined)
    .sort((a, b) => b.quotes.length - a.quotes.length || compare(a.quotes[0].date, b.quotes[0].date));
  return { themes, other: other.sort(order) };
}

function themeFrom(spec: ThemeSpec, quotes: FeedbackQuote[], spelling: ReadonlyMap<string, string>): FeedbackTheme {
  // "review" and "reviews" are one word here, shown as first written.
  const counts = new Map<string, { word: string; n: number }>();
  for (const q of quotes) {
    for (const word of new Set(q.themeWords.map((x) => x.toLowerCase()))) {
      const key = word.split(' ').map(stemOf).join(' ');
      const c = counts.get(key) ?? { word, n: 0 };
      counts.set(key, { word: c.word, n: c.n + 1 });
    }
  }
  return {
    key: spec.key,
    label: spec.label,
    quotes,
    from: people(quotes, spelling),
    arc: arcOf(quotes.map((q) => q.tone)),
    summary: summaryOf(quotes, spelling),
    words: [...counts.values()].sort((a, b) => b.n - a.n || compare(a.word, b.word)).map((c) => c.word),
  };
}

/** Distinct people in order of first quote; "@marco" and "Marco" are one person, shown as `spelling` has them. */
function people(quotes: readonly FeedbackQuote[], spelling: ReadonlyMap<string, string>): string[] {
  const names = quotes.flatMap((q) => (q.from ? [spelling.get(q.from.toLowerCase()) ?? q.from] : []));
  return [...new Set(names)];
}

/** From the tones in date order, neutral ones left out: one turn makes an arc, more than one is mixed. */
export function arcOf(tones: readonly Tone[]): Arc {
  const t = tones.filter((x) => x !== 'neutral');
  if (t.length === 0) return 'mixed';
  const turns = t.filter((x, i) => i > 0 && x !== t[i - 1]).length;
  if (turns === 0) return t[0];
  if (turns > 1) return 'mixed';
  return t[0] === 'critical' ? 'critical-to-positive' : 'positive-to-critical';
}


function summaryOf(quotes: readonly FeedbackQuote[], spelling: ReadonlyMap<string, string>): string {
  const years = new Set(quotes.map((q) => q.date.slice(0, 4))).size > 1;
  const month = (d: string): string => `${shortMonth(d)}${years ? ` ${d.slice(0, 4)}` : ''}`;
  const span = (qs: readonly FeedbackQuote[]): string => {
    const [a, b] = [month(qs[0].date), month(qs[qs.length - 1].date)];
    return a === b ? a : `${a}–${b}`;
  };
  const who = (qs: readonly FeedbackQuote[]): string => {
    const p = people(qs, spelling);
    return p.length ? ` (${p.join(', ')})` : '';
  };
  const toned = quotes.filter((q) => q.tone !== 'neutral');
  const arc = arcOf(quotes.map((q) => q.tone));
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  if (arc === 'critical-to-positive' || arc === 'positive-to-critical') {
    const turn = toned.findIndex((q) => q.tone !== toned[0].tone);
    const [first, then] = [toned.slice(0, turn), toned.slice(turn)];
    return `${cap(first[0].tone)} in ${span(first)}${who(first)}, ${then[0].tone} since ${month(then[0].date)}${who(then)}`;
  }
  if (arc === 'positive' || arc === 'critical') return `${cap(arc)} in ${span(quotes)}${who(quotes)}`;
  if (toned.length === 0) return `No clear tone in ${span(quotes)}${who(quotes)}`;
  const n = (tone: Tone): number => toned.filter((q) => q.tone === tone).length;
  return `Mixed in ${span(quotes)}: ${n('critical')} critical, ${n('positive')} positive${who(quotes)}`;
}
