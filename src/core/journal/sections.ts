import { SectionKind, SECTIONS } from '../../shared/noteKinds';

// What each `##` section of a retro means. Built-in templates use these headings; older entries
// and user templates are matched by normalized heading text, so small rewordings still count.

export type { SectionKind } from '../../shared/noteKinds';

/** The heading each kind is written with in new retros. */
export const SECTION_HEADINGS = Object.fromEntries(Object.entries(SECTIONS).map(([kind, spec]) => [kind, spec.heading])) as Record<SectionKind, string>;

const ALIASES: Record<string, SectionKind> = {};
const addAlias = (heading: string, kind: SectionKind): void => {
  ALIASES[normalizeHeading(heading)] = kind;
};

/** Lower-case, straight quotes, no punctuation or extra spaces: "What didn’t go well?" → "what didnt go well". */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

for (const [kind, heading] of Object.entries(SECTION_HEADINGS) as [SectionKind, string][]) addAlias(heading, kind);
for (const [heading, kind] of [
  ['What went well', 'wentWell'],
  ['Wins', 'wentWell'],
  ['What did not go well', 'didntGoWell'],
  ['What went wrong', 'didntGoWell'],
  ['What I learned', 'learned'],
  ['Lessons', 'learned'],
  ['Learned', 'learned'],
  ['TIL', 'learned'],
  ['Energizers', 'energized'],
  ['What energized me', 'energized'],
  ['Drains', 'drained'],
  ['What drained me', 'drained'],
  ['Feedback', 'feedback'],
  ['Goals', 'goals'],
  ['Progress on goals', 'goals'],
  ["One thing I will do differently", 'change'],
  ["What I'll do differently", 'change'],
  ['Do differently', 'change'],
  ['Next time', 'change'],
  ['Action items', 'change'],
  ['Commits', 'workedOn'],
  ['Highlights', 'wentWell'],
  ['Went well', 'wentWell'],
  ['Lowlights', 'didntGoWell'],
  ['What hurt', 'didntGoWell'],
  ['Setbacks', 'didntGoWell'],
  ['Today I learned', 'learned'],
  ['What gave me energy', 'energized'],
  ['What took energy', 'drained'],
  ['Try', 'change'],
  ['Next week', 'change'],
  ['Start', 'start'],
  ['Stop', 'stop'],
  ['Continue', 'continue'],
  ['Helped', 'helped'],
  ['Helping others', 'helped'],
  ['Who I helped', 'helped'],
  ['People I helped', 'helped'],
  ['Mentoring', 'helped'],
] as [string, SectionKind][]) {
  addAlias(heading, kind);
}

/**
 * What a heading means, by meaning rather than exact wording: the exact aliases first, then the
 * same with a small typo ("What drainned me"), then key words ("### didn't", "## 😩 drained",
 * "## Lowlights", "## Stuck on"). Case, punctuation, emoji and heading level never matter.
 * Undefined for a heading that says nothing Reflect knows.
 */
export function sectionKindOf(heading: string): SectionKind | undefined {
  // A journal repeats the same few headings thousands of times: decide each wording once.
  if (KINDS_SEEN.has(heading)) return KINDS_SEEN.get(heading);
  const text = normalizeHeading(heading);
  const kind = text ? (ALIASES[text] ?? closeAlias(text) ?? byKeyWords(text)) : undefined;
  if (KINDS_SEEN.size >= MAX_KINDS_SEEN) KINDS_SEEN.clear();
  KINDS_SEEN.set(heading, kind);
  return kind;
}

/** Headings already decided, as written; bounded, since H1 titles carry dates and never repeat. */
const KINDS_SEEN = new Map<string, SectionKind | undefined>();
const MAX_KINDS_SEEN = 4096;

/** An alias one edit away (two for long headings): a typo, a dropped or doubled letter, swapped letters. */
function closeAlias(text: string): SectionKind | undefined {
  if (text.length < 6) return undefined;
  const allowed = text.length >= 14 ? 2 : 1;
  for (const [alias, kind] of Object.entries(ALIASES)) {
    if (Math.abs(alias.length - text.length) <= allowed && editDistance(alias, text, allowed) <= allowed) return kind;
  }
  return undefined;
}

/** Damerau-Levenshtein distance (adjacent swaps count one), or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length];
}

/**
 * Key words, in an order where the negative wins ("didn't go well" before "went well"). Each
 * pattern is a plain alternation over the normalized words: linear, whatever the heading.
 */
