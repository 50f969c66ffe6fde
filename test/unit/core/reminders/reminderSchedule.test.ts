import * as assert from 'node:assert/strict';
import { toIsoDate } from '../../../../src/core/toolkit/localDates';
import {
  dueAt,
  HasRetro,
  normalizeReminderSettings,
  reminderStatus,
  ReminderSettings,
  streak,
} from '../../../../src/core/reminders/reminderSchedule';

const settings = (raw: Parameters<typeof normalizeReminderSettings>[0] = {}): ReminderSettings => {
  const { settings: s, problems } = normalizeReminderSettings(raw);
  assert.deepEqual(problems, []);
  return s;
};

/** Retros that exist, as "YYYY-MM-DD daily|sprint" strings. */
const journal = (...written: string[]): HasRetro => (iso, kind) => written.includes(`${iso} ${kind}`);
const none: HasRetro = () => false;
const at = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(y, m - 1, d, h, min);

// 2026-11-23 is a Monday; 2026-11-27 a Friday.
describe('reminder schedule', () => {
  const s = settings();

  it('is due on a workday from the reminder time, and quiet before it', () => {
    assert.deepEqual(reminderStatus(at(2026, 11, 25, 17, 29), s, journal('2026-11-24 daily')), { state: 'quiet', reason: 'done', next: at(2026, 11, 25, 17, 30), kind: 'daily' });
    const due = reminderStatus(at(2026, 11, 25, 17, 30), s, journal('2026-11-24 daily'));
    assert.equal(due.state, 'due');
    assert.equal(due.state === 'due' && toIsoDate(due.day), '2026-11-25');
  });

  it('goes quiet once the retro for that day exists', () => {
    assert.equal(reminderStatus(at(2026, 11, 25, 18), s, journal('2026-11-25 daily')).state, 'quiet');
  });

  it('is not due on the weekend; Friday\'s stays due until Monday\'s reminder time', () => {
    const saturday = reminderStatus(at(2026, 11, 28, 18), s, none);
    assert.equal(saturday.state === 'due' && toIsoDate(saturday.day), '2026-11-27');
    assert.equal(reminderStatus(at(2026, 11, 28, 18), s, journal('2026-11-27 daily')).state, 'quiet');
    const mondayEvening = reminderStatus(at(2026, 11, 30, 17, 30), s, journal('2026-11-27 daily'));
    assert.equal(mondayEvening.state === 'due' && toIsoDate(mondayEvening.day), '2026-11-30');
  });

  it('honours custom workdays and time', () => {
    const sunToThu = settings({ workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], time: '16:00' });
    assert.equal(reminderStatus(at(2026, 11, 27, 16, 30), sunToThu, none).state === 'due' && toIsoDate((reminderStatus(at(2026, 11, 27, 16, 30), sunToThu, none) as { day: Date }).day), '2026-11-26');
    assert.equal(reminderStatus(at(2026, 11, 29, 16, 0), sunToThu, none).state, 'due');
  });

  it('after a sleep through the reminder time, the retro is due on waking, not tomorrow', () => {
    // Asleep from 17:00 to 21:00: the first look after waking finds it due.
    assert.equal(reminderStatus(at(2026, 11, 25, 17), s, none).state === 'due' && toIsoDate((reminderStatus(at(2026, 11, 25, 17), s, none) as { day: Date }).day), '2026-11-24');
    const woke = reminderStatus(at(2026, 11, 25, 21), s, journal('2026-11-24 daily'));
    assert.equal(woke.state === 'due' && toIsoDate(woke.day), '2026-11-25');
  });

  it('makes the sprint retro due on the sprint\'s last workday, instead of the daily one', () => {
    // Two-week sprints from Monday 2026-11-16: the last day is Sunday 11-29, the last workday Friday 11-27.
    const sprints = settings({ sprintStart: '2026-11-16', sprintLength: 14 });
    const friday = reminderStatus(at(2026, 11, 27, 18), sprints, journal('2026-11-27 daily'));
    assert.equal(friday.state === 'due' && friday.kind, 'sprint');
    assert.equal(reminderStatus(at(2026, 11, 27, 18), sprints, journal('2026-11-27 sprint')).state, 'quiet');
    assert.equal(reminderStatus(at(2026, 11, 26, 18), sprints, none).state === 'due' && (reminderStatus(at(2026, 11, 26, 18), sprints, none) as { kind: string }).kind, 'daily');
    // The next sprint (from 11-30) ends Sunday 12-13: its last workday is Friday 12-11.
    assert.equal((reminderStatus(at(2026, 12, 11, 18), sprints, none) as { kind: string }).kind, 'sprint');
  });

  it('snooze hides it until the time passes; skip hides that day only; off is off', () => {
    const now = at(2026, 11, 25, 18);
    const snoozed = reminderStatus(now, s, none, { snoozedUntil: at(2026, 11, 25, 19).getTime() });
    assert.deepEqual(snoozed, { state: 'quiet', reason: 'snoozed', next: at(2026, 11, 25, 19), kind: 'daily' });
    assert.equal(reminderStatus(at(2026, 11, 25, 19), s, none, { snoozedUntil: at(2026, 11, 25, 19).getTime() }).state, 'due');
    assert.equal(reminderStatus(now, s, none, { skippedDay: '2026-11-25' }).state, 'quiet');
    assert.equal(reminderStatus(at(2026, 11, 26, 18), s, none, { skippedDay: '2026-11-25' }).state, 'due');
    assert.deepEqual(reminderStatus(now, settings({ enabled: false }), none), { state: 'quiet', reason: 'off' });
  });

  it('falls back from bad settings with a message per setting, never throwing', () => {
    const { settings: fallback, problems } = normalizeReminderSettings({ time: '25:00', workdays: ['mon', 'funday'], graceDays: -1, sprintStart: 'soon' });
    assert.equal(fallback.time, 17 * 60 + 30);
    assert.deepEqual([...fallback.workdays].sort(), [1, 2, 3, 4, 5]);
    assert.equal(fallback.graceDays, 1);
    assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['reflect.reminder.time', 'reflect.reminder.workdays', 'reflect.streak.graceDays', 'reflect.sprint.start']);
    assert.equal(normalizeReminderSettings({ time: 1730 }).problems.length, 1);
    assert.equal(normalizeReminderSettings({ workdays: 'mon' }).problems.length, 1);
    // No workday at all: never due, never a crash.
    const never = settings({ workdays: [] });
    assert.deepEqual(reminderStatus(at(2026, 11, 25, 18), never, none), { state: 'quiet', reason: 'not-yet', next: undefined });
  });

  describe('across daylight saving time (Europe/Berlin)', () => {
    const tz = process.env.TZ;
    before(() => {
      process.env.TZ = 'Europe/Berlin';
    });
    after(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });

    it('keeps the reminder at 17:30 wall-clock time on both sides of a change', () => {
      // Clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
      assert.equal(dueAt(at(2026, 3, 27), s).toISOString(), '2026-03-27T16:30:00.000Z');
      assert.equal(dueAt(at(2026, 3, 30), s).toISOString(), '2026-03-30T15:30:00.000Z');
      assert.equal(dueAt(at(2026, 10, 26), s).toISOString(), '2026-10-26T16:30:00.000Z');
      const friday = reminderStatus(new Date('2026-03-30T05:00:00Z'), s, none);
      assert.equal(friday.state === 'due' && toIsoDate(friday.day), '2026-03-27');
    });

    it('counts a streak across the change without losing a day', () => {
      const written = ['2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31'].map((d) => `${d} daily`);
      assert.equal(streak(new Date('2026-03-31T16:00:00Z'), s, journal(...written)), 4);
    });
  });
});

