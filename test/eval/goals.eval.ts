// Goals with evidence (src/core/review/goalEvidence.ts) against the truth's five goals: the verdict
// a coach would give each one, and how many of the truth's evidence lines we list for it.
import * as assert from 'node:assert/strict';
import { goalEvidence, GoalEvidence } from '../../src/core/review/goalEvidence';
import { contains, EvalJournal, loadJournal, pct, ratio, table, truth } from './priyaJournal';

const PERIOD = { from: '2026-08-01', to: '2026-11-30' };

describe('insight eval: goals with evidence', () => {
  let journal: EvalJournal;

  before(async () => {
    journal = await loadJournal();
  });

  after(() => journal.dispose());

  it('gives every goal the verdict a coach would, with the lines that show it', () => {
    const ours = goalEvidence(journal.goals, journal.entries, PERIOD);
    const byTitle = new Map<string, GoalEvidence>(ours.map((g) => [g.goal.title, g]));
    const rows: (string | number)[][] = [];
    const wrong: string[] = [];
    const details: string[] = [];
    let fragments = 0;
    let foundFragments = 0;
    for (const t of truth.goals) {
      const g = byTitle.get(t.title);
      const found = t.evidence.filter((f) => g?.lines.some((l) => contains(l.text, f)));
      fragments += t.evidence.length;
      foundFragments += found.length;
      const status = g?.verdict ?? '(missing)';
      if (status !== t.status) wrong.push(`${t.title}: truth ${t.status}, ours ${status}`);
      rows.push([t.title.slice(0, 44), t.status, status, `${found.length}/${t.evidence.length}`, g?.lines.length ?? 0]);
      details.push(`        ${t.title}: ${g?.note ?? '(missing)'}`);
      if (process.env.EVAL_VERBOSE) {
        for (const f of t.evidence) if (!found.includes(f)) details.push(`          missed "${f}"`);
        for (const l of g?.lines ?? []) if (!t.evidence.some((f) => contains(l.text, f))) details.push(`          also ${l.date} ${l.group}: ${l.text.slice(0, 90)}`);
      }
    }
    console.log(['', table(['goal', 'truth', 'ours', 'evidence found', 'lines'], rows), `      evidence recall: ${foundFragments}/${fragments} (${pct(ratio(foundFragments, fragments))})`, ...details].join('\n'));
    assert.deepEqual(wrong, [], 'every goal status right');
  });
});
