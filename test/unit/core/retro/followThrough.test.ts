import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openCommitments, previousRetro } from '../../../../src/core/retro/followThrough';
import { entriesIn, tempDir } from '../../fixtures';

function writeEntry(journal: string, name: string, text = ''): string {
  const file = path.join(journal, 'entries', name.slice(0, 4), name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('follow-through', () => {
  it('finds the latest earlier retro of the same type, across years', async () => {
    const journal = tempDir();
    writeEntry(journal, '2025-12-30-end-of-day.md');
    writeEntry(journal, '2026-01-02-sprint.md');
    writeEntry(journal, '2026-01-05-end-of-day.md'); // today: not "previous"
    const entries = await entriesIn(journal);
    assert.deepEqual(previousRetro(entries, 'end-of-day', '2026-01-05'), {
      path: 'entries/2025/2025-12-30-end-of-day.md',
      date: '2025-12-30',
      type: 'end-of-day',
    });
    assert.equal(previousRetro(entries, 'sprint', '2026-01-05')?.date, '2026-01-02');
    assert.equal(previousRetro(entries, 'weekly', '2026-01-05'), undefined);
  });

  it('takes the type and date an entry declares, so a hand-named entry keeps the chain', async () => {
    const journal = tempDir();
    writeEntry(journal, '2026-01-01-end-of-day.md');
    writeEntry(journal, '2026-01-02-friday.md', '---\ntype: end-of-day\ndate: 2026-01-02\n---\n## Went well\n');
    assert.equal(previousRetro(await entriesIn(journal), 'end-of-day', '2026-01-05')?.path, 'entries/2026/2026-01-02-friday.md');
  });

  it('has no previous retro in an empty or missing journal', async () => {
    assert.equal(previousRetro(await entriesIn(path.join(tempDir(), 'nope')), 'end-of-day', '2026-01-05'), undefined);
  });

  it('carries unticked commitments and unticked "Last time" items, not ticked or dropped ones', () => {
    const previous = [
      '---',
      'type: end-of-day',
      '---',
      '## Last time',
      '- [x] Write tests first',
      '- [ ] Block focus time',
      '## What went well?',
      '- Shipped it',
      "## One thing I'll do differently",
      '- Ask for review earlier',
      '- [x] Already done the same day',
      '- [ ] block focus time',
      '  - a nested note, not a commitment',
      '- ',
    ].join('\n');
    assert.deepEqual(openCommitments(previous), ['Block focus time', 'Ask for review earlier']);
  });

  it('recognizes the commitment section by its wording, with typographic apostrophes too', () => {
    assert.deepEqual(openCommitments('## One thing I’ll do differently\n* Say no to one meeting\n'), ['Say no to one meeting']);
    assert.deepEqual(openCommitments('## What went well?\n- nothing to carry\n'), []);
  });
});
