// The lines of an entry that can hold a request or an answer: the body's, outside code fences,
// with their line numbers in the file. Each is cut to MAX_LINE before any pattern reads it.
import { parseMarkdown } from '../journal/frontMatter';
import { MAX_LINE } from './peopleNames';

export interface EntryLine {
  text: string;
  /** 0-based line in the entry file. */
  line: number;
}

const FENCE = /^[ \t]{0,3}(```|~~~)/;

export function entryLines(entryText: string): EntryLine[] {
  const { body, bodyLine } = parseMarkdown(entryText);
  const lines: EntryLine[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((raw, i) => {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) lines.push({ text: raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw, line: bodyLine + i });
  });
  return lines;
}

/** One line of text: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
