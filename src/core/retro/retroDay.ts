import { hasRetroIn, reflectionDay, ReminderSettings } from '../reminders/reminderSchedule';
import { Clock } from '../toolkit/clock';
import { RetroSlot } from './followThrough';
import { entryPath } from '../journal/journalFiles';
import { startOfDay, toIsoDate } from '../toolkit/localDates';
import { RetroPeriod } from './retroTemplates';

/**
 * Which day a retro started now is for, decided in one place for Start Retro, quick capture, the
 * journal panel and the picker's "today's is started" hint: today, or the last due workday when
 * that day's retro is still missing and today's reminder time has not come yet (a retro written
 * after midnight, or on the weekend). Weekly retros are always about the week up to now.
 */
export class RetroDays {
  constructor(
    private readonly clock: Clock,
    /** The journal's entries, as the index knows them. */
    private readonly entries: () => Promise<readonly RetroSlot[]>,
  ) {}

  /** The moment the retro is about: `now` itself, or a moment on the earlier day it belongs to. */
  async moment(template: { period: RetroPeriod }, reminder: ReminderSettings): Promise<Date> {
    const now = this.clock.now();
    if (template.period === 'week') return now;
    const day = reflectionDay(now, reminder, hasRetroIn(await this.entries()));
    return day.getTime() < startOfDay(now).getTime() ? day : now;
  }

  /** The file the retro of `template` started now would be, whether or not it exists yet. */
  async entryFile(journalFolder: string, template: { period: RetroPeriod; type: string }, reminder: ReminderSettings): Promise<string> {
    return entryPath(journalFolder, toIsoDate(await this.moment(template, reminder)), template.type);
  }
}
