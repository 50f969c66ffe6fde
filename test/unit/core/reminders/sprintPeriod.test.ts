import * as assert from 'node:assert/strict';
import { addDays, daysBetween, parseIsoDate, toIsoDate } from '../../../../src/core/toolkit/localDates';
import { normalizeSprintSettings, sprintContaining } from '../../../../src/core/reminders/sprintPeriod';

const iso = (p: { start: Date; end: Date }): [string, string] => [toIsoDate(p.start), toIsoDate(p.end)];

describe('sprints and local dates', () => {
  it('counts sprints from the configured start date', () => {
    const settings = { length: 14, start: '2026-01-05' };
    const first = sprintContaining(new Date(2026, 0, 5, 9), settings);
    assert.equal(first.number, 1);
    assert.deepEqual(iso(first), ['2026-01-05', '2026-01-18']);
    const later = sprintContaining(new Date(2026, 10, 25, 17, 30), settings);
    assert.equal(later.number, 24);
    assert.deepEqual(iso(later), ['2026-11-23', '2026-12-06']);
    assert.equal(sprintContaining(new Date(2026, 0, 18, 23, 59), settings).number, 1);
    assert.equal(sprintContaining(new Date(2026, 0, 19, 0, 1), settings).number, 2);
  });

  it('has no number before the start date or without one, and covers the last `length` days', () => {
    assert.equal(sprintContaining(new Date(2025, 11, 31), { length: 14, start: '2026-01-05' }).number, undefined);
    const unnumbered = sprintContaining(new Date(2026, 10, 25, 17), { length: 14, start: '' });
    assert.equal(unnumbered.number, undefined);
    assert.deepEqual(iso(unnumbered), ['2026-11-12', '2026-11-25']);
  });

  it('falls back from bad settings with a message naming the setting', () => {
    const { settings, problems } = normalizeSprintSettings({ length: 0, start: '2026-02-30' });
    assert.deepEqual(settings, { length: 14, start: '' });
    assert.match(problems[0], /reflect\.sprint\.length/);
    assert.match(problems[1], /reflect\.sprint\.start/);
    assert.deepEqual(normalizeSprintSettings({ length: 10, start: ' 2026-01-05 ' }), { settings: { length: 10, start: '2026-01-05' }, problems: [] });
  });

  it('does calendar arithmetic that DST changes cannot shift', () => {
    // Across every day of a year, adding a day lands on the next calendar date at midnight.
    for (let d = new Date(2026, 0, 1); d.getFullYear() === 2026; d = addDays(d, 1)) {
      const next = addDays(d, 1);
      assert.equal(next.getHours(), 0);
      assert.equal(daysBetween(d, next), 1);
    }
    assert.equal(parseIsoDate('2026-02-29'), undefined);
    assert.equal(toIsoDate(parseIsoDate('2028-02-29')!), '2028-02-29');
  });
});
