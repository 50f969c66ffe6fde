// The panel's trends, computed from index entries: energy per day, entries this month, "On this day".
import * as assert from 'node:assert/strict';
import { energySeries, entriesThisMonth, monthsBefore, onThisDay } from '../../../../src/core/panel/trends';
import { toIsoDate } from '../../../../src/core/toolkit/localDates';
import { WEDNESDAY_EVENING } from '../../fixtures';

describe('journal panel: trends from entries', () => {
  it('energy series and month counts in local calendar days', () => {
    const series = energySeries(
      [
        { date: '2026-11-25', energy: 2 },
        { date: '2026-11-25', energy: 5 },
        { date: '2026-11-20' },
        { date: '2026-10-01', energy: 1 },
      ],
      WEDNESDAY_EVENING,
      7,
    );
    assert.deepEqual(series.map((p) => p.energy), [null, null, null, null, null, null, 3.5]);
    assert.equal(series[0].date, '2026-11-19');
    assert.equal(entriesThisMonth([{ date: '2026-11-01' }, { date: '2026-10-31' }, { date: '2026-11-30' }], WEDNESDAY_EVENING), 2);
  });

  it('"On this day" takes the closest entry within three days, the earlier on a tie; months back stop at the month\'s end', () => {
    const entries = [{ date: '2025-11-23', path: 'a' }, { date: '2025-11-27', path: 'b' }, { date: '2025-11-29', path: 'c' }];
    assert.equal(onThisDay(entries, WEDNESDAY_EVENING)[1].entry?.path, 'a', 'two days either side: the earlier one');
    assert.equal(monthsBefore(new Date(2026, 4, 31), 3).getDate(), 28, 'May 31 → Feb 28');
    assert.equal(toIsoDate(monthsBefore(new Date(2028, 1, 29), 12)), '2027-02-28');
  });
});
