// Every entry read, on the right day, with its lines filed where a coach would file them
// (test/eval/fixtures/README.md). Prints recall and precision per group.
import * as assert from 'node:assert/strict';
import { IndexedEntry } from '../../src/core/journal/journalIndex';
import { GROWTH_GROUPS, GrowthGroup } from '../../src/shared/noteKinds';
import { EvalJournal, loadJournal, pct, ratio, truth } from './priyaJournal';

const ENTRIES_READ = 1.0;
const ITEM_RECALL = 0.9;
const ITEM_PRECISION = 0.85;

describe('insight eval: a four-month journal against its truth', () => {
  let journal: EvalJournal;
  let entries: Map<string, IndexedEntry>;

  before(async () => {
    journal = await loadJournal();
    entries = new Map(journal.entries.map((e) => [e.path, e]));
  });

  after(() => journal.dispose());

  it('reads every entry, on the right day, and files its lines where a coach would', () => {
    const misread: string[] = [];
    let read = 0;
    const perGroup = new Map<GrowthGroup, { expected: number; found: number; given: number; right: number }>();
    for (const g of GROWTH_GROUPS) perGroup.set(g, { expected: 0, found: 0, given: 0, right: 0 });
    for (const t of truth.entries) {
      const e = entries.get(t.file);
      if (!e) {
        misread.push(`${t.file}: not indexed`);
        continue;
      }
      if (e.date === t.date) read++;
      else misread.push(`${t.file}: dated ${e.date || '(none)'}, truth ${t.date}`);
      for (const g of GROWTH_GROUPS) {
        const want = t.items[g] ?? [];
        const got = e.items.filter((i) => i.group === g);
        const s = perGroup.get(g)!;
        s.expected += want.length;
        s.found += want.filter((w) => got.some((i) => i.text.includes(w))).length;
        s.given += got.length;
        s.right += got.filter((i) => want.some((w) => i.text.includes(w))).length;
        for (const w of want) if (!got.some((i) => i.text.includes(w))) misread.push(`${t.file}: missed ${g} "${w}"`);
        for (const i of got) if (!want.some((w) => i.text.includes(w))) misread.push(`${t.file}: wrongly ${g} "${i.text.slice(0, 70)}"`);
      }
    }
    const total = [...perGroup.values()].reduce((a, s) => ({ expected: a.expected + s.expected, found: a.found + s.found, given: a.given + s.given, right: a.right + s.right }), { expected: 0, found: 0, given: 0, right: 0 });
    const rows = [...perGroup].map(([g, s]) => `| ${g.padEnd(10)} | ${String(s.expected).padStart(5)} | ${pct(ratio(s.found, s.expected)).padStart(7)} | ${pct(ratio(s.right, s.given)).padStart(9)} |`);
    console.log(
      [
        '',
        `      entries read on the right day: ${read} of ${truth.entries.length} (${pct(ratio(read, truth.entries.length))})`,
        '      | group      | lines |  recall | precision |',
        '      |------------|-------|---------|-----------|',
        ...rows.map((r) => `      ${r}`),
        `      | all        | ${String(total.expected).padStart(5)} | ${pct(ratio(total.found, total.expected)).padStart(7)} | ${pct(ratio(total.right, total.given)).padStart(9)} |`,
        ...(process.env.EVAL_VERBOSE ? misread.map((m) => `        ${m}`) : []),
      ].join('\n'),
    );
    assert.ok(ratio(read, truth.entries.length) >= ENTRIES_READ, `entries read on the right day: ${read} of ${truth.entries.length}\n${misread.filter((m) => /not indexed|dated/.test(m)).join('\n')}`);
    assert.ok(ratio(total.found, total.expected) >= ITEM_RECALL, `line recall ${pct(ratio(total.found, total.expected))} < ${pct(ITEM_RECALL)} (EVAL_VERBOSE=1 lists each miss)`);
    assert.ok(ratio(total.right, total.given) >= ITEM_PRECISION, `line precision ${pct(ratio(total.right, total.given))} < ${pct(ITEM_PRECISION)} (EVAL_VERBOSE=1 lists each)`);
  });
});
