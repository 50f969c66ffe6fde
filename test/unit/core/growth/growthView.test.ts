import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { byMonth, groupCounts, monthLabel, notesOf } from '../../../../src/core/growth/growthView';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';

const entry = (date: string, body: string): IndexedEntry => ({ ...summarizeEntry(`entries/${date.slice(0, 4)}/${date}-end-of-day.md`, body), mtimeMs: 0, size: 0 });

const ENTRIES = [
  entry('2026-10-30', "## What went well?\n- October win\n## One thing I'll do differently\n- Block focus time\n- Write the test first\n"),
  entry('2026-11-02', '## Last time\n- [x] Block focus time\n- [ ] Write the test first\n## What went well?\n- November win\n## Progress on my goals\n- Outlined the talk to give a tech talk\n'),
  entry('2026-11-20', '## What went well?\n- Late November win\n## Progress on my goals\n- Rehearsed #speaking\n- Unrelated progress\n## Helped others\n- Reviewed @sam\'s first PR\n'),
];

describe('growth view', () => {
  it('lists a group newest first, limited to a period', () => {
    assert.deepEqual(notesOf('wins', ENTRIES).map((n) => [n.text, n.date]), [
      ['Late November win', '2026-11-20'],
      ['November win', '2026-11-02'],
      ['October win', '2026-10-30'],
    ]);
    assert.deepEqual(notesOf('wins', ENTRIES, { from: '2026-11-01', to: '2026-11-19' }).map((n) => n.text), ['November win']);
    assert.deepEqual(groupCounts(ENTRIES, [], { from: '2026-11-01' }), { goals: 0, wins: 2, setbacks: 0, feedback: 0, lessons: 0, energizers: 0, drains: 0, changes: 0, helping: 1 });
    assert.deepEqual(notesOf('helping', ENTRIES).map((n) => [n.text, n.date, n.line]), [["Reviewed @sam's first PR", '2026-11-20', 6]]);
  });

  it('marks a commitment done when a later retro ticked it in "Last time"', () => {
    assert.deepEqual(notesOf('changes', ENTRIES).map((n) => [n.text, n.done]), [
      ['Block focus time', true],
      ['Write the test first', false],
    ]);
  });

  it('groups by month, newest first', () => {
    assert.deepEqual(byMonth(notesOf('wins', ENTRIES)).map((m) => [monthLabel(m.month), m.notes.length]), [
      ['November 2026', 2],
      ['October 2026', 1],
    ]);
  });
});
