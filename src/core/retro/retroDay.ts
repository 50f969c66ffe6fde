import { HasRetro, hasRetroIn, isWorkday, isWritten, kindOn, ReminderSettings, RetroKind } from '../reminders/reminderSchedule';
import { Clock } from '../toolkit/clock';
import { RetroSlot } from './followThrough';
import { entryPath } from '../journal/journalFiles';
import { addDays, startOfDay, toIsoDate } from '../toolkit/localDates';
import { RetroPeriod } from './retroTemplates';

/** When a new day starts, in minutes after midnight: `reflect.dayStartsAt`, 04:00 unless set. */
export const DEFAULT_DAY_STARTS_AT = '04:00';

/** How far back a missed retro is still offered: the last workday within a week. */
const MISSED_LOOKBACK_DAYS = 7;

/**
 * The journal day `now` belongs to, as the start of that calendar day: before `dayStartsAt`
 * (minutes after midnight) it is still the day before, so a retro or a capture at 01:00 lands in
 * the evening's entry, and one at 07:22 in today's.
 */
export function journalDay(now: Date, dayStartsAt: number): Date {
  const today = startOfDay(now);
  return now.getHours() * 60 + now.getMinutes() < dayStartsAt ? addDays(today, -1) : today;
}

/** A workday whose retro was due and is still not written. */
export interface MissedRetro {
  day: Date;
  kind: RetroKind;
}

/**
 * Which day a retro started now is for, decided in one place for Start Retro, quick capture, the
 * journal panel and the picker: the journal day (see `journalDay`), or a day the user chose
 * explicitly, such as the missed retro the picker offers. Never an earlier day chosen silently.
 */
export class RetroDays {
  constructor(
    private readonly clock: Clock,
    /** The journal's entries, as the index knows them. */
    private readonly entries: () => Promise<readonly RetroSlot[]>,
  ) {}

  /** The start of the journal day it is now. */
  today(dayStartsAt: number): Date {
    return journalDay(this.clock.now(), dayStartsAt);
  }

  /**
   * The moment a retro is about: `now` itself on the journal day, or the last minute of `day` when
   * it is an earlier day. Its date names the file; commits are gathered from its day's start.
   */
  moment(dayStartsAt: number, day?: Date): Date {
    const now = this.clock.now();
    const target = day ? startOfDay(day) : journalDay(now, dayStartsAt);
    if (toIsoDate(target) === toIsoDate(now)) return now;
    return new Date(target.getFullYear(), target.getMonth(), target.getDate(), 23, 59);
  }

  /** The file the retro of `template` for that day would be, whether or not it exists yet. */
  entryFile(journalFolder: string, template: { period: RetroPeriod; type: string }, dayStartsAt: number, day?: Date): string {
    return entryPath(journalFolder, toIsoDate(this.moment(dayStartsAt, day)), template.type);
  }

  /**
   * The most recent workday before the journal day, if its retro (end of day, or the sprint retro
   * on a sprint's last day) was due and is still missing. Only with reminders on: they are how the
   * user said which days have a retro.
   */
  async missed(reminder: ReminderSettings, dayStartsAt: number): Promise<MissedRetro | undefined> {
    if (!reminder.enabled) return undefined;
    const today = this.today(dayStartsAt);
    for (let i = 1; i <= MISSED_LOOKBACK_DAYS; i++) {
      const day = addDays(today, -i);
      if (!isWorkday(day, reminder)) continue;
      const has: HasRetro = hasRetroIn(await this.entries());
      const kind = kindOn(day, reminder);
      return isWritten(day, kind, has) ? undefined : { day, kind };
    }
    return undefined;
  }
}
