// An entry written as prose, with no section Reflect knows, still carries meaning: a decision, a
// feeling, a lesson. Each sentence is filed by the words that say what it is, in a fixed order,
// so the result is deterministic and any line in the tree can be traced to the words that put it
// there. Sentences that say none of these things stay searchable text only.
import { GrowthGroup } from '../../shared/noteKinds';

export interface ProseNote {
  group: GrowthGroup;
  text: string;
  /** 0-based line of the sentence within the text given. */
  line: number;
}

/** Cue words per group, most specific first: "I decided" is a commitment even when it also says "relieved". */
const CUES: [GrowthGroup, RegExp][] = [
  ['feedback', /\b(said|told me|feedback|pointed out)\b.*\b(my|me|i)\b|\b(praised|thanked) me\b/i],
  // Someone's words quoted after their name: `Rafa: the migration was "the smoothest this year"`.
  ['feedback', /^(?!(?:Note|Notes|Todo|Update|Question|Answer|Risk|Idea|Edit|Summary|Context)\b)\p{Lu}\p{Ll}+(?: \([^()]{0,40}\))?: [^"“]{0,200}["“]/u],
  ['changes', /\b(i will|i'll|i'm going to|i am going to|tomorrow i'm|from (now on|monday|tomorrow)|going forward|next time|rules? for|i decided|decided to|told \w+ yes|the plan is)\b/i],
  // A rule for oneself: "if I'm blocked I say so the same day", "when it pages twice, I fix it".
  ['changes', /^(?:and |so )?(?:if|when|whenever) (?:i|i'm|it|something)\b[^.]{0,80}?,? i (?:say|tell|ask|raise|flag|stop|start|write|fix|take|do|will|'ll)\b/i],
  ['lessons', /\b(learn(ed|t)|realiz(e|ed)|lesson|turns out|i'm a better|i am a better|note to self)\b/i],
  ['drains', /\b(drain(ed|ing)?|exhaust(ed|ing)|tired|frustrat(ed|ing)|stress(ed|ful)?|burn(ed|t) out|bad days?|chopped|dread(ed)?)\b/i],
  ['energizers', /\b(energi[sz](ed|ing)|relieved|excited|loved|enjoyed|slept well|best week|fun)\b/i],
  ['setbacks', /\b(slipped|failed|broke|missed|went wrong|mistake)\b/i],
  ['wins', /\b(shipped|proud|merged|launched|finished|landed|nailed)\b/i],
];

const FENCE = /^[ \t]{0,3}(```|~~~)/;
const MAX_SENTENCE = 300;
/** Cues are looked for in this much of a sentence: one pattern has two parts, and a hostile line must stay cheap. */
const CUE_WINDOW = 500;

/** The sentences of a prose body that carry meaning, each with the group its words put it in. */
export function proseNotes(body: string, lineOffset = 0): ProseNote[] {
  const notes: ProseNote[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((raw, i) => {
    if (FENCE.test(raw)) inFence = !inFence;
    const line = raw.trim();
    if (inFence || !line || line.startsWith('#') || line.startsWith('<!--') || /^[-*_=]{3,}$/.test(line)) return;
    for (const sentence of line.replace(/^[-*+>]\s+/, '').split(/(?<=[.!?])\s+/)) {
      const text = sentence.trim();
      if (text.length < 12) continue;
      const window = text.slice(0, CUE_WINDOW);
      const group = CUES.find(([, cue]) => cue.test(window))?.[0];
      if (group) notes.push({ group, text: text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE - 1)}…` : text, line: i + lineOffset });
    }
  });
  return notes;
}
