import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { findPatterns, stem, termsOf } from '../../../../src/core/review/patterns';

const entry = (date: string, drains: string[]): IndexedEntry => ({
  ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, `## What drained me?\n${drains.map((d) => `- ${d}`).join('\n')}\n`),
  mtimeMs: 0,
  size: 0,
});

describe('patterns', () => {
  it('folds plurals and verb endings together', () => {
    assert.deepEqual(['meetings', 'meeting', 'meets', 'reviewed', 'reviewing', 'reviews', 'shipped', 'shipping', 'processes', 'focus', 'calls', 'stories'].map(stem), [
      'meet', 'meet', 'meet', 'review', 'review', 'review', 'ship', 'ship', 'process', 'focus', 'call', 'story',
    ]);
  });

  it('reads words, two-word phrases and #tags, without stop words, names as written', () => {
    const terms = termsOf('Paired with Ana on the flaky tests #testing');
    assert.deepEqual(terms.map((t) => [t.kind, t.surface]), [
      ['tag', '#testing'],
      ['word', 'paired'],
      ['word', 'Ana'],
      ['word', 'flaky'],
      ['word', 'tests'],
      ['phrase', 'flaky tests'],
    ]);
  });

  it('needs three entries, counts an entry once, and lists where it came from', () => {
    const entries = [
      entry('2026-11-02', ['Back-to-back meetings', 'More meetings after lunch']),
      entry('2026-11-03', ['A meeting without an agenda']),
      entry('2026-11-04', ['Slack pings']),
      entry('2026-11-05', ['Meetings again', 'Slack pings during focus time']),
    ];
    const patterns = findPatterns(entries);
    assert.deepEqual(patterns.map((p) => [p.group, p.label, p.entries]), [['drains', 'meetings', 3]]);
    assert.deepEqual(patterns[0].sources.map((s) => [s.date, s.text]), [
      ['2026-11-02', 'Back-to-back meetings'],
      ['2026-11-02', 'More meetings after lunch'],
      ['2026-11-03', 'A meeting without an agenda'],
      ['2026-11-05', 'Meetings again'],
    ]);
    assert.deepEqual(findPatterns(entries.slice(0, 2)), []);
  });
});
