// The one-line edits Reflect makes to an entry: a bullet under a section, the energy in the front
// matter. Each is a LineEdit, so an open editor can apply it without touching anything else.
import { parseMarkdown } from './frontMatter';
import { listItems, SECTION_HEADINGS, SectionKind, splitSections } from './sections';

/** How an edit reached the file: saved to disk, left in an editor that holds unsaved changes, or not needed. */
export type EditOutcome = 'saved' | 'unsaved' | 'unchanged';

/** A minimal text change: insert or replace on one line, so an editor can apply it without touching the rest. */
export interface LineEdit {
  /** 0-based line. */
  line: number;
  /** Replace the whole line (`replace`) or insert a new line before it (`insert`). */
  mode: 'replace' | 'insert';
  text: string;
}

/**
 * Where to add `bullet` to the section of `kind`: it replaces an empty `- ` placeholder, else goes
 * after the section's last list item (or its last non-blank line). A missing section is appended
 * at the end of the file.
 */
export function addBulletEdit(markdown: string, kind: SectionKind, bullet: string): LineEdit {
  const lines = markdown.split(/\r?\n/);
  const { body, bodyLine } = parseMarkdown(markdown);
  const section = splitSections(body, bodyLine).find((s) => s.kind === kind);
  // Any line break (CRLF, a lone CR, U+2028/2029) would start a heading or item of its own in an editor.
  const item = `- ${bullet.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim()}`;
  if (!section) {
    const last = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
    const needsBlank = last > 0 && lines[last - 1].trim() !== '';
    return { line: last, mode: 'insert', text: `${needsBlank ? '\n' : ''}## ${SECTION_HEADINGS[kind]}\n${item}` };
  }
  const placeholder = section.lines.findIndex((l) => /^\s?[-*+]\s*$/.test(l));
  if (placeholder >= 0) return { line: section.line + 1 + placeholder, mode: 'replace', text: item };
  const items = listItems(section);
  let after = items.length > 0 ? items[items.length - 1].index : -1;
  if (after < 0) {
    for (let i = section.lines.length - 1; i >= 0; i--) {
      if (section.lines[i].trim() !== '') {
        after = i;
        break;
      }
    }
  } else {
    // Keep nested lines that belong to the last item with it.
    while (after + 1 < section.lines.length && /^\s{2,}\S/.test(section.lines[after + 1])) after++;
  }
  return { line: section.line + 1 + after + 1, mode: 'insert', text: item };
}

/** Applies a LineEdit to text, keeping its line endings. */
export function applyLineEdit(markdown: string, edit: LineEdit): string {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const lines = markdown.split(/\r?\n/);
  const newLines = edit.text.split('\n');
  if (edit.mode === 'replace') lines.splice(edit.line, 1, ...newLines);
  else lines.splice(edit.line, 0, ...newLines);
  return lines.join(eol);
}

const FM_OPENING = /^---[ \t]*$/;
const FM_CLOSING = /^(---|\.\.\.)[ \t]*$/;
const ENERGY = /^energy:[ \t]*(.*)$/;
/** A YAML comment: `#` at the start of the value or after whitespace. */
const COMMENT = /(?:^|[ \t])(#.*)$/;

/**
 * The one-line change that sets `energy: <n>` in an entry's front matter, keeping the comment
 * the template puts there (`energy: # 1 (drained) to 5 (energized)`). Adds the key, or a front
 * matter block, when missing. Undefined when the entry already says `energy: <n>`.
 */
export function setEnergyEdit(markdown: string, energy: number): LineEdit | undefined {
  if (!Number.isInteger(energy) || energy < 1 || energy > 5) throw new RangeError(`energy must be 1 to 5, not ${energy}`);
  const lines = markdown.split(/\r?\n/);
  if (!FM_OPENING.test(lines[0]?.replace(/^\uFEFF/, '') ?? '')) return { line: 0, mode: 'insert', text: `---\nenergy: ${energy}\n---` };
  const close = lines.findIndex((line, i) => i > 0 && FM_CLOSING.test(line));
  if (close < 0) throw new Error('its front matter has no closing ---; set the energy in the editor');
  for (let i = 1; i < close; i++) {
    const m = ENERGY.exec(lines[i]);
    if (!m) continue;
    if (i + 1 < close && /^[ \t]+\S/.test(lines[i + 1])) throw new Error('its energy spans several lines; set it in the editor');
    const comment = COMMENT.exec(m[1])?.[1];
    const value = (comment ? m[1].slice(0, m[1].length - comment.length) : m[1]).trim();
    if (value === String(energy)) return undefined;
    return { line: i, mode: 'replace', text: `energy: ${energy}${comment ? ` ${comment}` : ''}` };
  }
  return { line: close, mode: 'insert', text: `energy: ${energy}` };
}
