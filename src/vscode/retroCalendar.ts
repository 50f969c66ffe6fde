import { hasRetroIn, reflectionDay } from '../core/reminderSchedule';
import { RetroTemplate } from '../core/startRetro';
import { JournalService } from './journalService';
import { ReflectSettings } from './settings';

/**
 * The moment a retro started now is about: now, or the last due workday when that day's retro is
 * still missing and today's reminder time has not come yet (a retro written after midnight).
 */
export async function retroMoment(template: RetroTemplate, now: Date, settings: ReflectSettings, journal: JournalService): Promise<Date> {
  if (template.period === 'week') return now;
  const index = await journal.index();
  const day = reflectionDay(now, settings.reminder, hasRetroIn(index?.entries() ?? []));
  return day.getTime() < new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime() ? day : now;
}
