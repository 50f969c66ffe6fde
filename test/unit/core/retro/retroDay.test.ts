// Which day a retro started now is for: the journal day (before reflect.dayStartsAt it is still
// yesterday), or a day the user chose; a missed retro is offered, never chosen silently. Real entry
// files, a fixed clock.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { normalizeReminderSettings, ReminderSettings } from '../../../../src/core/reminders/reminderSchedule';
import { journalDay, RetroDays } from '../../../../src/core/retro/retroDay';
import { builtInTemplate } from '../../../../src/core/retro/retroTemplates';
import { toIsoDate } from '../../../../src/core/toolkit/localDates';
import { entriesIn, fixedClock, tempDir } from '../../fixtures';

const settings = (raw: Parameters<typeof normalizeReminderSettings>[0] = {}): ReminderSettings => {
  const { settings: s, problems } = normalizeReminderSettings(raw);
  assert.deepEqual(problems, []);
  return s;
};

const endOfDay = builtInTemplate('end-of-day')!;
const weekly = builtInTemplate('weekly')!;
const FOUR_AM = 4 * 60;

// 2026-11-25 is a Wednesday; the default reminder is at 17:30 on Monday to Friday.
const THURSDAY_1AM = new Date(2026, 10, 26, 1, 0);

/** A journal holding an end-of-day retro for each of `dates`, and RetroDays over its files. */
function journalWith(now: Date, ...dates: string[]): { journal: string; days: RetroDays } {
  const journal = tempDir();
  for (const date of dates) {
    const file = path.join(journal, 'entries', date.slice(0, 4), `${date}-end-of-day.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\ntype: end-of-day\ndate: ${date}\n---\n## What went well?\n- Something\n`);
  }
  return { journal, days: new RetroDays(fixedClock(now), () => entriesIn(journal)) };
}

describe('retro day', () => {
  it('before the day starts (01:00 Thursday, day starts 04:00) the retro and captures are Wednesday\'s, written or not', async () => {
    for (const written of [[], ['2026-11-25']]) {
      const { journal, days } = journalWith(THURSDAY_1AM, ...written);
      assert.equal(toIsoDate(days.moment(FOUR_AM)), '2026-11-25');
      assert.equal(days.entryFile(journal, endOfDay, FOUR_AM), path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'));
    }
  });

  it('the first morning: installed at 07:22, the retro and a capture a minute later are both today\'s', async () => {
    const morning = new Date(2026, 10, 26, 7, 22);
    const { journal, days } = journalWith(morning);
    assert.equal(days.moment(FOUR_AM).getTime(), morning.getTime());
    assert.equal(days.entryFile(journal, endOfDay, FOUR_AM), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
  });

  it('a missed retro is never chosen silently: at 09:00 Thursday with Wednesday\'s missing, Start Retro writes Thursday\'s and offers Wednesday\'s', async () => {
    const nine = new Date(2026, 10, 26, 9, 0);
    const { journal, days } = journalWith(nine, '2026-11-24');
    assert.equal(days.entryFile(journal, endOfDay, FOUR_AM), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
    const missed = await days.missed(settings(), FOUR_AM);
    assert.equal(missed && `${toIsoDate(missed.day)} ${missed.kind}`, '2026-11-25 daily');
    assert.equal(days.entryFile(journal, endOfDay, FOUR_AM, missed!.day), path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'));
    assert.equal(toIsoDate(days.moment(FOUR_AM, missed!.day)), '2026-11-25');
  });

  it('nothing is offered when the last workday\'s retro exists, or with reminders off', async () => {
    const nine = new Date(2026, 10, 26, 9, 0);
    assert.equal(await journalWith(nine, '2026-11-25').days.missed(settings(), FOUR_AM), undefined);
    assert.equal(await journalWith(nine).days.missed(settings({ enabled: false }), FOUR_AM), undefined);
  });

  it('Monday and the weekend offer Friday\'s; a day starting at 00:00 follows the calendar', async () => {
    const monday = new Date(2026, 10, 30, 9, 0);
    assert.equal(toIsoDate((await journalWith(monday, '2026-11-26').days.missed(settings(), FOUR_AM))!.day), '2026-11-27');
    const saturday = new Date(2026, 10, 28, 11, 0);
    assert.equal(toIsoDate((await journalWith(saturday).days.missed(settings(), FOUR_AM))!.day), '2026-11-27');
    const { journal, days } = journalWith(THURSDAY_1AM);
    assert.equal(days.entryFile(journal, endOfDay, 0), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
    // At 01:00 the journal day is Wednesday: the workday before it, Tuesday, is what is missed.
    assert.equal(toIsoDate((await days.missed(settings(), FOUR_AM))!.day), '2026-11-24');
  });

  it('on a sprint\'s last workday the missed retro is the sprint retro', async () => {
    const monday = new Date(2026, 10, 30, 9, 0);
    const missed = await journalWith(monday).days.missed(settings({ sprintLength: 14, sprintStart: '2026-11-16' }), FOUR_AM);
    assert.equal(missed && `${toIsoDate(missed.day)} ${missed.kind}`, '2026-11-27 sprint');
  });

  it('a weekly retro is dated on the journal day too', async () => {
    const { journal, days } = journalWith(THURSDAY_1AM);
    assert.equal(days.entryFile(journal, weekly, FOUR_AM), path.join(journal, 'entries', '2026', '2026-11-25-weekly.md'));
  });

  it('journalDay: the minute before the day starts is still yesterday; the minute it starts is today', () => {
    assert.equal(toIsoDate(journalDay(new Date(2026, 10, 26, 3, 59), FOUR_AM)), '2026-11-25');
    assert.equal(toIsoDate(journalDay(new Date(2026, 10, 26, 4, 0), FOUR_AM)), '2026-11-26');
    assert.equal(toIsoDate(journalDay(new Date(2026, 10, 26, 0, 0), 0)), '2026-11-26');
    assert.equal(toIsoDate(journalDay(new Date(2026, 0, 1, 2, 0), FOUR_AM)), '2025-12-31');
  });

  it('reads the journal as it is now: a retro written since the last question changes the answer', async () => {
    const nine = new Date(2026, 10, 26, 9, 0);
    const { journal, days } = journalWith(nine, '2026-11-24');
    assert.ok(await days.missed(settings(), FOUR_AM));
    const file = path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md');
    writeFileSync(file, '---\ntype: end-of-day\ndate: 2026-11-25\n---\n## What went well?\n- Late but written\n');
    assert.equal(await days.missed(settings(), FOUR_AM), undefined);
  });
});
