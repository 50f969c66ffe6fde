// The journal panel's HTML and styles: a strict Content Security Policy, theme colours only.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { panelCsp, panelHtml } from '../../../../src/vscode/panel/panelHtml';
import { REPO_ROOT } from '../../fixtures';

describe('journal panel: HTML and styles', () => {
  it('has a strict Content Security Policy with one nonce-bound script and no remote sources', () => {
    const html = panelHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'q1w2e3r4t5y6u7i8o9p0aA==', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/journal.css' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;|&quot;/g, "'");
    assert.equal(csp, panelCsp('https://file+.vscode-resource.vscode-cdn.net', 'q1w2e3r4t5y6u7i8o9p0aA=='));
    assert.match(csp ?? '', /^default-src 'none'; /);
    assert.match(csp ?? '', /script-src 'nonce-q1w2e3r4t5y6u7i8o9p0aA=='(;|$)/);
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval|\*|https?:(?!\/\/file\+\.vscode-resource)/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="q1w2e3r4t5y6u7i8o9p0aA==" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js">']);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.throws(() => panelHtml({ cspSource: 'x', nonce: 'abc', scriptUri: 'x', styleUri: 'x' }), /nonce/);
  });

  it('offers every capture kind in its menu, Helped, Promise and For my 1:1 among them', () => {
    const html = panelHtml({ cspSource: 'x', nonce: 'q1w2e3r4t5y6u7i8o9p0aA==', scriptUri: 'x', styleUri: 'x' });
    const select = /<select id="capture-kind"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? '';
    assert.deepEqual([...select.matchAll(/<option value="(\w+)">([^<]+)<\/option>/g)].map((m) => `${m[1]}:${m[2]}`), [
      'note:Note', 'win:Win', 'feedback:Feedback', 'helped:Helped', 'lesson:Lesson', 'energizer:Energizer', 'drain:Drain', 'promise:Promise', 'oneOnOne:For my 1:1',
    ]);
  });

  it('styles with theme variables only: no colour is hard-coded', () => {
    const css = readFileSync(path.join(REPO_ROOT, 'media', 'journal.css'), 'utf8').replace(/\/\*[^]*?\*\//g, '');
    const values = css.replace(/var\(--vscode-[\w-]+/g, 'var(');
    assert.doesNotMatch(values, /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|(?<![-\w])(?:red|white|black|gr[ae]y|blue|green|yellow|orange|purple|silver)(?![-\w])/i);
    const vars = css.match(/var\(--[\w-]+/g) ?? [];
    assert.ok(vars.length > 20 && vars.every((v) => v.startsWith('var(--vscode-')), vars.filter((v) => !v.startsWith('var(--vscode-')).join());
  });
});
