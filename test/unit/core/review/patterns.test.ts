import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { findPatterns, termsOf } from '../../../../src/core/review/patterns';

const entry = (date: string, drains: string[]): IndexedEntry => ({
  ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, `## What drained me?\n${drains.map((d) => `- ${d}`).join('\n')}\n`),
  mtimeMs: 0,
  size: 0,
});

describe('patterns', () => {
  it('reads themes, words, two-word phrases and #tags, without stop words, names as written', () => {
    const terms = termsOf('Paired with Ana on the flaky tests #testing');
    assert.deepEqual(terms.map((t) => [t.kind, t.surface]), [
      ['tag', '#testing'],
      ['theme', 'paired'],
      ['word', 'paired'],
      ['word', 'Ana'],
      ['word', 'flaky'],
      ['word', 'tests'],
      ['phrase', 'flaky tests'],
    ]);
  });

  it('gathers the many ways of writing one theme, and shows the words each line used', () => {
    const entries = [
      entry('2026-11-02', ['Two hours of deep work before standup']),
      entry('2026-11-03', ['Focused morning on the parser']),
      entry('2026-11-04', ['Heads-down afternoon, no Slack']),
      entry('2026-11-05', ['Uninterrupted block after lunch']),
    ].map((e) => ({ ...e, items: e.items.map((i) => ({ ...i, group: 'energizers' as const })) }));
    const [focus, ...rest] = findPatterns(entries);
    assert.deepEqual([focus.label, focus.kind, focus.entries], ['focus time', 'theme', 4]);
    assert.deepEqual(focus.sources.map((s) => s.match), ['deep work', 'Focused', 'Heads-down', 'Uninterrupted']);
    for (const s of focus.sources) assert.ok(s.text.includes(s.match), `${s.text} shows "${s.match}"`);
    assert.deepEqual(rest, []);
  });

  it('folds a word written mostly beside a theme into it, and keeps one that is not', () => {
    const entries = [
      entry('2026-11-02', ['Meetings all morning', 'Flaky CI again']),
      entry('2026-11-03', ['Three meetings before noon', 'Flaky CI on main']),
      entry('2026-11-04', ['Meeting overran', 'CI flaky, reran four times']),
    ];
    const labels = findPatterns(entries).map((p) => [p.label, p.kind, p.entries]);
    assert.deepEqual(labels, [
      ['meetings', 'theme', 3],
      ['flaky', 'word', 3],
    ]);
  });

  it('counts a tag once however it is capitalized', () => {
    const entries = ['#OnCall pager again', '#oncall noisy night', 'pager duty #Oncall'].map((d, i) => entry(`2026-11-0${i + 2}`, [d]));
    const tag = findPatterns(entries).find((p) => p.kind === 'tag');
    assert.deepEqual([tag?.label, tag?.entries], ['#oncall', 3]);
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
