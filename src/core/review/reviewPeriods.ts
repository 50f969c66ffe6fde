import { SprintSettings, sprintContaining } from '../reminders/sprintPeriod';
import { addDays, parseIsoDate, startOfDay, toIsoDate } from '../toolkit/localDates';
import { ReviewPeriod } from './review';

/** Where Generate Review writes, inside the journal. */
export const REVIEWS_FOLDER = 'reviews';

/** The periods offered by Generate Review, relative to `today`. */
export function reviewPeriods(today: Date, sprint: SprintSettings): (ReviewPeriod & { id: string })[] {
  const day = startOfDay(today);
  const y = day.getFullYear();
  const m = day.getMonth();
  const iso = toIsoDate;
  const current = sprintContaining(day, sprint);
  const previous = sprintContaining(addDays(current.start, -1), sprint);
  const sprintName = (s: typeof current): string => (s.number === undefined ? 'sprint' : `sprint ${s.number}`);
  const quarterStart = Math.floor(m / 3) * 3;
  return [
    { id: 'this-sprint', label: `This ${sprintName(current)}`, from: iso(current.start), to: iso(day) },
    { id: 'last-sprint', label: `Last ${sprintName(previous)}`, from: iso(previous.start), to: iso(previous.end) },
    { id: 'last-month', label: 'Last month', from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) },
    { id: 'last-quarter', label: 'Last quarter', from: iso(new Date(y, quarterStart - 3, 1)), to: iso(new Date(y, quarterStart, 0)) },
    { id: 'last-year', label: 'Last year', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}

/** "2026-01-01 2026-06-30" → that period; undefined unless both are real dates, the first not after the second. */
export function parseReviewRange(value: string): ReviewPeriod | undefined {
  const [from, to, ...rest] = value.trim().split(/\s+/);
  if (rest.length > 0 || !from || !to || !parseIsoDate(from) || !parseIsoDate(to) || from > to) return undefined;
  return { from, to, label: `${from} to ${to}` };
}
