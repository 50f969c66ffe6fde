// Which day a retro started now is for: the missed one after midnight, otherwise today; a weekly
// retro always about the week up to now. Real entry files, a fixed clock.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { normalizeReminderSettings, ReminderSettings } from '../../../../src/core/reminders/reminderSchedule';
import { RetroDays } from '../../../../src/core/retro/retroDay';
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
  it('at 01:00 on Thursday with Wednesday\'s retro missing, the retro is Wednesday\'s', async () => {
    const { journal, days } = journalWith(THURSDAY_1AM, '2026-11-24');
    const moment = await days.moment(endOfDay, settings());
    assert.equal(toIsoDate(moment), '2026-11-25');
    assert.equal(await days.entryFile(journal, endOfDay, settings()), path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'));
  });

  it('at 01:00 on Thursday with Wednesday\'s retro written, the retro is Thursday\'s, at the time it is', async () => {
    const { journal, days } = journalWith(THURSDAY_1AM, '2026-11-25');
    const moment = await days.moment(endOfDay, settings());
    assert.equal(moment.getTime(), THURSDAY_1AM.getTime());
    assert.equal(await days.entryFile(journal, endOfDay, settings()), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
  });

  it('a weekly retro is about the week up to now, even with a day missing', async () => {
    const { journal, days } = journalWith(THURSDAY_1AM);
    assert.equal((await days.moment(weekly, settings())).getTime(), THURSDAY_1AM.getTime());
    assert.equal(await days.entryFile(journal, weekly, settings()), path.join(journal, 'entries', '2026', '2026-11-26-weekly.md'));
  });

  it('once today\'s reminder time has come, the retro is today\'s, even with yesterday\'s missing', async () => {
    const evening = new Date(2026, 10, 26, 18, 0);
    const { journal, days } = journalWith(evening);
    assert.equal((await days.moment(endOfDay, settings())).getTime(), evening.getTime());
    assert.equal(await days.entryFile(journal, endOfDay, settings()), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
  });

  it('on Saturday with Friday\'s retro missing it is Friday\'s; with reminders off, always today\'s', async () => {
    const saturday = new Date(2026, 10, 28, 11, 0);
    const { journal, days } = journalWith(saturday, '2026-11-26');
    assert.equal(await days.entryFile(journal, endOfDay, settings()), path.join(journal, 'entries', '2026', '2026-11-27-end-of-day.md'));
    assert.equal(await days.entryFile(journal, endOfDay, settings({ enabled: false })), path.join(journal, 'entries', '2026', '2026-11-28-end-of-day.md'));
    assert.equal(await journalWith(THURSDAY_1AM).days.entryFile(journal, endOfDay, settings({ enabled: false })), path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'));
  });

  it('reads the journal as it is now: a retro written since the last question changes the answer', async () => {
    const { journal, days } = journalWith(THURSDAY_1AM, '2026-11-24');
    assert.match(await days.entryFile(journal, endOfDay, settings()), /2026-11-25-end-of-day\.md$/);
    const file = path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md');
    writeFileSync(file, '---\ntype: end-of-day\ndate: 2026-11-25\n---\n## What went well?\n- Late but written\n');
    assert.match(await days.entryFile(journal, endOfDay, settings()), /2026-11-26-end-of-day\.md$/);
  });
});
