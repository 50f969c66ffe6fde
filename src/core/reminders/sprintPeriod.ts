import { addDays, daysBetween, parseIsoDate, startOfDay } from '../toolkit/localDates';

export interface SprintSettings {
  /** Sprint length in days. */
  length: number;
  /** `YYYY-MM-DD` the sprints count from; empty when the user has not set one. */
  start: string;
}

export interface SprintPeriod {
  /** 1-based sprint number, when a start date is known. */
  number?: number;
  start: Date;
  end: Date;
}

export const DEFAULT_SPRINT_LENGTH = 14;

/** Reads sprint settings leniently: a bad value falls back and is described in `problems`. */
export function normalizeSprintSettings(raw: { length?: unknown; start?: unknown }): {
  settings: SprintSettings;
  problems: string[];
} {
  const problems: string[] = [];
  let length = DEFAULT_SPRINT_LENGTH;
  if (raw.length !== undefined) {
    if (typeof raw.length === 'number' && Number.isInteger(raw.length) && raw.length >= 1 && raw.length <= 366) {
      length = raw.length;
    } else {
      problems.push(`reflect.sprint.length must be a whole number of days from 1 to 366 (got ${JSON.stringify(raw.length)}); using ${DEFAULT_SPRINT_LENGTH}.`);
    }
  }
  let start = '';
  if (typeof raw.start === 'string' && raw.start.trim() !== '') {
    if (parseIsoDate(raw.start)) start = raw.start.trim();
    else problems.push(`reflect.sprint.start must be a date like 2026-01-05 (got "${raw.start}"); sprints are counted back from today instead.`);
  }
  return { settings: { length, start }, problems };
}

/** The sprint that contains `today`. Without a start date, the sprint is the last `length` days. */
export function sprintContaining(today: Date, settings: SprintSettings): SprintPeriod {
  const day = startOfDay(today);
  const anchor = settings.start ? parseIsoDate(settings.start) : undefined;
  if (!anchor) {
    return { start: addDays(day, -(settings.length - 1)), end: day };
  }
  const index = Math.floor(daysBetween(anchor, day) / settings.length);
  const start = addDays(anchor, index * settings.length);
  const period: SprintPeriod = { start, end: addDays(start, settings.length - 1) };
  // Dates before the anchor still get a period, but no (zero or negative) number.
  if (index >= 0) period.number = index + 1;
  return period;
}
