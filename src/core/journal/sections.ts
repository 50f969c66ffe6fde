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
] as [string, SectionKind][]) {
  addAlias(heading, kind);
}

export function sectionKindOf(heading: string): SectionKind | undefined {
  return ALIASES[normalizeHeading(heading)];
}

export interface MarkdownSection {
  heading: string;
  kind?: SectionKind;
  /** 0-based line of the `##` heading within the text that was split. */
  line: number;
  /** The section's lines, heading excluded, up to the next `##` (or higher) heading. */
  lines: string[];
}

const H2 = /^##[ \t]+(.+?)[ \t#]*$/;
const H1 = /^#[ \t]+/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** Splits Markdown into its `##` sections (text before the first one is dropped). Ignores headings in code fences. */
export function splitSections(markdown: string, lineOffset = 0): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let inFence = false;
  let current: MarkdownSection | undefined;
  markdown.split(/\r?\n/).forEach((line, i) => {
    if (FENCE.test(line)) inFence = !inFence;
    const h2 = inFence ? null : H2.exec(line);
    if (h2) {
      current = { heading: h2[1], kind: sectionKindOf(h2[1]), line: i + lineOffset, lines: [] };
      sections.push(current);
    } else if (!inFence && H1.test(line)) {
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