describe('streak', () => {
  const s = settings();

  it('counts consecutive workday retros; the weekend is not a gap', () => {
    const written = ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25'].map((d) => `${d} daily`);
    assert.equal(streak(at(2026, 11, 25, 18), s, journal(...written)), 5);
  });

  it('does not count today against the streak before it is written', () => {
    const written = ['2026-11-23', '2026-11-24'].map((d) => `${d} daily`);
    assert.equal(streak(at(2026, 11, 25, 12), s, journal(...written)), 2);
    assert.equal(streak(at(2026, 11, 25, 18), s, journal(...written)), 2);
  });

  it('forgives up to graceDays missed workdays in a row', () => {
    const written = ['2026-11-20', '2026-11-24', '2026-11-25'].map((d) => `${d} daily`); // missed Monday 11-23
    assert.equal(streak(at(2026, 11, 25, 18), s, journal(...written)), 3);
    assert.equal(streak(at(2026, 11, 25, 18), settings({ graceDays: 0 }), journal(...written)), 2);
    const twoMissed = ['2026-11-19', '2026-11-24', '2026-11-25'].map((d) => `${d} daily`);
    assert.equal(streak(at(2026, 11, 25, 18), s, journal(...twoMissed)), 2);
  });

  it('counts a sprint retro on the sprint\'s last workday', () => {
    const sprints = settings({ sprintStart: '2026-11-16' });
    assert.equal(streak(at(2026, 11, 27, 18), sprints, journal('2026-11-26 daily', '2026-11-27 sprint')), 2);
    assert.equal(streak(at(2026, 11, 30, 18), sprints, journal('2026-11-26 daily', '2026-11-27 daily', '2026-11-30 daily'), 10), 2, 'a daily retro on sprint end is not the sprint retro');
  });

  it('is zero for an empty journal', () => {
    assert.equal(streak(at(2026, 11, 25, 18), s, none), 0);
  });
});
