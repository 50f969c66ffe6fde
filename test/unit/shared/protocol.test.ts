// Messages from the journal panel's webview are untrusted (the webview renders user Markdown):
// the validator refuses anything off the allowlist, and the controller acts on nothing it
// refused — no file is written, opened or linked.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../../../src/core/journal/journalIndex';
import { JournalPanelController } from '../../../src/core/panel/panelController';
import { isEntryId, isOpenableUrl, parseFromWebview, ToWebview } from '../../../src/shared/protocol';
import { fileHost, panelDeps } from '../core/panel/panelFixtures';
import { tempDir, WEDNESDAY_EVENING } from '../fixtures';

const TEN_MB = 'a'.repeat(10 * 1024 * 1024);
const ID = 'entries/2026/2026-11-24-end-of-day.md';
const QUERY = { text: '', type: '', tag: '', period: 'all' };

/** Well-formed messages of every type: the validator must accept each, or the panel is broken. */
const VALID: unknown[] = [
  { type: 'ready' },
  { type: 'query', requestId: 1, query: QUERY, offset: 0, limit: 50 },
  { type: 'query', requestId: 2, query: { text: 'retry "flaky test"', type: 'end-of-day', tag: 'rust', period: 'last90' }, offset: 50, limit: 500 },
  { type: 'trends', requestId: 3, days: 90 },
  { type: 'openEntry', requestId: 4, id: ID },
  { type: 'openInEditor', id: ID },
  { type: 'capture', requestId: 5, kind: 'win', text: 'Shipped it\nfinally' },
  { type: 'setEnergy', requestId: 6, energy: 5 },
  { type: 'openLink', url: 'https://example.com/a?b=c#d' },
];

/** Each is refused, and acting on it would have been the bug. */
const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['a string', 'ready'],
  ['an array', [{ type: 'ready' }]],
  ['a number', 42],
  ['no type', { requestId: 1 }],
  ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
  ['a type from Object.prototype', { type: 'constructor' }],
  ['a type named __proto__', { type: '__proto__' }],
  ['a reply type sent back', { type: 'written', requestId: 1, ok: true, message: 'x' }],
  ['a numeric type', { type: 1 }],
  ['an extra key', { type: 'openInEditor', id: ID, path: '/home/user/.bashrc' }],
  ['an own __proto__ key', JSON.parse(`{"type":"ready","__proto__":{"polluted":true}}`)],
  ['a missing key', { type: 'capture', requestId: 1, kind: 'win' }],
  ['a class instance instead of a plain object', Object.assign(new (class Message {})(), { type: 'ready' })],
  ['a string request id', { type: 'trends', requestId: '1', days: 30 }],
  ['a negative request id', { type: 'trends', requestId: -1, days: 30 }],
  ['a fractional request id', { type: 'trends', requestId: 1.5, days: 30 }],
  ['an unknown trend range', { type: 'trends', requestId: 1, days: 365 }],
  ['a 10 MB search', { type: 'query', requestId: 1, query: { ...QUERY, text: TEN_MB }, offset: 0, limit: 50 }],
  ['a page of 10,000 rows', { type: 'query', requestId: 1, query: QUERY, offset: 0, limit: 10_000 }],
  ['a negative offset', { type: 'query', requestId: 1, query: QUERY, offset: -1, limit: 50 }],
  ['an unknown period', { type: 'query', requestId: 1, query: { ...QUERY, period: 'forever' }, offset: 0, limit: 50 }],
  ['a query with an extra key', { type: 'query', requestId: 1, query: { ...QUERY, folder: '/' }, offset: 0, limit: 50 }],
  ['a search with a NUL', { type: 'query', requestId: 1, query: { ...QUERY, text: 'a\u0000b' }, offset: 0, limit: 50 }],
  ['a 10 MB capture', { type: 'capture', requestId: 1, kind: 'note', text: TEN_MB }],
  ['an empty capture', { type: 'capture', requestId: 1, kind: 'note', text: '   ' }],
  ['a capture with control characters', { type: 'capture', requestId: 1, kind: 'note', text: 'x\u001b[2J' }],
  ['an unknown capture kind', { type: 'capture', requestId: 1, kind: 'goal', text: 'x' }],
  ['energy 0', { type: 'setEnergy', requestId: 1, energy: 0 }],
  ['energy 6', { type: 'setEnergy', requestId: 1, energy: 6 }],
  ['energy 3.5', { type: 'setEnergy', requestId: 1, energy: 3.5 }],
  ['energy as a string', { type: 'setEnergy', requestId: 1, energy: '3' }],
  ['a 10 MB id', { type: 'openEntry', requestId: 1, id: `entries/${TEN_MB}.md` }],
  ['an id climbing out with ../', { type: 'openInEditor', id: 'entries/../../.bashrc.md' }],
  ['an id starting with ../', { type: 'openInEditor', id: '../outside.md' }],
  ['an absolute id', { type: 'openInEditor', id: '/etc/passwd.md' }],
  ['an absolute Windows id', { type: 'openEntry', requestId: 1, id: 'C:\\Users\\me\\x.md' }],
  ['an id with backslashes', { type: 'openEntry', requestId: 1, id: 'entries\\..\\..\\x.md' }],
  ['an id that is a file URI', { type: 'openEntry', requestId: 1, id: 'file:///etc/passwd.md' }],
  ['an id that is not Markdown', { type: 'openEntry', requestId: 1, id: 'entries/2026/notes.txt' }],
  ['an id outside entries/', { type: 'openEntry', requestId: 1, id: 'templates/x.md' }],
  ['an id with an empty segment', { type: 'openEntry', requestId: 1, id: 'entries//x.md' }],
  ['a javascript: link', { type: 'openLink', url: 'javascript:alert(1)' }],
  ['a command: link', { type: 'openLink', url: 'command:workbench.action.terminal.new' }],
  ['a file: link', { type: 'openLink', url: 'file:///home/user/.bashrc' }],
  ['a vscode: link', { type: 'openLink', url: 'vscode://vscode.git/clone?url=x' }],
  ['a data: link', { type: 'openLink', url: 'data:text/html,<script>alert(1)</script>' }],
  ['a link with credentials', { type: 'openLink', url: 'https://user:secret@example.com/' }],
  ['a link with leading spaces', { type: 'openLink', url: '  https://example.com/' }],
  ['a 10 MB link', { type: 'openLink', url: `https://example.com/${TEN_MB}` }],
];

