import { Document, isNode, parseDocument, visit } from 'yaml';

export type FrontMatterData = Record<string, unknown>;

export interface ParsedMarkdown {
  /** The front matter as a plain object; empty when there is none or it is broken. */
  data: FrontMatterData;
  /** Everything after the closing `---` (or the whole text when there is no front matter). */
  body: string;
  /** 0-based line of `body`'s first line within the original text. */
  bodyLine: number;
  /** Why the front matter was ignored, when it was present but unreadable. */
  error?: string;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits a Markdown file into YAML front matter and body. Tolerates a BOM, CRLF line endings,
 * a missing front matter block and broken YAML (reported in `error`, never thrown).
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = clean.split(/\r?\n/);
  if (!OPENING.test(lines[0] ?? '')) return { data: {}, body: clean, bodyLine: 0 };
  const close = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (close < 0) return { data: {}, body: clean, bodyLine: 0, error: 'front matter has no closing ---' };
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) {
    return { data: {}, body, bodyLine: close + 1, error: doc.errors[0].message.split('\n')[0] };
  }
  let value: unknown;
  try {
    // A "billion laughs" of aliases throws here (yaml caps alias expansion); it is a broken front matter, not a crash.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { data: {}, body, bodyLine: close + 1, error: `front matter could not be read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  if (value === null || value === undefined) return { data: {}, body, bodyLine: close + 1 };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { data: {}, body, bodyLine: close + 1, error: 'front matter is not a set of key: value pairs' };
  }
  return { data: value as FrontMatterData, body, bodyLine: close + 1 };
}

/** Renders front matter as a `---` block. `comments` adds a trailing comment to a key's line. */
export function renderFrontMatter(data: FrontMatterData, comments: Record<string, string> = {}): string {
  const doc = new Document(data);
  for (const [key, comment] of Object.entries(comments)) {
    const node = doc.get(key, true);
    if (isNode(node)) node.comment = ` ${comment}`;
  }
  // `tags: [a, b]` reads better in a journal than one line per tag.
  visit(doc, { Seq: (_, seq) => void (seq.flow = true) });
  return `---\n${doc.toString({ nullStr: '', lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