const KEY_WORDS: [RegExp, SectionKind][] = [
  [/\b(last time|still open|carried)\b/, 'lastTime'],
  [/\b(worked on|commits?)\b/, 'workedOn'],
  [/\b(didnt|did not|not go well|went wrong|wrong|lowlights?|hurt|struggled?|struggles|stuck|blockers?|setbacks?|misses|mistakes?|bad|meh)\b/, 'didntGoWell'],
  [/\blacked\b/, 'lacked'],
  [/\blonged\b/, 'longedFor'],
  [/\bdrain(s|ed|ing)?\b|\bdrainned\b|\benergy (suckers?|drains?)\b/, 'drained'],
  [/\benergi[sz](ed|ing|ers?)\b|\bgave me energy\b/, 'energized'],
  [/\b(learn(ed|t|ing)?|lessons?|til|insights?)\b/, 'learned'],
  [/\bfeedback\b/, 'feedback'],
  [/\bgoals?\b/, 'goals'],
  [/\b(helped (others|someone|people|out)|who i helped|people i helped|helping (others|out)|unblocked (others|someone|people|teammates))\b/, 'helped'],
  [/\b(start doing|start)\b/, 'start'],
  [/\b(stop doing|stop)\b/, 'stop'],
  [/\b(continue doing|continue|keep doing)\b/, 'continue'],
  [/\b(differently|next time|next week|try|action items?|todo|commitments?|will do)\b/, 'change'],
  [/\b(went well|go well|wins?|highlights?|shipped|proud|liked|good|the good|good things?|kudos)\b/, 'wentWell'],
];

function byKeyWords(text: string): SectionKind | undefined {
  return KEY_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

export interface MarkdownSection {
  heading: string;
  kind?: SectionKind;
  /** 0-based line of the `##` heading within the text that was split. */
  line: number;
  /** The section's lines, heading excluded, up to the next `##` (or higher) heading. */
  lines: string[];
}

/** Any ATX heading, `#` alone included; its text is trimmed of closing `#`s by hand (no backtracking pattern). */
const HEADING = /^(#{1,6})(?:[ \t]+(.*))?$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/**
 * The level and text of a Markdown heading line (`## What went well? ##` → 2, "What went well?"),
 * or undefined for any other line. Linear on any line: every heading Reflect reads goes through here.
 */
export function headingOf(line: string): { level: number; text: string } | undefined {
  const m = HEADING.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (!m) return undefined;
  let text = (m[2] ?? '').trim();
  if (/^#+$/.test(text)) text = '';
  const closing = /[ \t]#+$/.exec(text);
  if (closing) text = text.slice(0, closing.index).trimEnd();
  return { level: m[1].length, text };
}

/**
 * Splits Markdown into its sections (text before the first one is dropped), ignoring headings in
 * code fences. A heading of any level that means something Reflect knows starts a section, so an
 * entry written with `###` headings is read like one with `##`. Other `##` headings start a section
 * of no kind; other `#` headings end the current one; other deeper headings belong to the section
 * they are in.
 */
export function splitSections(markdown: string, lineOffset = 0): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let inFence = false;
  let current: MarkdownSection | undefined;
  markdown.split(/\r?\n/).forEach((line, i) => {
    if (FENCE.test(line)) inFence = !inFence;
    const found = inFence ? undefined : headingOf(line);
    const heading = found?.text ? found : undefined; // an empty `##` is no section
    // A `#` heading is the entry's title ("End of day · Wednesday 2026-11-25"): only an exact
    // name makes it a section, which also spares a fuzzy match of every title in the journal.
    const kind = heading && (heading.level === 1 ? ALIASES[normalizeHeading(heading.text)] : sectionKindOf(heading.text));
    if (heading && (kind || heading.level === 2)) {
      current = { heading: heading.text, kind, line: i + lineOffset, lines: [] };
      sections.push(current);
    } else if (heading?.level === 1) {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    }
  });
  return sections;
}

export interface ListItem {
  text: string;
  /** `true`/`false` for task-list items (`- [x]` / `- [ ]`), undefined for plain bullets. */
  checked?: boolean;
  /** Index into the section's `lines`. */
  index: number;
}

const BULLET = /^ ?[-*+](?:[ \t]+|$)(?:\[([ xX])\](?:[ \t]+|$))?(.*)$/;

/** Top-level list items of a section that have text (empty `- ` placeholders are skipped). */
export function listItems(section: MarkdownSection): ListItem[] {
  const items: ListItem[] = [];
  section.lines.forEach((line, index) => {
    const m = BULLET.exec(line);
    if (!m) return;
    const text = m[2].trim();
    if (!text) return;
    items.push({ text, checked: m[1] === undefined ? undefined : m[1] !== ' ', index });
  });
  return items;
}
