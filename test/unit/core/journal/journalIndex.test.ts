import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextFile } from 'lowdb/node';
import { INDEX_SCHEMA_VERSION, IndexedEntry, IndexHeader, JournalIndex } from '../../../../src/core/journal/journalIndex';
import { renderUserRetro } from '../../../../src/core/retro/retroDraft';
import { loadTemplateSections, loadUserTemplates } from '../../../../src/core/retro/userTemplates';
import { tempDir, WEDNESDAY_EVENING } from '../../fixtures';

function entry(journal: string, date: string, body: string, type = 'end-of-day'): string {
  const file = path.join(journal, 'entries', date.slice(0, 4), `${date}-${type}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\ntype: ${type}\ndate: ${date}\n---\n${body}`);
  return file;
}

/** The index file as stored, read with lowdb's own adapter: its header and every entry it holds. */
async function stored(indexFile: string): Promise<{ header: IndexHeader; entries: Record<string, IndexedEntry> } | null> {
  const text = await new TextFile(indexFile).read();
  if (text === null) return null;
  const [first, ...shards] = text.split('\n').filter((l) => l !== '');
  const entries = Object.assign({}, ...shards.map((line) => JSON.parse(line.slice(line.indexOf('\t') + 1)) as Record<string, IndexedEntry>));
  return { header: JSON.parse(first) as IndexHeader, entries };
}

function setup(): { journal: string; indexFile: string; logs: string[]; open: () => JournalIndex } {
  const journal = tempDir();
  const indexFile = path.join(tempDir(), 'storage', 'index.json');
  const logs: string[] = [];
  return { journal, indexFile, logs, open: () => new JournalIndex(journal, indexFile, (m) => logs.push(m)) };
}

