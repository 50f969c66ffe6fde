// The journal panel's extension side on real journals in temp folders: pages of the timeline,
// search and filters, trends, the reader, energy, and the HTML's security policy.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setEnergyEdit } from '../../src/core/energyEdit';
import { JournalIndex } from '../../src/core/journalIndex';
import { JournalPanelController, MAX_BODY_CHARS } from '../../src/core/journalPanelController';
import { insideJournal, resolveJournalFile } from '../../src/core/journalPaths';
import { entryPreview, EntryTextCache, parseSearch, searchSnippet } from '../../src/core/journalSearch';
import { filterTimeline, periodRange, timelineFacets } from '../../src/core/journalTimeline';
import { energySeries, entriesThisMonth, monthsBefore, onThisDay } from '../../src/core/journalTrends';
import { addDays, toIsoDate } from '../../src/core/localDates';
import { hasRetroIn, streak } from '../../src/core/reminderSchedule';
import { applyLineEdit } from '../../src/core/sectionEdit';
import { JournalStatus, TimelineRow, ToWebview } from '../../src/shared/protocol';
import { panelCsp, panelHtml } from '../../src/vscode/journalPanelHtml';
import { chartGeometry } from '../../src/webview/energyChart';
import { restoreState } from '../../src/webview/panelState';
import { tempDir, WEDNESDAY_EVENING } from './fixtures';
import { fileHost, panelDeps, reminderSettings, writeEntry } from './journalPanelFixtures';

const TOPICS = ['Refactored the billing module', 'Kubernetes upgrade went smoothly', 'Reviewed the café menu redesign', 'Paired on the flaky test', 'Wrote the payments design doc'];

/** 120 daily entries up to yesterday (2026-11-24), each with energy and a topic; a few tagged. */
async function journalOf120(): Promise<{ journal: string; index: JournalIndex; controller: JournalPanelController }> {
  const journal = tempDir();
  for (let i = 1; i <= 120; i++) {
    const date = toIsoDate(addDays(WEDNESDAY_EVENING, -i));
    const tags = i % 10 === 0 ? '[rust, Speaking]' : '[]';
    writeEntry(journal, date, `\n# End of day · ${date}\n\n## Last time\n- [ ] Carried item\n\n## What went well?\n- ${TOPICS[i % TOPICS.length]} (day ${i})\n\n## What drained me?\n- \n`, { energy: (i % 5) + 1, tags });
  }
  writeEntry(journal, '2026-11-20', '\n## The sprint as a whole\n- Kubernetes migration finished\n', {}, 'sprint');
  const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'));
  await index.load();
  return { journal, index, controller: new JournalPanelController(panelDeps(journal, index, fileHost(journal, WEDNESDAY_EVENING), WEDNESDAY_EVENING)) };
}

async function ask(controller: JournalPanelController, message: unknown): Promise<ToWebview[]> {
  const replies: ToWebview[] = [];
  await controller.receive(message, (r) => replies.push(r));
  return replies;
}

async function page(controller: JournalPanelController, query: Partial<{ text: string; type: string; tag: string; period: string }>, offset = 0, limit = 50): Promise<{ rows: TimelineRow[]; total: number }> {
  const [reply] = await ask(controller, { type: 'query', requestId: 1, query: { text: '', type: '', tag: '', period: 'all', ...query }, offset, limit });
  assert.ok(reply?.type === 'page', JSON.stringify(reply));
  return reply;
}