describe('journal panel protocol: validating messages from the webview', () => {
  it('accepts every well-formed message type', () => {
    for (const message of VALID) assert.deepEqual(parseFromWebview(message), { ok: true, message }, JSON.stringify(message));
  });

  for (const [name, message] of MALFORMED) {
    it(`refuses ${name}`, () => {
      const parsed = parseFromWebview(message);
      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && parsed.reason.length < 200, 'the reason is short enough to log');
    });
  }

  it('takes ids and links only in the shapes the panel produces', () => {
    assert.ok(isEntryId('entries/2026/2026-11-25-end-of-day.md'));
    assert.ok(isEntryId('entries/Ideas/über notes.MD'));
    for (const bad of ['entries/./x.md', 'entries/a/../b.md', 'entries/x.md\u0000.txt', '', 'entries/']) assert.ok(!isEntryId(bad), bad);
    assert.ok(isOpenableUrl('http://localhost:3000/x'));
    for (const bad of ['https://', 'https:example.com', 'ftp://example.com', 'mailto:a@b.c', 'https://exa mple.com', 'https://user:pw@example.com/']) assert.ok(!isOpenableUrl(bad), bad);
    // Read as example.com by the browser's URL parser, as evil.example by VS Code's: refused.
    assert.ok(!isOpenableUrl('https://example.com\\@evil.example/login'));
  });
});

