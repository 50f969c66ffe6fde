// Turning points (src/core/review/turningPoints.ts) against the truth: the week the journal changed,
// energy before and after, and which drains left or stayed.
import * as assert from 'node:assert/strict';
import { turningPoints } from '../../src/core/review/turningPoints';
import { contentStems } from '../../src/core/review/words';
import { EvalJournal, loadJournal, table, truth } from './priyaJournal';

const PERIOD = { from: '2026-08-01', to: '2026-11-30' };
const DATE_DAYS = 7;
const ENERGY_TOLERANCE = 0.4;
const DRAINS_LEFT_FOUND = 2;

const days = (a: string, b: string): number => Math.round(Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A truth theme is found when one of our labels shares a stem with its content words. */
function found(theme: string, labels: readonly string[]): string | undefined {
  const stems = new Set(contentStems(theme));
  return labels.find((l) => contentStems(l).some((s) => stems.has(s)));
}

describe('insight eval: turning points', () => {
  let journal: EvalJournal;

  before(async () => {
    journal = await loadJournal();
  });

  after(() => journal.dispose());

  it('finds the week the journal changed, with energy and drains before and after', () => {
    const started = process.hrtime.bigint();
    const points = turningPoints(journal.entries, PERIOD);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const t = truth.turningPoint;
    const p = points[0];
    assert.ok(p, 'a turning point was found');
    const drainsLeft = p.left.filter((x) => x.group === 'drains').map((x) => x.label);
    const drainsStayed = p.stayed.filter((x) => x.group === 'drains').map((x) => x.label);
    const leftFound = t.drainsLeft.map((theme) => [theme, found(theme, drainsLeft)] as const);
    const stayedFound = t.drainsStayed.map((theme) => [theme, found(theme, drainsStayed)] as const);
    const rows: (string | number)[][] = [
      ['date', t.date, p.date, `${days(t.date, p.date)} days`],
      ['energy before', t.energyBefore, p.energyBefore ?? '-', p.energyBefore === undefined ? '-' : (p.energyBefore - t.energyBefore).toFixed(2)],
      ['energy after', t.energyAfter, p.energyAfter ?? '-', p.energyAfter === undefined ? '-' : (p.energyAfter - t.energyAfter).toFixed(2)],
      ['drains left', t.drainsLeft.join(', '), drainsLeft.join(', '), `${leftFound.filter(([, f]) => f).length}/${t.drainsLeft.length}`],
      ['drains stayed', t.drainsStayed.join(', '), drainsStayed.join(', '), `${stayedFound.filter(([, f]) => f).length}/${t.drainsStayed.length}`],
    ];
    const topDrains = truth.topDrains.map((d) => {
      const stems = new Set(contentStems(d.theme));
      const shift = [...p.left, ...p.arrived, ...p.stayed].find((x) => x.group === 'drains' && contentStems(x.label).some((s) => stems.has(s)));
      return `${d.theme} (truth ${d.before ? 'before' : '-'}/${d.after ? 'after' : '-'}: ours ${shift ? `${shift.before} before, ${shift.after} after` : 'not shown'})`;
    });
    console.log(
      [
        '',
        table(['', 'truth', 'ours', 'score'], rows),
        `      sentence: ${p.sentence}`,
        `      around: ${p.around.map((a) => `${a.date} ${a.path}`).join('; ')}`,
        `      turning points: ${points.length} (${ms.toFixed(1)} ms)`,
        ...(process.env.EVAL_VERBOSE ? [...points.slice(1).map((x) => `        also: ${x.sentence}`), ...topDrains.map((d) => `        top drain: ${d}`)] : []),
      ].join('\n'),
    );
    assert.ok(days(t.date, p.date) <= DATE_DAYS, `date ${p.date} within ${DATE_DAYS} days of ${t.date}`);
    assert.ok(p.energyBefore !== undefined && Math.abs(p.energyBefore - t.energyBefore) <= ENERGY_TOLERANCE, `energy before ${p.energyBefore} ≈ ${t.energyBefore}`);
    assert.ok(p.energyAfter !== undefined && Math.abs(p.energyAfter - t.energyAfter) <= ENERGY_TOLERANCE, `energy after ${p.energyAfter} ≈ ${t.energyAfter}`);
    assert.ok(leftFound.filter(([, f]) => f).length >= DRAINS_LEFT_FOUND, `drains left: ${leftFound.map(([th, f]) => `${th} → ${f ?? 'missed'}`).join(', ')}`);
  });
});
