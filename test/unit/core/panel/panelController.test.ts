// The journal panel's controller on real journals in temp folders: pages of the timeline, search
// and filters, the reader, trends and today's energy, answered as messages from the webview.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../../../../src/core/journal/journalIndex';
import { EntryFiles } from '../../../../src/core/panel/entrySearch';
import { JournalPanelController, MAX_BODY_CHARS } from '../../../../src/core/panel/panelController';
import { hasRetroIn, streak } from '../../../../src/core/reminders/reminderSchedule';
import { addDays, toIsoDate } from '../../../../src/core/toolkit/localDates';
import { JournalStatus, TimelineRow, ToWebview } from '../../../../src/shared/protocol';
import { tempDir, WEDNESDAY_EVENING } from '../../fixtures';
import { fileHost, panelDeps, recordingFiles, reminderSettings, writeEntry } from './panelFixtures';

const TOPICS = ['Refactored the billing module', 'Kubernetes upgrade went smoothly', 'Reviewed the café menu redesign', 'Paired on the flaky test', 'Wrote the payments design doc'];

/** 120 daily entries up to yesterday (2026-11-24), each with energy and a topic; a few tagged. `files` counts the reads. */
async function journalOf120(files?: EntryFiles): Promise<{ journal: string; index: JournalIndex; controller: JournalPanelController }> {
  const journal = tempDir();
  for (let i = 1; i <= 120; i++) {
    const date = toIsoDate(addDays(WEDNESDAY_EVENING, -i));
    const tags = i % 10 === 0 ? '[rust, Speaking]' : '[]';
    writeEntry(journal, date, `\n# End of day · ${date}\n\n## Last time\n- [ ] Carried item\n\n## What went well?\n- ${TOPICS[i % TOPICS.length]} (day ${i})\n\n## What drained me?\n- \n`, { energy: (i % 5) + 1, tags });
  }
  writeEntry(journal, '2026-11-20', '\n## The sprint as a whole\n- Kubernetes migration finished\n', {}, 'sprint');
  const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'));
  await index.load();
  return { journal, index, controller: new JournalPanelController({ ...panelDeps(journal, index, fileHost(journal, WEDNESDAY_EVENING), WEDNESDAY_EVENING), files }) };
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
    const expected: JournalStatus = { state: 'ready', revision: 0, today: '2026-11-25', journal: 1, types: ['end-of-day', 'sprint'], tags: ['rust', 'Speaking'], total: 121 };
    assert.deepEqual(reply, { type: 'journal', status: expected });
    writeEntry(journal, '2026-11-25', '## What went well?\n- x\n', { energy: 4 });
    await index.rescan();
    controller.journalChanged();
    assert.deepEqual(await controller.status(), { ...expected, revision: 1, todayEnergy: 4, total: 122 });
  });

  it('reads only the page it sends, and again only what changed', async () => {
    const files = recordingFiles();
    const { journal, index, controller } = await journalOf120(files);
    const first = await page(controller, {}, 0, 50);
    assert.equal(files.reads.length, 50, 'the first page reads 50 files, not the journal');
    assert.deepEqual([...files.reads].sort(), first.rows.map((r) => path.join(journal, r.id)).sort(), 'the files of the rows it sends, each once');

    files.reads.length = 0;
    assert.deepEqual(await page(controller, {}, 0, 50), first);
    assert.deepEqual(files.reads, [], 'the same page again reads nothing');

    const changed = first.rows[3].id;
    const file = path.join(journal, changed);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^- (.*\(day 4\))$/m, '- Rewrote the retry logic, $1'));
    await index.update(file);
    files.reads.length = 0;
    const again = await page(controller, {}, 0, 50);
    assert.deepEqual(files.reads, [file], 'only the changed file is read again');
    assert.equal(again.rows[3].preview, `Rewrote the retry logic, ${first.rows[3].preview}`, 'and the row shows the new text');
    assert.deepEqual(again.rows.filter((_, i) => i !== 3), first.rows.filter((_, i) => i !== 3));
  });

  it('a search reads each entry once; the next search reads none', async () => {
    const files = recordingFiles();
    const { journal, controller } = await journalOf120(files);
    assert.equal((await page(controller, { text: 'kubernetes' })).total, 25);
    assert.equal(files.reads.length, 121, 'every entry, to search its text');
    assert.equal(new Set(files.reads).size, 121, 'none twice, though the matches are previewed too');
    assert.ok(files.reads.every((f) => f.startsWith(journal + path.sep)));
    files.reads.length = 0;
    assert.equal((await page(controller, { text: 'billing' })).total, 24);
    assert.deepEqual(files.reads, []);
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

  it('"On this day" finds the entry a quarter ago and says when a year ago has none', async () => {
    const { controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'trends', requestId: 2, days: 30 });
    assert.ok(reply.type === 'trends');
    const [quarter, year] = reply.trends.onThisDay;
    assert.equal(quarter.label, 'A quarter ago');
    assert.equal(quarter.date, '2026-08-25');
    assert.equal(quarter.entry?.date, '2026-08-25');
    assert.match(quarter.entry?.preview ?? '', /\(day 92\)/);
    assert.deepEqual(year, { label: 'A year ago', date: '2025-11-25' }, 'the journal starts in July 2026');
  });
});

describe('journal panel: energy for today', () => {
  it('writes today\'s energy through the controller and the index shows it', async () => {
    const { index, controller } = await journalOf120();
    const [reply] = await ask(controller, { type: 'setEnergy', requestId: 4, energy: 4 });
    assert.deepEqual(reply, { type: 'written', requestId: 4, ok: true, message: 'Energy today: 4 of 5, good.' });
    assert.equal(index.entry('entries/2026/2026-11-25-end-of-day.md')?.energy, 4);
    const text = readFileSync(path.join(index.journalFolder, 'entries/2026/2026-11-25-end-of-day.md'), 'utf8');
    assert.match(text, /^energy: 4 # 1 \(drained\) to 5 \(energized\)$/m);
  });
});
