import * as assert from 'node:assert/strict';
import { addDays, monthName, parseIsoDate, shortDate, shortMonth, toIsoDate } from '../../../../src/core/toolkit/localDates';

describe('local dates', () => {
  it('names days and months as a review writes them', () => {
    assert.equal(shortDate('2026-10-05'), '5 Oct');
    assert.equal(shortDate('2026-12-31'), '31 Dec');
    assert.equal(monthName('2026-01'), 'January');
    assert.equal(shortMonth('2026-09-14'), 'Sep');
  });

  it('reads and writes local YYYY-MM-DD days across a month end', () => {
    const day = parseIsoDate('2026-10-31')!;
    assert.equal(toIsoDate(addDays(day, 1)), '2026-11-01');
    assert.equal(parseIsoDate('2026-13-01'), undefined);
  });
});
