import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { turningPoints } from '../../../../src/core/review/turningPoints';

interface Day {
  energy?: number;
  drains?: string[];
  energizers?: string[];
}

/** Kofi, an SRE: one retro per weekday from 2 March 2026. */
const dateOf = (i: number): string => {
  const d = new Date(Date.UTC(2026, 2, 2));
  d.setUTCDate(d.getUTCDate() + Math.floor(i / 5) * 7 + (i % 5));
  return d.toISOString().slice(0, 10);
};

const journal = (days: Day[]): IndexedEntry[] =>
  days.map((day, i) => {
    const date = dateOf(i);
    const front = day.energy === undefined ? '' : `energy: ${day.energy}\n`;
    const section = (heading: string, lines: string[] | undefined): string => (lines?.length ? `## ${heading}\n${lines.map((l) => `- ${l}`).join('\n')}\n` : '');
    const text = `---\ntype: end-of-day\n${front}---\n${section('What drained me?', day.drains)}${section('What energized me?', day.energizers)}`;
    return { ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, text), mtimeMs: 0, size: 0 };
  });

/** A steady wobble around `mean` (deterministic, no step in it). */
const wobble = (mean: number, i: number): number => mean + [0, 0.5, -0.5, 0, 0.5, -0.5, 0][i % 7];

const PERIOD = {};

describe('turningPoints', () => {
  it('finds a clear step in energy within a few days, with the means on each side', () => {
    const days = Array.from({ length: 40 }, (_, i) => ({ energy: wobble(i < 22 ? 2.5 : 4, i) }));
    const [point, ...rest] = turningPoints(journal(days), PERIOD);
    assert.equal(point.date, dateOf(22));
    assert.deepEqual([point.energyBefore, point.energyAfter, point.entriesBefore, point.entriesAfter], [2.5, 4, 22, 18]);
    assert.deepEqual(rest, []);
    assert.match(point.sentence, /^Around 1 Apr: energy 2\.5 → 4\.0\.$/);
    assert.deepEqual(point.around.map((a) => a.date), [dateOf(20), dateOf(21), dateOf(22), dateOf(23)]);
  });

  it('finds nothing in a flat series, or when one bad day stands out', () => {
    const flat = Array.from({ length: 40 }, (_, i) => ({ energy: wobble(3, i) }));
    assert.deepEqual(turningPoints(journal(flat), PERIOD), []);
    const badDay = flat.map((d, i) => (i === 30 ? { energy: 1 } : d));
    assert.deepEqual(turningPoints(journal(badDay), PERIOD), []);
    const badStart = flat.map((d, i) => (i < 2 ? { energy: 1, drains: ['pager all night'] } : d));
    assert.deepEqual(turningPoints(journal(badStart), PERIOD), []);
  });

  it('says which drains left and which stayed, with the entries on each side', () => {
    const days = Array.from({ length: 40 }, (_, i): Day => {
      const before = i < 20;
      const drains = [i % 3 === 0 ? 'flaky deploys again' : 'slow builds'];
      if (before && i % 2 === 0) drains.push('context switching between tickets');
      if (before && i % 4 === 1) drains.push('context switching all day');
      return { energy: wobble(before ? 2.5 : 3.5, i), drains, energizers: before ? [] : [i % 2 ? 'pairing with Lin' : 'paired with Lin on the runbook'] };
    });
    const [point] = turningPoints(journal(days), PERIOD);
    assert.equal(point.date, dateOf(20));
    assert.deepEqual(point.left, [{ group: 'drains', label: 'context switching', before: 15, after: 0 }]);
    assert.deepEqual(point.arrived, [{ group: 'energizers', label: 'paired with Lin', before: 0, after: 20 }]);
    assert.deepEqual(point.stayed.map((t) => [t.label, t.before, t.after]), [
      ['slow builds', 13, 13],
      ['flaky deploys', 7, 7],
    ]);
    assert.equal(point.sentence, 'Around 30 Mar: energy 2.5 → 3.5; context switching (15 entries before, 0 after) left the drains; paired with Lin (0, 20) arrived in the energizers; slow builds (13, 13) and flaky deploys (7, 7) stayed.');
  });

  it('finds a change from drains alone when energy was never written', () => {
    const days = Array.from({ length: 30 }, (_, i): Day => ({
      drains: i < 15 ? ['on-call pages at night', 'alert noise', 'escalations from support'] : ['migration planning meetings', 'vendor contract delays', 'budget review'],
    }));
    const [point] = turningPoints(journal(days), PERIOD);
    assert.equal(point.date, dateOf(15));
    assert.equal(point.energyBefore, undefined);
    assert.ok(point.left.length >= 3 && point.arrived.length >= 3, point.sentence);
    assert.match(point.sentence, /^Around 23 Mar: [^;]+ left the drains; [^;]+ arrived in the drains/);
  });

  it('reads energy where it was written and skips the entries without it', () => {
    const days = Array.from({ length: 45 }, (_, i) => (i % 3 === 1 ? {} : { energy: wobble(i < 24 ? 2 : 4, i) }));
    const [point] = turningPoints(journal(days), PERIOD);
    assert.ok(Math.abs(Date.parse(point.date) - Date.parse(dateOf(24))) <= 3 * 86_400_000, point.date);
    assert.deepEqual([point.energyBefore, point.energyAfter], [2, 4]);
  });

  it('needs enough entries on each side, and reads only the period', () => {
    const step = Array.from({ length: 8 }, (_, i) => ({ energy: i < 4 ? 2 : 4.5 }));
    assert.deepEqual(turningPoints(journal(step), PERIOD), []);
    const days = Array.from({ length: 40 }, (_, i) => ({ energy: wobble(i < 22 ? 2.5 : 4, i) }));
    assert.deepEqual(turningPoints(journal(days), { to: dateOf(21) }), []);
    assert.deepEqual(turningPoints([], PERIOD), []);
  });

  it('lists up to three changes, strongest first', () => {
    const days = Array.from({ length: 90 }, (_, i) => ({ energy: wobble(i < 30 ? 2 : i < 60 ? 4.5 : 3, i) }));
    const points = turningPoints(journal(days), PERIOD);
    assert.deepEqual(points.map((p) => [p.date, p.energyBefore, p.energyAfter]), [
      [dateOf(30), 2, 4.5],
      [dateOf(60), 4.5, 3],
    ]);
  });
});
