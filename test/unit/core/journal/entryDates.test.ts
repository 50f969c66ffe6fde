// An entry's day: its name, then its front matter, then the journal's git history; the file's
// mtime only for a file the history does not hold (written here, not cloned).
import * as assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../../../../src/core/journal/journalIndex';
import { firstCommitDates } from '../../../../src/core/sync/journalHistory';
import { toIsoDate } from '../../../../src/core/toolkit/localDates';
import { git, makeRepo, tempDir } from '../../fixtures';

function write(journal: string, rel: string, text: string): string {
  const file = path.join(journal, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('entry dates', () => {
  it('dates an undated entry by the day it was first committed, not by its (cloned) mtime', async () => {
    const journal = makeRepo(tempDir());
    write(journal, 'entries/2026/retro-after-offsite.md', '## Went well\n- the offsite\n');
    git(journal, ['add', '.']);
    git(journal, ['commit', '--quiet', '-m', 'retro'], { GIT_AUTHOR_DATE: '2026-09-24T18:00:00', GIT_COMMITTER_DATE: '2026-09-24T18:00:00' });
    write(journal, 'entries/2026/uncommitted.md', '## Went well\n- new here\n');
    const uncommitted = path.join(journal, 'entries/2026/uncommitted.md');
    utimesSync(uncommitted, new Date(2026, 10, 3, 21, 0), new Date(2026, 10, 3, 21, 0));

    const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'), () => undefined, (rels) => firstCommitDates(journal, rels));
    await index.load();
    assert.equal(index.entry('entries/2026/retro-after-offsite.md')?.date, '2026-09-24');
    assert.equal(index.entry('entries/2026/uncommitted.md')?.date, '2026-11-03', 'not in history: written here, so its mtime is its day');
  });

  it('keeps the name and front matter first, and asks history only for what they leave undated', async () => {
    const journal = tempDir();
    write(journal, 'entries/2026/2026-08-26.md', '## Highlights\n- a\n');
    write(journal, 'entries/2026/offsite.md', '---\ndate: 2026-09-24\n---\n');
    write(journal, 'entries/2026/loose.md', 'just text\n');
    const asked: string[][] = [];
    const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'), () => undefined, async (rels) => {
      asked.push(rels);
      return new Map([['entries/2026/loose.md', '2026-07-01']]);
    });
    await index.load();
    assert.deepEqual(asked, [['entries/2026/loose.md']]);
    assert.deepEqual(
      index.entries().map((e) => [e.path, e.date]),
      [
        ['entries/2026/offsite.md', '2026-09-24'],
        ['entries/2026/2026-08-26.md', '2026-08-26'],
        ['entries/2026/loose.md', '2026-07-01'],
      ],
    );
  });

  it('falls back to the local day of the mtime when history fails', async () => {
    const journal = tempDir();
    const file = write(journal, 'entries/2026/loose.md', 'just text\n');
    const logs: string[] = [];
    const index = new JournalIndex(journal, path.join(tempDir(), 'index.json'), (m) => logs.push(m), async () => {
      throw new Error('git is not installed');
    });
    await index.load();
    const { mtime } = await import('node:fs').then((fs) => fs.statSync(file));
    assert.equal(index.entry('entries/2026/loose.md')?.date, toIsoDate(mtime));
    assert.ok(logs.some((l) => l.includes('git is not installed')));
  });
});