/** Every file below `dir` with its content: what "nothing was written" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('journal panel controller: untrusted messages', () => {
  function setup(): { root: string; journal: string; index: JournalIndex; host: ReturnType<typeof fileHost>; controller: JournalPanelController } {
    const root = tempDir();
    const journal = path.join(root, 'journal');
    const file = path.join(journal, ID);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '---\ntype: end-of-day\ndate: 2026-11-24\n---\n## What went well?\n- Fixed the flaky deploy\n');
    // What an attacker would aim for: a file beside the journal.
    writeFileSync(path.join(root, '.bashrc'), 'export PATH=$HOME/bin:$PATH\n');
    const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'));
    const host = fileHost(journal, WEDNESDAY_EVENING);
    return { root, journal, index, host, controller: new JournalPanelController(panelDeps(journal, index, host, WEDNESDAY_EVENING)) };
  }

  it('writes, opens and replies nothing for any malformed message', async () => {
    const { root, index, host, controller } = setup();
    await index.load();
    const before = snapshot(root);
    const replies: ToWebview[] = [];
    for (const [, message] of MALFORMED) await controller.receive(message, (r) => replies.push(r));
    assert.deepEqual(replies, []);
    assert.deepEqual(host.calls, []);
    assert.deepEqual(snapshot(root), before);
  });

  it('opens nothing for a well-formed id the index does not hold', async () => {
    const { root, index, host, controller } = setup();
    await index.load();
    writeFileSync(path.join(root, 'journal', 'entries', 'sneaky.md'), 'not indexed yet');
    const replies: ToWebview[] = [];
    await controller.receive({ type: 'openInEditor', id: 'entries/2026/2026-01-01-end-of-day.md' }, (r) => replies.push(r));
    await controller.receive({ type: 'openEntry', requestId: 9, id: 'entries/2026/2026-01-01-end-of-day.md' }, (r) => replies.push(r));
    assert.deepEqual(host.calls, []);
    assert.deepEqual(replies, [{ type: 'entry', requestId: 9, id: 'entries/2026/2026-01-01-end-of-day.md', entry: undefined }]);
  });

  it('opens an indexed entry and an http(s) link when asked properly (the control case)', async () => {
    const { journal, index, host, controller } = setup();
    await index.load();
    await controller.receive({ type: 'openInEditor', id: ID }, () => {});
    await controller.receive({ type: 'openLink', url: 'https://example.com/runbook' }, () => {});
    assert.deepEqual(host.calls, [`open ${path.join(journal, ID)}`, 'external https://example.com/runbook']);
  });

  it('writes a capture to today\'s entry inside the journal, and nowhere else', async () => {
    const { root, journal, index, host, controller } = setup();
    await index.load();
    const before = snapshot(root);
    const replies: ToWebview[] = [];
    await controller.receive({ type: 'capture', requestId: 3, kind: 'note', text: 'Pairing with Sam\nworked well' }, (r) => replies.push(r));
    assert.deepEqual(replies, [{ type: 'written', requestId: 3, ok: true, message: "Note added to today's entry." }]);
    assert.deepEqual(host.calls, ['todayEntry', 'edit']);
    const today = 'entries/2026/2026-11-25-end-of-day.md';
    const after = snapshot(root);
    assert.deepEqual(Object.keys(after).sort(), [...Object.keys(before), path.join('journal', today)].sort());
    assert.match(after[path.join('journal', today)], /\n## Notes\n- Pairing with Sam worked well\n?$/);
    // The index knows at once, so the timeline shows the new entry without waiting for a watcher.
    assert.equal(index.entry(today)?.date, '2026-11-25');
    assert.ok(path.join(journal, today).startsWith(journal));
  });

  it('refuses to write when today\'s entry would lie outside the journal', async () => {
    const { root, index, controller, host } = setup();
    await index.load();
    host.todayOverride = path.join(root, '.bashrc');
    const before = snapshot(root);
    const replies: ToWebview[] = [];
    await controller.receive({ type: 'capture', requestId: 4, kind: 'win', text: 'rm -rf ~' }, (r) => replies.push(r));
    await controller.receive({ type: 'setEnergy', requestId: 5, energy: 1 }, (r) => replies.push(r));
    assert.deepEqual(
      replies.map((r) => r.type === 'written' && [r.ok, r.message]),
      [
        [false, "Nothing was written: today's entry would lie outside the journal folder"],
        [false, "Nothing was written: today's entry would lie outside the journal folder"],
      ],
    );
    assert.ok(!host.calls.includes('edit'));
    assert.ok(!host.calls.includes('todayEntry'), 'not even created first');
    assert.deepEqual(snapshot(root), before);
  });
});
