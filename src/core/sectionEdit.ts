import { listItems, SECTION_HEADINGS, SectionKind, splitSections } from './retroSections';
import { parseMarkdown } from './frontMatter';

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
