// Follow-through: each commitment of the four months, found in our list and judged kept, dropped or
// open as the truth judges it (test/eval/fixtures/README.md). Prints a confusion table and the
// kept rate, ours against the truth.
import * as assert from 'node:assert/strict';
import { CommitmentFate, commitmentFates, Fate, keptRate } from '../../src/core/review/commitmentFates';
import { contains, EvalJournal, loadJournal, pct, ratio, table, truth } from './priyaJournal';

const JUDGED_RIGHT = 0.9;
const FATES: Fate[] = ['kept', 'dropped', 'open'];

describe('insight eval: what became of each commitment', () => {
  let journal: EvalJournal;

  before(async () => {
    journal = await loadJournal();
  });

  after(() => journal.dispose());

  it('judges each commitment kept, dropped or open as a coach would, with the line that shows it', () => {
    const started = process.hrtime.bigint();
    const ours = commitmentFates(journal.entries, {});
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const wrong: string[] = [];
    const matched = new Set<CommitmentFate>();
    const confusion = new Map<string, number>();
    let right = 0;
    let keptTruth = 0;
    let evidenceRight = 0;
    for (const t of truth.commitments) {
      const found = ours.find((c) => c.date === t.made && contains(c.text, t.text));
      const ourFate = found?.fate ?? 'missing';
      confusion.set(`${t.fate}/${ourFate}`, (confusion.get(`${t.fate}/${ourFate}`) ?? 0) + 1);
      if (found) matched.add(found);
      if (found?.fate === t.fate) right++;
      else wrong.push(`${t.made} "${t.text}": truth ${t.fate}${t.on ? ` on ${t.on}` : ''}, ours ${found ? `${found.fate}${found.on ? ` on ${found.on}` : ''} (${found.reason})` : 'not found'}`);
      if (t.fate === 'kept' && t.evidence) {
        keptTruth++;
        const fragment = t.evidence.replace(/^\[x\] /, '');
        if (found?.fate === 'kept' && found.evidence && contains(found.evidence.text, fragment)) evidenceRight++;
        else if (found?.fate === 'kept') wrong.push(`  evidence for "${t.text}": truth "${fragment}" on ${t.on}, ours "${found.evidence?.text ?? ''}" on ${found.on ?? ''}`);
      }
    }
    const extras = ours.filter((c) => !matched.has(c));
    const rate = keptRate(ours);
    const truthRate = keptRate(truth.commitments.map((t) => ({ text: t.text, date: t.made, path: '', line: 0, fate: t.fate, reason: '' })));
    const rows = FATES.map((f) => [`truth ${f}`, ...[...FATES, 'missing'].map((o) => confusion.get(`${f}/${o}`) ?? 0)]);
    console.log(
      [
        '',
        `      judged right: ${right} of ${truth.commitments.length} (${pct(ratio(right, truth.commitments.length))}); evidence right for kept: ${evidenceRight} of ${keptTruth} (${pct(ratio(evidenceRight, keptTruth))})`,
        table(['', 'ours kept', 'ours dropped', 'ours open', 'not found'], rows),
        `      kept rate: ours ${rate.kept} kept / ${rate.dropped} dropped / ${rate.open} open (${pct(rate.rate)}), truth ${truthRate.kept} / ${truthRate.dropped} / ${truthRate.open} (${pct(truthRate.rate)})`,
        `      our commitments not in the truth: ${extras.length}; ${ours.length} judged in ${ms.toFixed(1)} ms`,
        ...(process.env.EVAL_VERBOSE ? [...wrong, ...extras.map((e) => `extra: ${e.date} "${e.text}": ${e.fate} (${e.reason})`)].map((m) => `        ${m}`) : []),
      ].join('\n'),
    );
    assert.ok(ratio(right, truth.commitments.length) >= JUDGED_RIGHT, `judged right ${pct(ratio(right, truth.commitments.length))} < ${pct(JUDGED_RIGHT)} (EVAL_VERBOSE=1 lists each)`);
  });
});