describe('journal panel: timeline pages', () => {
  it('lists entries newest first, a page at a time, with the first lines the user wrote', async () => {
    const { controller } = await journalOf120();
    const first = await page(controller, {});
    assert.equal(first.total, 121);
    assert.equal(first.rows.length, 50);
    assert.deepEqual(first.rows[0], {
      id: 'entries/2026/2026-11-24-end-of-day.md',
      date: '2026-11-24',
      type: 'end-of-day',
      energy: 2,
      tags: [],
      // Not the title, not "Last time" (Reflect wrote those), not the empty "-" placeholder.
      preview: 'Kubernetes upgrade went smoothly (day 1)',
    });
    const dates = first.rows.map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const rest = [await page(controller, {}, 50), await page(controller, {}, 100)];
    assert.deepEqual(rest.map((p) => p.rows.length), [50, 21]);
    const ids = [first, ...rest].flatMap((p) => p.rows.map((r) => r.id));
    assert.equal(new Set(ids).size, 121, 'no entry twice, none missing');
    // A row carries a preview, never the entry's full text.
    assert.ok(ids.length === 121 && [first, ...rest].every((p) => p.rows.every((r) => r.preview.length <= 160)));
  });

  it('narrows to a search: case and accents ignored, all words must match, phrases in quotes', async () => {
    const { controller } = await journalOf120();
    const kube = await page(controller, { text: 'KUBERNETES' });
    assert.equal(kube.total, 25, 'the 24 daily entries and the sprint retro that mention it');
    assert.ok(kube.rows.every((r) => /kubernetes/i.test(r.preview)), 'the preview shows the line that matched');
    assert.equal((await page(controller, { text: 'cafe' })).total, 24);
    assert.equal((await page(controller, { text: 'kubernetes sprint' })).total, 0);
    assert.equal((await page(controller, { text: 'kubernetes migration' })).total, 1);
    assert.equal((await page(controller, { text: '"migration finished"' })).total, 1);
    assert.equal((await page(controller, { text: '"finished migration"' })).total, 0);
    assert.equal((await page(controller, { text: 'well' })).total, 0, "the template's headings are not the user's words");
  });

  it('filters by type, tag (with or without #, any case) and period', async () => {
    const { controller } = await journalOf120();
    assert.deepEqual((await page(controller, { type: 'sprint' })).rows.map((r) => r.date), ['2026-11-20']);
    assert.equal((await page(controller, { tag: '#RUST' })).total, 12);
    assert.equal((await page(controller, { tag: 'speaking' })).total, 12);
    assert.equal((await page(controller, { period: 'last30' })).total, 30, '2026-10-27 to 2026-11-25, the sprint retro included');
    assert.equal((await page(controller, { period: 'last30', type: 'end-of-day', text: 'billing' })).total, 5);
    assert.equal((await page(controller, { period: 'lastYear' })).total, 0);
  });

  it('tells the webview the journal\'s types, tags, size and today\'s energy', async () => {
    const { journal, index, controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'ready' });
    const expected: JournalStatus = { state: 'ready', revision: 0, today: '2026-11-25', types: ['end-of-day', 'sprint'], tags: ['rust', 'Speaking'], total: 121 };
    assert.deepEqual(reply, { type: 'journal', status: expected });
    writeEntry(journal, '2026-11-25', '## What went well?\n- x\n', { energy: 4 });
    await index.rescan();
    controller.journalChanged();
    assert.deepEqual(await controller.status(), { ...expected, revision: 1, todayEnergy: 4, total: 122 });
  });

  it('reads only the page it sends, and again only what changed', async () => {
    const { controller } = await journalOf120();
    const cache = (controller as unknown as { texts: EntryTextCache }).texts;
    await page(controller, {}, 0, 50);
    assert.equal(cache.size, 50, 'the first page reads 50 files, not the journal');
  });
});

describe('journal panel: the reader', () => {
  it('sends the body without its front matter, and a note when a huge entry is cut', async () => {
    const { journal, index, controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'openEntry', requestId: 7, id: 'entries/2026/2026-11-24-end-of-day.md' });
    assert.ok(reply.type === 'entry' && reply.entry);
    assert.equal(reply.entry.body.startsWith('\n# End of day · 2026-11-24'), true);
    assert.equal(reply.entry.truncated, false);
    const big = writeEntry(journal, '2026-11-25', `## Notes\n${'- a very long paste\n'.repeat(70_000)}`);
    await index.rescan();
    const [huge] = await ask(controller, { type: 'openEntry', requestId: 8, id: big });
    assert.ok(huge.type === 'entry' && huge.entry);
    assert.equal(huge.entry.truncated, true);
    assert.equal(huge.entry.body.length, MAX_BODY_CHARS);
  });

  it('shows what is on disk now, even before the index caught up', async () => {
    const { journal, controller } = await journalOf120();
    const id = 'entries/2026/2026-11-24-end-of-day.md';
    await ask(controller, { type: 'openEntry', requestId: 1, id });
    writeFileSync(path.join(journal, id), readFileSync(path.join(journal, id), 'utf8') + '\n## Notes\n- Added in another editor\n');
    const [reply] = await ask(controller, { type: 'openEntry', requestId: 2, id });
    assert.ok(reply.type === 'entry' && reply.entry?.body.includes('Added in another editor'));
  });
});

