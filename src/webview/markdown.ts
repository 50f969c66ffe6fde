// Renders an entry's Markdown to HTML that is safe to put in the panel. A journal entry is user
// content (it may be pasted from anywhere), so marked's output is never trusted: DOMPurify
// removes everything outside a small allowlist. The webview and the unit tests run this same
// module, the webview with the browser's DOMPurify, the tests with DOMPurify over jsdom.
import type { Config, DOMPurify } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/** What an entry may contain: text formatting, lists, tables, quotes, code, links. No media, forms, frames or SVG. */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul', 'var',
];
const ALLOWED_ATTR = ['href', 'title', 'align', 'colspan', 'rowspan', 'start', 'reversed', 'type', 'checked', 'disabled', 'open', 'lang', 'dir'];

/** Links the panel can open (in the browser, through the extension). Anything else loses its href. */
export const LINK_URL = /^https?:/i;

const SANITIZE: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: LINK_URL,
  ALLOW_DATA_ATTR: false,
  // aria-* from an entry could relabel the panel's own controls for a screen reader.
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

/**
 * Past these lengths a line, or a paragraph's lines, are shown as plain text: marked's inline
 * rules are quadratic on some runs (a 100 KB line of `_a_a…` took 17 s to render, freezing the
 * panel), and backslash-escaped text is read in linear time. No real sentence is this long.
 */
const MAX_FORMATTED_LINE = 4_000;
const MAX_FORMATTED_BLOCK = 8_000;

/** Every ASCII punctuation character escaped, so marked reads the text literally. */
const escapeMarkdown = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** The block marker a line starts with (`- `, `1. `, `## `, `> `), kept so the structure stays. */
function markerLength(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let j = i;
  const c = line[i];
  if (c === '-' || c === '*' || c === '+' || c === '>') j = i + 1;
  else if (c === '#') while (j - i < 6 && line[j] === '#') j++;
  else {
    while (j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
    j = j > i && (line[j] === '.' || line[j] === ')') ? j + 1 : i;
  }
  return j > i && (line[j] === ' ' || j === line.length) ? j : 0;
}

const isFence = (line: string): boolean => {
  const t = line.trimStart();
  return t.startsWith('```') || t.startsWith('~~~');
};

/** Escapes the text of over-long lines and paragraphs (outside code fences); everything else is left alone. */
export function shieldLongText(markdown: string): string {
  if (markdown.length <= MAX_FORMATTED_LINE) return markdown;
  const lines = markdown.split('\n');
  let inFence = false;
  let blockStart = 0;
  let blockLength = 0;
  const flush = (end: number): void => {
    for (let k = blockStart; k < end; k++) {
      if (blockLength <= MAX_FORMATTED_BLOCK && lines[k].length <= MAX_FORMATTED_LINE) continue;
      const lead = markerLength(lines[k]);
      lines[k] = lines[k].slice(0, lead) + escapeMarkdown(lines[k].slice(lead));
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isFence(line)) {
      if (!inFence) flush(i);
      inFence = !inFence;
      blockStart = i + 1;
      blockLength = 0;
    } else if (inFence) {
      continue;
    } else if (line.trim() === '') {
      flush(i);
      blockStart = i + 1;
      blockLength = 0;
    } else {
      // A list item or a heading starts a unit of its own: marked reads each item's text apart.
      if (markerLength(line) > 0) {
        flush(i);
        blockStart = i;
        blockLength = 0;
      }
      blockLength += line.length;
    }
  }
  if (!inFence) flush(lines.length);
  return lines.join('\n');
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A Markdown → sanitized HTML function bound to one DOMPurify instance (its hooks are added once).
 * Images are shown as links to open, never loaded: the panel makes no network requests.
 */
export function createMarkdownRenderer(purify: DOMPurify): (markdown: string) => string {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      image({ href, title, text }: Tokens.Image): string {
        const label = `Image: ${escapeHtml(text.trim() || 'untitled')}`;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return LINK_URL.test(href.trim()) ? `<a href="${escapeHtml(href.trim())}"${titleAttr}>${label}</a>` : `<span${titleAttr}>${label}</span>`;
      },
    },
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Task-list boxes are the only inputs: read-only checkboxes, whatever the Markdown asked for.
    if (node.nodeName === 'INPUT') {
      node.setAttribute('type', 'checkbox');
      node.setAttribute('disabled', '');
    }
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !LINK_URL.test(href.trim())) node.removeAttribute('href');
      // Say where a link goes before it is followed.
      if (node.hasAttribute('href') && !node.hasAttribute('title')) node.setAttribute('title', node.getAttribute('href') ?? '');
    }
  });
  return (markdown: string): string => purify.sanitize(marked.parse(shieldLongText(markdown), { async: false }), SANITIZE);
}