describe('journal index (lowdb cache of the Markdown)', () => {
  it('builds from the files, then starts warm without parsing anything unchanged', async () => {
    const { journal, indexFile, open } = setup();
    entry(journal, '2026-11-24', '## What went well?\n- Shipped it\n');
    entry(journal, '2026-11-25', '## What drained me?\n- Meetings\n');
    writeFileSync(path.join(journal, 'goals.md'), '- [ ] not an entry\n');

    const cold = await open().load();
    assert.deepEqual([cold.cache, cold.total, cold.parsed], ['missing', 2, 2]);
    const onDisk = await stored(indexFile);
    assert.deepEqual(onDisk?.header, { version: INDEX_SCHEMA_VERSION, journal, templates: '', shards: 1 });
    assert.deepEqual(Object.keys(onDisk!.entries).sort(), ['entries/2026/2026-11-24-end-of-day.md', 'entries/2026/2026-11-25-end-of-day.md']);

    const index = open();
    const warm = await index.load();
    assert.deepEqual([warm.cache, warm.total, warm.parsed, warm.removed], ['warm', 2, 0, 0]);
    assert.deepEqual(index.entries().map((e) => [e.date, e.items.map((i) => i.text)]), [
      ['2026-11-25', ['Meetings']],
      ['2026-11-24', ['Shipped it']],
    ]);
  });

  it('re-parses only what changed on disk while it was closed, and drops deleted files', async () => {
    const { journal, open } = setup();
    const a = entry(journal, '2026-11-24', '## What went well?\n- One\n');
    const b = entry(journal, '2026-11-25', '## What went well?\n- Two\n');
    await open().load();
    writeFileSync(a, readFileSync(a, 'utf8').replace('One', 'One, edited outside VS Code'));
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    rmSync(b);
    const index = open();
    const stats = await index.load();
    assert.deepEqual([stats.parsed, stats.removed, stats.total], [1, 1, 1]);
    assert.equal(index.entries()[0].items[0].text, 'One, edited outside VS Code');
  });

  it('updates one entry on create, change, delete and rename', async () => {
    const { journal, open } = setup();
    const index = open();
    await index.load();
    let changes = 0;
    index.onDidChange(() => changes++);

    const file = entry(journal, '2026-11-25', '## What went well?\n- First\n');
    assert.equal(await index.update(file), 'updated');
    assert.equal(await index.update(file), 'unchanged');
    writeFileSync(file, readFileSync(file, 'utf8') + '- Second\n');
    assert.equal(await index.update(file), 'updated');
    assert.deepEqual(index.entries()[0].items.map((i) => i.text), ['First', 'Second']);

    const renamed = path.join(path.dirname(file), '2026-11-25-weekly.md');
    renameSync(file, renamed);
    assert.equal(await index.update(file), 'removed');
    assert.equal(await index.update(renamed), 'updated');
    assert.deepEqual(index.entries().map((e) => e.path), ['entries/2026/2026-11-25-weekly.md']);
    assert.equal(await index.update(path.join(journal, 'goals.md')), 'ignored');
    assert.equal(changes, 4);
    await index.flush();
  });

  for (const [name, makeContent] of [
    ['empty', () => ''],
    ['truncated header', () => `{"version":${INDEX_SCHEMA_VERSION},"journal":"/x","sh`],
    ['a missing part', (journal: string) => `${JSON.stringify({ version: INDEX_SCHEMA_VERSION, journal, templates: '', shards: 2 })}\n"2026"\t{}\n`],
    ['a truncated part', (journal: string) => `${JSON.stringify({ version: INDEX_SCHEMA_VERSION, journal, templates: '', shards: 1 })}\n"2026"\t{"entries/2026/x.md":{"da`],
    ['NUL bytes', () => '\u0000\u0000\u0000\u0000'],
    ['null', () => 'null'],
    ['an array', () => '[1,2,3]'],
    // Well-formed JSON, but an entry no index wrote: its items would reach the tree and the panel.
    ['an entry of the wrong shape', (journal: string) => `${JSON.stringify({ version: INDEX_SCHEMA_VERSION, journal, templates: '', shards: 1 })}\n"2026"\t${JSON.stringify({ 'entries/2026/2026-11-25-end-of-day.md': { path: 'entries/2026/2026-11-25-end-of-day.md', date: '2026-11-25', items: 'not a list', mtimeMs: 1, size: 1 } })}\n`],
  ] as const) {
    it(`moves a corrupt index (${name}) aside and rebuilds it from the files`, async () => {
      const { journal, indexFile, logs, open } = setup();
      const content = makeContent(journal);
      entry(journal, '2026-11-25', '## What went well?\n- Survives\n');
      mkdirSync(path.dirname(indexFile), { recursive: true });
      writeFileSync(indexFile, content);
      const index = open();
      const stats = await index.load();
      assert.equal(stats.cache, 'corrupt');
      assert.equal(index.entries()[0].items[0].text, 'Survives');
      const aside = readdirSync(path.dirname(indexFile)).filter((f) => f.startsWith('index.json.corrupt-'));
      assert.equal(aside.length, 1);
      assert.equal(readFileSync(path.join(path.dirname(indexFile), aside[0]), 'utf8'), content);
      assert.equal((await stored(indexFile))?.header.version, INDEX_SCHEMA_VERSION);
      assert.match(logs.join('\n'), /moved it to/);
    });
  }

  it('rebuilds an index of an older schema version without moving it aside', async () => {
    const { journal, indexFile, open } = setup();
    entry(journal, '2026-11-25', '## What went well?\n- x\n');
    mkdirSync(path.dirname(indexFile), { recursive: true });
    writeFileSync(indexFile, JSON.stringify({ version: 1, journal, entries: { 'entries/old.md': {} } }));
    const index = open();
    const stats = await index.load();
    assert.deepEqual([stats.cache, stats.parsed], ['outdated', 1]);
    assert.deepEqual(index.entries().map((e) => e.path), ['entries/2026/2026-11-25-end-of-day.md']);
    assert.deepEqual(readdirSync(path.dirname(indexFile)), ['index.json']);
  });

  it('never reads a link in the journal, to a file or a folder, and says which it skipped', async () => {
    const { journal, logs, open } = setup();
    entry(journal, '2026-11-25', '## What went well?\n- ok\n');
    const outside = tempDir();
    writeFileSync(path.join(outside, 'id_ed25519'), '## What went well?\n- PRIVATE KEY\n');
    mkdirSync(path.join(outside, 'year'));
    writeFileSync(path.join(outside, 'year', '2027-01-02-end-of-day.md'), '## What went well?\n- elsewhere\n');
    symlinkSync(path.join(outside, 'id_ed25519'), path.join(journal, 'entries', '2026', '2026-11-24-end-of-day.md'));
    symlinkSync(path.join(outside, 'year'), path.join(journal, 'entries', '2027'));
    const index = open();
    const stats = await index.load();
    assert.equal(stats.total, 1);
    assert.deepEqual(stats.links, ['entries/2026/2026-11-24-end-of-day.md', 'entries/2027']);
    assert.deepEqual(index.entries().map((e) => e.items[0].text), ['ok']);
    // A watcher reporting a change through either link changes nothing.
    assert.equal(await index.update(path.join(journal, 'entries', '2026', '2026-11-24-end-of-day.md')), 'unchanged');
    assert.equal(await index.update(path.join(journal, 'entries', '2027', '2027-01-02-end-of-day.md')), 'unchanged');
    assert.doesNotMatch(JSON.stringify(index.entries()), /PRIVATE KEY|elsewhere/);
    assert.doesNotMatch(logs.join('\n'), /PRIVATE KEY/);
  });

  it('skips an entries folder that is itself a link, on a full scan and on an update alike', async () => {
    const { journal, open } = setup();
    const elsewhere = tempDir();
    mkdirSync(path.join(elsewhere, '2026'));
    writeFileSync(path.join(elsewhere, '2026', '2026-11-25-end-of-day.md'), '## What went well?\n- elsewhere\n');
    symlinkSync(elsewhere, path.join(journal, 'entries'));
    const index = open();
    const stats = await index.load();
    assert.deepEqual([stats.total, stats.links], [0, ['entries']]);
    assert.equal(await index.update(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md')), 'unchanged');
    assert.deepEqual(index.entries(), []);
  });

  it('survives two windows racing on the same index file', async () => {
    const { journal, indexFile, open } = setup();
    for (let d = 1; d <= 30; d++) entry(journal, `2026-11-${String(d).padStart(2, '0')}`, `## What went well?\n- Day ${d}\n`);
    const [a, b] = [open(), open()];
    await Promise.all([a.load(), b.load(), a.rebuild(), b.rebuild()]);
    await Promise.all([a.flush(), b.flush()]);
    // Whatever the last rename left is a whole index: the next start reads it warm, parses nothing.
    const c = open();
    const stats = await c.load();
    assert.deepEqual([stats.cache, stats.parsed, stats.removed, stats.total], ['warm', 0, 0, 30]);
    const days = Array.from({ length: 30 }, (_, i) => 30 - i);
    assert.deepEqual(
      c.entries().map((e) => [e.date, e.items.map((i) => i.text)]),
      days.map((d) => [`2026-11-${String(d).padStart(2, '0')}`, [`Day ${d}`]]),
    );
    assert.equal(Object.keys((await stored(indexFile))?.entries ?? {}).length, 30, 'the file itself holds every entry');
  });

  describe('user templates\' sections: maps', () => {
    const template = (map: string): string => `---\nname: On call\ntype: oncall\nsections: { ${map} }\n---\n## What hurt\n- \n\n## Shout-outs\n- \n`;

    /** A journal with one template and an entry written from it by Start Retro's renderer, answered. */
    async function templated(): Promise<{ journal: string; indexFile: string; logs: string[]; open: () => JournalIndex; entryFile: string; writeTemplate: (map: string) => void }> {
      const base = setup();
      const writeTemplate = (map: string): void => writeFileSync(path.join(base.journal, 'templates', 'oncall.md'), template(map));
      mkdirSync(path.join(base.journal, 'templates'));
      writeTemplate('"What hurt": drains, "Shout-outs": wins');
      const [oncall] = await loadUserTemplates(base.journal);
      const text = renderUserRetro(oncall, { date: WEDNESDAY_EVENING, workspace: 'shop' })
        .text.replace('## What hurt\n- ', '## What hurt\n- 3am page')
        .replace('## Shout-outs\n- ', '## Shout-outs\n- Sam took the handover');
      const entryFile = path.join(base.journal, 'entries', '2026', '2026-11-25-oncall.md');
      mkdirSync(path.dirname(entryFile), { recursive: true });
      writeFileSync(entryFile, text);
      entry(base.journal, '2026-11-24', '## What hurt\n- a long review\n'); // another type: never remapped
      const open = (): JournalIndex => new JournalIndex(base.journal, base.indexFile, (m) => base.logs.push(m), undefined, () => loadTemplateSections(base.journal));
      return { ...base, open, entryFile, writeTemplate };
    }

    const oncallItems = (index: JournalIndex): string[][] => index.entry('entries/2026/2026-11-25-oncall.md')!.items.map((i) => [i.group, i.text]);

    it('files a new entry\'s bullets by its template\'s map, though the entry carries no sections: of its own', async () => {
      const { open, entryFile, indexFile } = await templated();
      assert.doesNotMatch(readFileSync(entryFile, 'utf8'), /^sections:/m);
      const index = open();
      await index.load();
      assert.deepEqual(oncallItems(index), [
        ['drains', '3am page'],
        ['wins', 'Sam took the handover'],
      ]);
      assert.deepEqual(index.entry('entries/2026/2026-11-24-end-of-day.md')!.items.map((i) => i.group), ['setbacks'], 'another type reads "What hurt" by its meaning');
      assert.match((await stored(indexFile))!.header.templates, /^[0-9a-f]{16}$/, 'the header records which maps the entries were read with');
    });

    it('re-files the entries of a type whose map changed, and only those, when told the templates changed', async () => {
      const { open, writeTemplate, indexFile } = await templated();
      const index = open();
      await index.load();
      let changes = 0;
      index.onDidChange(() => changes++);
      assert.equal((await index.refreshTemplates()).parsed, 0, 'nothing changed: nothing read');
      assert.equal(changes, 0);

      writeTemplate('"What hurt": energizers, "Shout-outs": feedback');
      const stats = await index.refreshTemplates();
      assert.equal(stats.parsed, 1, 'only the oncall entry is read again');
      assert.equal(changes, 1);
      assert.deepEqual(oncallItems(index), [
        ['energizers', '3am page'],
        ['feedback', 'Sam took the handover'],
      ]);
      assert.deepEqual(index.entry('entries/2026/2026-11-24-end-of-day.md')!.items.map((i) => i.group), ['setbacks']);
      await index.flush();
      const saved = await stored(indexFile);
      assert.equal(saved!.header.templates, (await loadTemplateSections(index.journalFolder)).digest);
      assert.deepEqual(saved!.entries['entries/2026/2026-11-25-oncall.md'].items.map((i) => i.group), ['energizers', 'feedback']);

      // A change no watcher reported is found by the next rescan too; a template removed drops its map.
      writeTemplate('"Shout-outs": wins');
      await index.rescan();
      assert.deepEqual(oncallItems(index), [
        ['setbacks', '3am page'],
        ['wins', 'Sam took the handover'],
      ]);
      await index.flush();
    });

    it('reads every entry again on load when the cache was built with other maps, then starts warm', async () => {
      const { open, writeTemplate, logs } = await templated();
      await open().load();
      writeTemplate('"What hurt": lessons, "Shout-outs": wins');
      const index = open();
      const stats = await index.load();
      assert.deepEqual([stats.cache, stats.parsed, stats.total, stats.removed], ['remapped', 2, 2, 0]);
      assert.deepEqual(oncallItems(index), [
        ['lessons', '3am page'],
        ['wins', 'Sam took the handover'],
      ]);
      assert.match(logs.join('\n'), /other templates' sections/);
      assert.doesNotMatch(logs.join('\n'), /unreadable|moved it to/, 'not a damaged cache');
      const again = await open().load();
      assert.deepEqual([again.cache, again.parsed], ['warm', 0]);
    });

    it('still honours an older entry\'s own copied sections: over the template\'s map', async () => {
      const { open, entryFile, writeTemplate } = await templated();
      writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace('type: oncall\n', 'type: oncall\nsections: { "What hurt": drains }\n'));
      writeTemplate('"What hurt": lessons, "Shout-outs": wins');
      const index = open();
      await index.load();
      assert.deepEqual(oncallItems(index), [
        ['drains', '3am page'],
        ['wins', 'Sam took the handover'],
      ]);
    });

    it('never reads a template that is a link', async () => {
      const { journal, open } = await templated();
      rmSync(path.join(journal, 'templates', 'oncall.md'));
      const outside = tempDir();
      writeFileSync(path.join(outside, 'oncall.md'), template('"What hurt": drains, "Shout-outs": wins'));
      symlinkSync(path.join(outside, 'oncall.md'), path.join(journal, 'templates', 'oncall.md'));
      const index = open();
      await index.load();
      assert.deepEqual(oncallItems(index), [['setbacks', '3am page']], 'read by meaning only: the linked map was never read');
    });
  });
});
