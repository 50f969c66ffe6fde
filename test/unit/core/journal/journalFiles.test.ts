import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createFileExclusive, ensureFolder, entryPath, JournalFolderError, parseEntryName, resolveJournalFolder } from '../../../../src/core/journal/journalFiles';
import { tempDir } from '../../fixtures';

describe('journal folder and files', () => {
  it('expands ~ and ${workspaceFolder}', () => {
    assert.equal(resolveJournalFolder('~/reflect-journal', { home: '/home/ada' }), '/home/ada/reflect-journal');
    assert.equal(resolveJournalFolder('~', { home: '/home/ada' }), '/home/ada');
    assert.equal(resolveJournalFolder('${workspaceFolder}/.reflect', { workspaceFolder: '/src/shop' }), '/src/shop/.reflect');
    assert.equal(resolveJournalFolder('', { home: '/home/ada' }), '/home/ada/reflect-journal');
  });

  it('refuses a relative folder or ${workspaceFolder} with no folder open, naming the problem', () => {
    assert.throws(() => resolveJournalFolder('journal'), (err: unknown) => err instanceof JournalFolderError && /absolute/.test(err.reason));
    assert.throws(() => resolveJournalFolder('${workspaceFolder}/j'), (err: unknown) => err instanceof JournalFolderError && /no folder is open/.test(err.reason));
  });

  it('files entries by year and date with the type as suffix', () => {
    assert.equal(entryPath('/j', '2026-11-25', 'end-of-day'), path.join('/j', 'entries', '2026', '2026-11-25-end-of-day.md'));
    assert.deepEqual(parseEntryName('2026-11-25-end-of-day.md'), { date: '2026-11-25', type: 'end-of-day' });
    assert.equal(parseEntryName('notes.md'), undefined);
  });

  it('creates missing folders and writes the file, leaving no temp file behind', async () => {
    const target = path.join(tempDir(), 'entries', '2026', '2026-11-25-end-of-day.md');
    assert.equal(await createFileExclusive(target, 'hello'), 'created');
    assert.equal(readFileSync(target, 'utf8'), 'hello');
    assert.deepEqual(readdirSync(path.dirname(target)), ['2026-11-25-end-of-day.md']);
  });

  it('never replaces an existing file', async () => {
    const target = path.join(tempDir(), 'mine.md');
    writeFileSync(target, 'my own words');
    assert.equal(await createFileExclusive(target, 'template text'), 'exists');
    assert.equal(readFileSync(target, 'utf8'), 'my own words');
    assert.deepEqual(readdirSync(path.dirname(target)), ['mine.md']);
  });

  it('lets exactly one of many simultaneous writers create the file', async () => {
    const target = path.join(tempDir(), 'race.md');
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => createFileExclusive(target, `writer ${i}`)));
    assert.equal(outcomes.filter((o) => o === 'created').length, 1);
    assert.match(readFileSync(target, 'utf8'), /^writer \d+$/);
    assert.deepEqual(readdirSync(path.dirname(target)), ['race.md']);
  });

  it('creates a journal folder several levels deep, and fails at once where no folder can be made (under /proc)', async function () {
    const dir = tempDir();
    await ensureFolder(path.join(dir, 'a', 'b', 'c'));
    assert.deepEqual(readdirSync(path.join(dir, 'a', 'b')), ['c']);
    await ensureFolder(path.join(dir, 'a', 'b', 'c')); // already there: nothing to do
    if (process.platform !== 'linux') return;
    // Node's recursive mkdir never returns here; the journal folder setting must get an error instead.
    this.timeout(2000);
    await assert.rejects(
      ensureFolder('/proc/reflect-journal/entries'),
      (err: unknown) => err instanceof JournalFolderError && err.folder === '/proc/reflect-journal/entries' && /the file system at \/proc does not take new folders/.test(err.message) && !/ENOENT/.test(err.message),
    );
  });

  it('turns an unusable folder into a JournalFolderError naming the folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), '');
    const target = path.join(dir, 'a-file', 'entries', 'x.md');
    await assert.rejects(createFileExclusive(target, 'x'), (err: unknown) => {
      assert.ok(err instanceof JournalFolderError);
      assert.equal(err.folder, path.dirname(target));
      assert.match(err.reason, /is a file, not a folder/);
      return true;
    });
  });

  it('reports a read-only folder clearly', async function () {
    if (process.getuid?.() === 0) this.skip(); // root writes anywhere; the ENOTDIR case above covers root
    const dir = tempDir();
    mkdirSync(path.join(dir, 'ro'), { mode: 0o555 });
    await assert.rejects(createFileExclusive(path.join(dir, 'ro', 'x.md'), 'x'), /permission denied/);
  });
});
