import { EnergyPoint } from '../../shared/protocol';
import { IndexedEntry } from '../journal/journalIndex';
import { addDays, daysBetween, parseIsoDate, toIsoDate } from '../toolkit/localDates';
import { hasRetroIn, ReminderSettings, streak } from '../reminders/reminderSchedule';

/** Entries dated in `now`'s calendar month. */
export function entriesThisMonth(entries: readonly Pick<IndexedEntry, 'date'>[], now: Date): number {
  const month = toIsoDate(now).slice(0, 7);
  return entries.reduce((n, e) => n + (e.date.startsWith(month) ? 1 : 0), 0);
}

/** One point per day for the last `days` days up to `now` (oldest first): the mean energy recorded that day. */
export function energySeries(entries: readonly Pick<IndexedEntry, 'date' | 'energy'>[], now: Date, days: number): EnergyPoint[] {
  const sums = new Map<string, { total: number; count: number }>();
  const from = toIsoDate(addDays(now, -(days - 1)));
  const to = toIsoDate(now);
  for (const e of entries) {
    if (e.energy === undefined || e.date < from || e.date > to) continue;
    const s = sums.get(e.date) ?? { total: 0, count: 0 };
    s.total += e.energy;
    s.count++;
    sums.set(e.date, s);
  }
  return Array.from({ length: days }, (_, i) => {
    const date = toIsoDate(addDays(now, i - (days - 1)));
    const s = sums.get(date);
    return { date, energy: s ? Math.round((s.total / s.count) * 10) / 10 : null };
  });
}

/** Mean of the days that have a value, to one decimal; null when none does. */
export function averageEnergy(points: readonly EnergyPoint[]): number | null {
  const values = points.map((p) => p.energy).filter((v): v is number => v !== null);
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
}

/** The same day `months` months before `now`, clamped to the end of a shorter month (Mar 31 → Feb 28). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(now.getDate(), lastDay));
}

export interface OnThisDay<E> {
  label: string;
  date: string;
  entry?: E;
}

/**
 * "On this day": what was written a year and a quarter ago. The entry of that very day, else the
 * closest one within `slackDays` (a year ago today may have been a Sunday).
 */
export function onThisDay<E extends Pick<IndexedEntry, 'date' | 'path'>>(entries: readonly E[], now: Date, slackDays = 3): OnThisDay<E>[] {
  const looks: [string, Date][] = [
    ['A quarter ago', monthsBefore(now, 3)],
    ['A year ago', monthsBefore(now, 12)],
  ];
  return looks.map(([label, day]) => {
    let best: { entry: E; distance: number } | undefined;
    for (const e of entries) {
      const d = parseIsoDate(e.date);
      if (!d) continue;
      const distance = Math.abs(daysBetween(day, d));
      // Closest wins; on a tie the earlier day, then the path, so the card is stable.
      if (distance <= slackDays && (!best || distance < best.distance || (distance === best.distance && (e.date < best.entry.date || (e.date === best.entry.date && e.path < best.entry.path))))) {
        best = { entry: e, distance };
      }
    }
    return best ? { label, date: toIsoDate(day), entry: best.entry } : { label, date: toIsoDate(day) };
  });
}

/** The streak the status bar shows, so the panel and the status bar never disagree. */
export function journalStreak(entries: readonly Pick<IndexedEntry, 'date' | 'type'>[], now: Date, settings: ReminderSettings): number {
  return streak(now, settings, hasRetroIn(entries));
}
