// The drains and energizers a coach would name (priya-truth.json topDrains/topEnergizers) against
// the review's "most recurring first" tables: how many of the coach's themes are among the rows,
// how many rows are one of them, and whether every example line shows the words of its row.
import * as assert from 'node:assert/strict';
import { findPatterns, Pattern } from '../../src/core/review/patterns';
import { contentStems } from '../../src/core/review/words';
import { EvalJournal, loadJournal, pct, ratio, table, truth } from './priyaJournal';

/** The review shows this many rows per table. */
const ROWS = 8;
const DRAIN_RECALL = 0.8;
const ENERGIZER_RECALL = 0.75;
const ROW_PRECISION = 0.5;

/** A row names a coach's theme when their words share a stem ("paged" and "on-call pages"). */
const names = (p: Pattern, theme: string): boolean => {
  const words = new Set(contentStems(theme));
  return contentStems(p.label.replace(/^#/, '')).some((s) => words.has(s));
};

describe('insight eval: what drained and energized, most recurring first', () => {
  let journal: EvalJournal;
  before(async () => (journal = await loadJournal()));
  after(() => journal.dispose());

  it('names the drains and energizers a coach would, with example lines that show them', () => {
    const patterns = findPatterns(journal.entries, 2);
    const rows = (group: 'drains' | 'energizers'): Pattern[] => patterns.filter((p) => p.group === group).slice(0, ROWS);
    const score = (group: 'drains' | 'energizers', themes: string[]): { recall: number; precision: number; missed: string[]; extra: string[] } => {
      const ours = rows(group);
      const found = themes.filter((t) => ours.some((p) => names(p, t)));
      const right = ours.filter((p) => themes.some((t) => names(p, t)));
      return {
        recall: ratio(found.length, themes.length),
        precision: ratio(right.length, ours.length),
        missed: themes.filter((t) => !found.includes(t)),
        extra: ours.filter((p) => !right.includes(p)).map((p) => p.label),
      };
    };
    const drains = score('drains', truth.topDrains.map((d) => d.theme));
    const energizers = score('energizers', truth.topEnergizers.map((e) => e.theme));
    const shown = patterns.flatMap((p) => p.sources);
    const showing = shown.filter((s) => s.text.includes(s.match)).length;
    console.log(
      [
        '',
        table(
          ['table', 'coach themes', 'recall', 'row precision', 'rows'],
          [
            ['drains', truth.topDrains.length, pct(drains.recall), pct(drains.precision), rows('drains').map((p) => `${p.label} (${p.entries})`).join(', ')],
            ['energizers', truth.topEnergizers.length, pct(energizers.recall), pct(energizers.precision), rows('energizers').map((p) => `${p.label} (${p.entries})`).join(', ')],
          ],
        ),
        `      example lines that show their row's words: ${showing} of ${shown.length}`,
        ...(process.env.EVAL_VERBOSE ? [...drains.missed, ...energizers.missed].map((m) => `        missed: ${m}`) : []),
      ].join('\n'),
    );
    assert.equal(showing, shown.length, 'every example line shows the words of its row');
    assert.ok(drains.recall >= DRAIN_RECALL, `drains recall ${pct(drains.recall)}; missed ${drains.missed.join('; ')}`);
    assert.ok(energizers.recall >= ENERGIZER_RECALL, `energizers recall ${pct(energizers.recall)}; missed ${energizers.missed.join('; ')}`);
    assert.ok(Math.min(drains.precision, energizers.precision) >= ROW_PRECISION, `row precision: drains ${pct(drains.precision)} (${drains.extra.join(', ')}), energizers ${pct(energizers.precision)} (${energizers.extra.join(', ')})`);
  });
});