describe('journal panel: trends', () => {
  it('counts the streak as the status bar does, entries this month, and energy per day', async () => {
    const { index, controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'trends', requestId: 2, days: 30 });
    assert.ok(reply.type === 'trends');
    const t = reply.trends;
    assert.equal(t.streak, streak(WEDNESDAY_EVENING, reminderSettings, hasRetroIn(index.entries())));
    assert.ok(t.streak >= 80, `a long unbroken run of workdays, got ${t.streak}`);
    assert.equal(t.thisMonth, 25, 'Nov 1–24 daily, and the sprint retro');
    assert.equal(t.energy.length, 30);
    assert.deepEqual(t.energy.at(-1), { date: '2026-11-25', energy: null }, 'today has no entry yet');
    assert.deepEqual(t.energy.at(-2), { date: '2026-11-24', energy: 2 });
    assert.equal(t.averageEnergy, 3.1, '89 / 29 days');
    const [ninety] = await ask(controller, { type: 'trends', requestId: 3, days: 90 });
    assert.ok(ninety.type === 'trends' && ninety.trends.energy.length === 90);
  });

  it('"On this day" finds the entry a quarter and a year ago, or the closest within three days', async () => {
    const { controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'trends', requestId: 2, days: 30 });
    assert.ok(reply.type === 'trends');
    const [quarter, year] = reply.trends.onThisDay;
    assert.equal(quarter.label, 'A quarter ago');
    assert.equal(quarter.date, '2026-08-25');
    assert.equal(quarter.entry?.date, '2026-08-25');
    assert.match(quarter.entry?.preview ?? '', /\(day 92\)/);
    assert.deepEqual(year, { label: 'A year ago', date: '2025-11-25' }, 'the journal starts in July 2026');
    const entries = [{ date: '2025-11-23', path: 'a' }, { date: '2025-11-27', path: 'b' }, { date: '2025-11-29', path: 'c' }];
    assert.equal(onThisDay(entries, WEDNESDAY_EVENING)[1].entry?.path, 'a', 'two days either side: the earlier one');
    assert.equal(monthsBefore(new Date(2026, 4, 31), 3).getDate(), 28, 'May 31 → Feb 28');
    assert.equal(toIsoDate(monthsBefore(new Date(2028, 1, 29), 12)), '2027-02-28');
  });

  it('energy series, month counts and period ranges in local calendar days', () => {
    const series = energySeries(
      [
        { date: '2026-11-25', energy: 2 },
        { date: '2026-11-25', energy: 5 },
        { date: '2026-11-20' },
        { date: '2026-10-01', energy: 1 },
      ],
      WEDNESDAY_EVENING,
      7,
    );
    assert.deepEqual(series.map((p) => p.energy), [null, null, null, null, null, null, 3.5]);
    assert.equal(series[0].date, '2026-11-19');
    assert.equal(entriesThisMonth([{ date: '2026-11-01' }, { date: '2026-10-31' }, { date: '2026-11-30' }], WEDNESDAY_EVENING), 2);
    assert.deepEqual(periodRange('last90', WEDNESDAY_EVENING), { from: '2026-08-28', to: '2026-11-25' });
    assert.deepEqual(periodRange('thisYear', WEDNESDAY_EVENING), { from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('journal panel: energy for today', () => {
  it('sets energy in the front matter, keeping the template\'s comment and the line endings', () => {
    const template = '---\ntype: end-of-day\nenergy: # 1 (drained) to 5 (energized)\ntags: []\n---\n# x\n';
    assert.equal(applyLineEdit(template, setEnergyEdit(template, 4)!), template.replace('energy: #', 'energy: 4 #'));
    const set = '---\r\nenergy: 2\r\n---\r\nbody\r\n';
    assert.equal(applyLineEdit(set, setEnergyEdit(set, 5)!), '---\r\nenergy: 5\r\n---\r\nbody\r\n');
    assert.equal(setEnergyEdit(set, 2), undefined, 'already 2: nothing to do');
    assert.equal(applyLineEdit('---\ntype: x\n---\nbody', setEnergyEdit('---\ntype: x\n---\nbody', 3)!), '---\ntype: x\nenergy: 3\n---\nbody');
    assert.equal(applyLineEdit('Just notes\n', setEnergyEdit('Just notes\n', 1)!), '---\nenergy: 1\n---\nJust notes\n');
    assert.throws(() => setEnergyEdit('---\nenergy:\n  3\n---\n', 4), /spans several lines/);
    assert.throws(() => setEnergyEdit('---\nenergy: 3\n', 4), /no closing ---/);
  });

  it('writes today\'s energy through the controller and the index shows it', async () => {
    const { index, controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'setEnergy', requestId: 4, energy: 4 });
    assert.deepEqual(reply, { type: 'written', requestId: 4, ok: true, message: 'Energy today: 4 of 5, good.' });
    assert.equal(index.entry('entries/2026/2026-11-25-end-of-day.md')?.energy, 4);
    const text = readFileSync(path.join(index.journalFolder, 'entries/2026/2026-11-25-end-of-day.md'), 'utf8');
    assert.match(text, /^energy: 4 # 1 \(drained\) to 5 \(energized\)$/m);
  });
});

describe('journal panel: previews, search terms, paths', () => {
  it('previews the user\'s own first lines as plain text', () => {
    assert.equal(entryPreview('# Title\n\n## What went well?\n- **Shipped** the [retry](https://x) logic\n- \n\n## What did I learn?\n- `jitter` matters\n'), 'Shipped the retry logic · jitter matters');
    assert.equal(entryPreview('## Worked on\n- shop: Fix login\n\n## What went well?\n- \n'), 'shop: Fix login', 'only commits: show them rather than nothing');
    assert.equal(entryPreview('## Notes\n<!-- hidden\ncomment -->\n```\ncode\n```\n- snake_case_name stays\n'), 'code · snake_case_name stays');
    assert.equal(entryPreview(`- ${'word '.repeat(100)}`).length, 160);
    assert.equal(entryPreview(''), '');
  });

  it('parses search terms and cuts a snippet around the match', () => {
    assert.deepEqual(parseSearch('  Retry "Flaky  Test" retry Café '), ['retry', 'flaky  test', 'cafe']);
    // A phrase still being typed searches its words, not a word with a quote in it.
    assert.deepEqual(parseSearch('kubernetes "flaky te'), ['kubernetes', 'flaky', 'te']);
    const long = `- ${'lorem ipsum '.repeat(30)}Kubernetes ${'dolor '.repeat(30)}`;
    const snippet = searchSnippet(long, ['kubernetes'])!;
    assert.ok(snippet.includes('Kubernetes') && snippet.startsWith('…') && snippet.endsWith('…') && snippet.length <= 160, snippet);
  });

  it('resolves ids only to Markdown files inside the journal', () => {
    const journal = path.join(path.sep, 'home', 'me', 'journal');
    assert.equal(resolveJournalFile(journal, 'entries/2026/a.md'), path.join(journal, 'entries', '2026', 'a.md'));
    for (const bad of ['../x.md', 'entries/../../x.md', '/etc/x.md', 'entries/a.txt', '', '.', 'C:\\x.md', 'entries/\0.md']) assert.equal(resolveJournalFile(journal, bad), undefined, bad);
    assert.equal(insideJournal(journal, `${journal}-other/x.md`), undefined, 'a sibling folder with the same prefix');
    assert.equal(insideJournal(journal, path.join(journal, '..foo.md')), path.join(journal, '..foo.md'));
  });

  it('offers types by use and tags once each, alphabetically', () => {
    const e = (type: string, tags: string[]) => ({ type, tags, date: '2026-01-01', path: `entries/${type}${tags.join()}.md`, frontMatter: {}, items: [], followUps: [], mtimeMs: 0, size: 0 });
    const entries = [e('weekly', ['Rust']), e('end-of-day', ['#rust', 'go']), e('end-of-day', ['Apple'])];
    assert.deepEqual(timelineFacets(entries), { types: ['end-of-day', 'weekly'], tags: ['Apple', 'go', 'Rust'] });
    assert.equal(filterTimeline(entries, { type: '', tag: 'RUST', period: 'all' }, WEDNESDAY_EVENING).length, 2);
  });
});

describe('journal panel: webview pieces', () => {
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

  it('styles with theme variables only: no colour is hard-coded', () => {
    const css = readFileSync(path.join(__dirname, '..', '..', '..', 'media', 'journal.css'), 'utf8').replace(/\/\*[^]*?\*\//g, '');
    const values = css.replace(/var\(--vscode-[\w-]+/g, 'var(');
    assert.doesNotMatch(values, /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|(?<![-\w])(?:red|white|black|gr[ae]y|blue|green|yellow|orange|purple|silver)(?![-\w])/i);
    const vars = css.match(/var\(--[\w-]+/g) ?? [];
    assert.ok(vars.length > 20 && vars.every((v) => v.startsWith('var(--vscode-')), vars.filter((v) => !v.startsWith('var(--vscode-')).join());
  });

  it('draws the energy line with gaps where no energy was recorded', () => {
    const g = chartGeometry(
      [
        { date: '2026-11-21', energy: 1 },
        { date: '2026-11-22', energy: 5 },
        { date: '2026-11-23', energy: null },
        { date: '2026-11-24', energy: 3 },
      ],
      316,
    );
    assert.equal(g.path, 'M16 66 L114 6 M310 36');
    assert.deepEqual(g.dots.map((d) => d.point.energy), [1, 5, 3]);
    assert.deepEqual(g.grid.map((l) => l.y), [66, 36, 6]);
  });

  it('restores its saved state field by field, dropping what is malformed', () => {
    assert.deepEqual(restoreState({ query: { text: 'x', period: 'nope' }, loaded: 1e9, openId: '../../.bashrc', selectedId: 'entries/2026/a.md', trendDays: 90, captureKind: 'goal' }), {
      query: { text: 'x', type: '', tag: '', period: 'all' },
      loaded: 500,
      homeScroll: 0,
      readerScroll: 0,
      selectedId: 'entries/2026/a.md',
      trendDays: 90,
      captureKind: 'note',
      captureDraft: '',
      captureOpen: true,
      trendsOpen: true,
    });
  });
});
