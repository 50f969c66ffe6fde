import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { energyOf } from '../../../../src/core/journal/entrySummary';
import { proseNotes } from '../../../../src/core/journal/proseNotes';

describe('prose entries and odd values', () => {
  it('files the sentences of a prose entry that carry meaning, and only those', () => {
    const body = [
      'Told Rafa yes today. From Monday I will work on the re-indexing project full time.',
      '',
      'I realized my bad weeks are the on-call weeks. Honestly I was exhausted by Thursday.',
      'But I feel relieved now. The weather was nice.',
    ].join('\n');
    assert.deepEqual(
      proseNotes(body, 5).map((n) => [n.group, n.line]),
      [
        ['changes', 5],
        ['changes', 5],
        ['lessons', 7],
        ['drains', 7],
        ['energizers', 8],
      ],
    );
  });

  it("files someone's quoted words after their name as feedback, and rules for oneself as commitments", () => {
    const body = [
      '- Ana: the migration plan was "the clearest one this quarter"',
      'Note: the vendor said "maybe"',
      'Tomorrow I\'m telling Lee the demo moves.',
      'And if I\'m stuck for an hour I ask in the channel.',
      'If it rains we stay in.',
    ].join('\n');
    assert.deepEqual(
      proseNotes(body).map((n) => [n.group, n.line]),
      [
        ['feedback', 0],
        ['changes', 2],
        ['changes', 3],
      ],
    );
  });

  it('reads a prose entry through summarizeEntry, but not when it has sections', () => {
    const prose = summarizeEntry('entries/2026/2026-10-02-end-of-day.md', '---\ntype: end-of-day\n---\nI decided to switch teams.\n');
    assert.deepEqual(prose.items.map((i) => [i.group, i.text, i.line]), [['changes', 'I decided to switch teams.', 3]]);
    const structured = summarizeEntry('entries/2026/2026-10-02-end-of-day.md', 'I decided nothing.\n## Wins\n- a win\n');
    assert.deepEqual(structured.items.map((i) => i.group), ['wins']);
  });

  it('reads energy written as 2/5, "4" or 3.5, and nothing outside 1 to 5', () => {
    assert.deepEqual(['2/5', '4', ' 3.5 ', 3, 0, 6, '9/10', 'high', null].map(energyOf), [2, 4, 3.5, 3, undefined, undefined, undefined, undefined, undefined]);
  });
});
