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
  return (markdown: string): string => purify.sanitize(marked.parse(markdown, { async: false }), SANITIZE);
}
