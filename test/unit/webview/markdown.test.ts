// The journal panel's Markdown renderer (src/webview/markdown.ts, the module the webview ships)
// against hostile entries. DOMPurify runs over jsdom here and over the browser's DOM in the panel;
// the configuration and hooks are the same code.
import * as assert from 'node:assert/strict';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer } from '../../../src/webview/markdown';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
const render = createMarkdownRenderer(DOMPurify(dom.window));

/** Attributes that hold a URL somewhere in HTML or SVG. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'longdesc', 'ping', 'manifest', 'codebase', 'dynsrc', 'lowsrc'];
/** Elements that can run script, load something or navigate, none of which an entry needs. */
const DANGEROUS = ['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'source', 'template', 'noscript', 'portal', 'applet', 'frameset'];
const ALLOWED_URL = /^(https?:|mailto:|https:\/\/[^/]*\.vscode-resource\.vscode-cdn\.net\/)/i;

/** What a user would be exposed to if `html` reached the panel's DOM; empty when nothing. */
function dangers(html: string): string[] {
  // Parse as the panel does (innerHTML into a live document), then walk everything, including template contents.
  const doc = new JSDOM('<!DOCTYPE html><body><article></article></body>').window.document;
  const article = doc.querySelector('article')!;
  article.innerHTML = html;
  const found: string[] = [];
  const walk = (root: ParentNode): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const name = el.localName.toLowerCase();
      if (DANGEROUS.includes(name)) found.push(`<${name}>`);
      for (const attr of Array.from(el.attributes)) {
        const attrName = attr.name.toLowerCase();
        if (attrName.startsWith('on')) found.push(`${name}[${attr.name}]`);
        if (attrName === 'style' || attrName === 'srcdoc' || attrName === 'id' || attrName === 'name' || attrName === 'target' || attrName === 'autofocus') found.push(`${name}[${attr.name}]`);
        if (URL_ATTRIBUTES.includes(attrName) && !ALLOWED_URL.test(attr.value.trim())) found.push(`${name}[${attr.name}=${attr.value}]`);
      }
      if (name === 'input' && (el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled'))) found.push('an enabled or non-checkbox <input>');
      if (name === 'template') walk((el as HTMLTemplateElement).content);
    }
  };
  walk(article);
  if (/javascript:|vbscript:|data:text|command:/i.test(article.innerHTML.replace(/&[a-z]+;/gi, ''))) {
    // The words may appear as text (e.g. inside <code>); they must not appear inside a tag.
    for (const el of Array.from(article.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) if (/javascript:|vbscript:|data:|command:/i.test(attr.value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

// Each is what a journal entry could hold after a paste from a web page, a chat or a malicious file.
const HOSTILE: [string, string][] = [
  ['script tag', '<script>alert(1)</script>\n\nText after.'],
  ['script tag in mixed case with attributes', '<ScRiPt type="text/javascript" src="https://evil.test/x.js"></sCrIpT>'],
  ['img onerror', '<img src=x onerror="alert(1)">'],
  ['img onerror without quotes or spaces', '<img/src=x/onerror=alert(1)>'],
  ['markdown link with javascript:', '[click me](javascript:alert(1))'],
  ['markdown link with JaVaScRiPt: in any case', '[click me](JaVaScRiPt:alert(document.domain))'],
  ['entity-encoded javascript: in an href', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['hex entities and a tab inside javascript:', '<a href="&#x6A;ava&#x09;script&colon;alert(1)">x</a> [y](java&#x09;script:alert(1))'],
  ['javascript: behind leading spaces and control characters', '<a href=" \u0001javascript:alert(1)">x</a>'],
  ['data: link', '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: image', '![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a> [y](VBScript:msgbox(1))'],
  ['command: link (VS Code command URI)', '[run](command:workbench.action.terminal.new) <a href="command:reflect.rebuildIndex">x</a>'],
  ['vscode: and file: links', '[ext](vscode://ms-vscode.cpptools/x) [file](file:///etc/passwd)'],
  ['svg with a script', '<svg><script>alert(1)</script><circle r="5"/></svg>'],
  ['svg onload and an animate href', '<svg onload=alert(1)><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe with a javascript: src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['style with onload', '<style onload="alert(1)">body{background:red}</style>'],
  ['image title breaking out of its attribute', '![cat](https://example.com/cat.png "a\\" onerror=\\"alert(1))'],
  ['image alt breaking out of its attribute', '![x" onerror="alert(1)](https://example.com/x.png)'],
  ['link title breaking out of its attribute', '[x](https://example.com "t\\" onmouseover=\\"alert(1))'],
  ['form posting somewhere', '<form action="https://evil.test/steal"><input name=q autofocus onfocus=alert(1)><button formaction="javascript:alert(1)">Go</button></form>'],
  ['object and embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
  ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:/">'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary>y</details>'],
  ['mXSS through math and style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['template content', '<template><img src=x onerror=alert(1)></template>'],
  ['video and source onerror', '<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)>'],
  ['autolink with javascript', '<javascript:alert(1)>'],
  ['reference-style link to javascript', '[x][evil]\n\n[evil]: javascript:alert(1)'],
  ['inline style and DOM clobbering ids', '<p style="background:url(javascript:alert(1))" id="getElementById" name="body">x</p>'],
  ['aria relabelling and data attributes', '<span aria-label="Open in editor" data-id="../../etc/passwd" role="button">x</span>'],
  ['html comment hiding a script', '<!--><script>alert(1)</script>-->'],
  ['srcset and ping', '<a href="https://ok.test" ping="https://evil.test">x</a><img srcset="javascript:alert(1) 1x">'],
];

describe('journal panel: rendering hostile Markdown', () => {
  it('has a corpus of at least 20 hostile inputs', () => {
    assert.ok(HOSTILE.length >= 20, `only ${HOSTILE.length}`);
  });

  it('its check would catch HTML that was not sanitized', () => {
    // Without this, a check that finds nothing would pass every case below.
    assert.deepEqual(dangers('<img src=x onerror="alert(1)">').sort(), ['<img>', 'img[onerror]', 'img[src=x]']);
    assert.deepEqual(dangers('<a href="javascript:alert(1)">x</a>'), ['a[href=javascript:alert(1)]', 'a[href=javascript:alert(1)]']);
    assert.ok(dangers('<svg><script>alert(1)</script></svg>').includes('<script>'));
    assert.ok(dangers('<template><iframe srcdoc="x"></iframe></template>').includes('iframe[srcdoc]'));
  });

  for (const [name, markdown] of HOSTILE) {
    it(`neutralizes ${name}`, () => {
      const html = render(markdown);
      assert.deepEqual(dangers(html), [], `rendered: ${html}`);
      // Sanitizing is stable: the output sanitized again is the same (no mutation on re-parse).
      assert.equal(render(html), render(render(html)));
    });
  }

  it('keeps what a journal entry normally holds', () => {
    const html = render(
      [
        '# End of day',
        '',
        '## What went well?',
        '- Shipped **the retry logic** with `jitter`',
        '- [x] Ask for review earlier',
        '- [ ] Write the doc',
        '',
        '> Quote from Ana',
        '',
        'See [the runbook](https://wiki.example.com/runbook) or mail <mailto:ana@example.com>.',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '```js',
        'const x = "<script>alert(1)</script>";',
        '```',
      ].join('\n'),
    );
    const doc = new JSDOM(`<body>${html}</body>`).window.document;
    assert.equal(doc.querySelector('h2')?.textContent, 'What went well?');
    assert.equal(doc.querySelector('strong')?.textContent, 'the retry logic');
    assert.equal(doc.querySelectorAll('li').length, 3);
    const boxes = Array.from(doc.querySelectorAll('input'));
    assert.deepEqual(
      boxes.map((b) => [b.type, b.checked, b.disabled]),
      [
        ['checkbox', true, true],
        ['checkbox', false, true],
      ],
    );
    assert.equal(doc.querySelector('blockquote')?.textContent?.trim(), 'Quote from Ana');
    const link = doc.querySelector('a[href]');
    assert.equal(link?.getAttribute('href'), 'https://wiki.example.com/runbook');
    assert.equal(link?.getAttribute('title'), 'https://wiki.example.com/runbook', 'a link says where it goes');
    assert.equal(doc.querySelectorAll('td').length, 2);
    // Code is shown as written, as text.
    assert.equal(doc.querySelector('pre code')?.textContent, 'const x = "<script>alert(1)</script>";\n');
    assert.equal(doc.querySelectorAll('script').length, 0);
  });

  it('shows images as links to open, never loading them', () => {
    const doc = new JSDOM(`<body>${render('![whiteboard](https://example.com/board.png) ![local](./board.png)')}</body>`).window.document;
    assert.equal(doc.querySelectorAll('img').length, 0);
    const [remote, local] = Array.from(doc.querySelectorAll('p > *'));
    assert.equal(remote.getAttribute('href'), 'https://example.com/board.png');
    assert.equal(remote.textContent, 'Image: whiteboard');
    assert.equal(local.hasAttribute('href'), false);
    assert.equal(local.textContent, 'Image: local');
  });

  it('keeps the text of a link it cannot open', () => {
    const doc = new JSDOM(`<body>${render('[the runbook](javascript:alert(1)) and [notes](../other.md)')}</body>`).window.document;
    assert.equal(doc.body.textContent?.trim(), 'the runbook and notes');
    assert.equal(doc.querySelectorAll('a[href]').length, 0);
  });
});

describe('journal panel Markdown: text long enough to freeze the renderer', () => {
  const emphasisRun = '_a'.repeat(50_000);

  it('shows a 100 KB run of emphasis marks as the text it is, in its list item', () => {
    const html = render(`## What went well?\n- ${emphasisRun}\n- Shipped the *fix*\n`);
    assert.ok(!html.includes('<em>a'), 'the run is not read as emphasis');
    assert.ok(html.includes(`<li>${emphasisRun}</li>`), 'every character is shown, still as a list item');
    assert.ok(html.includes('<em>fix</em>'), 'the short item next to it keeps its formatting');
  });

  it('a paragraph of many lines past the limit is shown as plain text; code fences are left as they are', () => {
    const paragraph = Array.from({ length: 20 }, () => '*b'.repeat(250)).join('\n');
    const html = render(`${paragraph}\n\n\`\`\`\n${'_c'.repeat(5000)}\n\`\`\`\n`);
    assert.ok(!html.includes('<em>'), html.slice(0, 200));
    assert.ok(html.includes(`<code>${'_c'.repeat(5000)}\n</code>`));
  });

  it('a long list of ordinary items keeps its formatting: only over-long text is escaped', () => {
    const items = Array.from({ length: 300 }, (_, i) => `- item **${i}** with some words to make it long enough`).join('\n');
    const html = render(items);
    assert.equal((html.match(/<strong>/g) ?? []).length, 300);
  });
});
