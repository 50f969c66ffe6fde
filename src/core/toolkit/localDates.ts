// Calendar dates in the user's local time zone. A retro belongs to a local day, not a UTC one.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local calendar day `d` falls on. */
export function toIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function weekdayName(d: Date): string {
  return WEEKDAYS[d.getDay()];
}

/** Local midnight at the start of `d`'s day. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Calendar arithmetic (not 24-hour steps), so DST changes don't shift the day. */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

/** Parses a strict `YYYY-MM-DD` into local midnight; undefined for anything else (incl. 2026-02-30). */
export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : undefined;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  const utc = (d: Date): number => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October" for a `YYYY-MM…` date or month. */
export function monthName(isoDate: string): string {
  return MONTH_NAMES[Number(isoDate.slice(5, 7)) - 1] ?? isoDate.slice(5, 7);
}

/** "Oct" for a `YYYY-MM…` date or month. */
export function shortMonth(isoDate: string): string {
  return monthName(isoDate).slice(0, 3);
}

/** "5 Oct" for `2026-10-05`: how a review names a day in a sentence. */
export function shortDate(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${shortMonth(isoDate)}`;
}
