import { addDays, startOfDay, toIsoDate } from '../toolkit/localDates';
import { DEFAULT_SPRINT_LENGTH, normalizeSprintSettings, SprintSettings, sprintContaining } from './sprintPeriod';

// When a retro is due, and how the streak counts, for any clock. No timers here: the caller asks
// "what is the state at `now`?" whenever something may have changed (a minute passed, the machine
// woke up, a file was saved), so a laptop that slept through the reminder time finds the retro due
// when it wakes.

export interface ReminderSettings {
  enabled: boolean;
  notify: boolean;
  /** Minutes after local midnight. */
  time: number;
  /** 0 = Sunday … 6 = Saturday. */
  workdays: ReadonlySet<number>;
  sprint: SprintSettings;
  graceDays: number;
  showStreak: boolean;
}

export type RetroKind = 'daily' | 'sprint';

/** Which retros exist: `kind` on the local day `isoDate`. */
export type HasRetro = (isoDate: string, kind: RetroKind) => boolean;

/** HasRetro over journal entries: any entry counts for its day; a sprint retro also for its sprint. */
export function hasRetroIn(entries: readonly { date: string; type: string }[]): HasRetro {
  const written = new Set<string>();
  for (const e of entries) written.add(`${e.date} ${e.type === 'sprint' ? 'sprint' : 'daily'}`);
  return (iso, kind) => written.has(`${iso} ${kind}`);
}

export interface ReminderState {
  /** Epoch ms until which nothing is due. */
  snoozedUntil?: number;
  /** `YYYY-MM-DD` of a due day the user chose to skip. */
  skippedDay?: string;
}

export type ReminderStatus =
  | { state: 'due'; kind: RetroKind; day: Date; since: Date }
  | { state: 'quiet'; reason: 'done' | 'snoozed' | 'skipped' | 'not-yet' | 'off'; next?: Date; kind?: RetroKind };

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export const DEFAULT_TIME = '17:30';
export const DEFAULT_WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** How far back to look for the last workday: a week always holds one unless no day is a workday. */
const LOOKBACK_DAYS = 7;

/** Validates raw settings; each bad value falls back to its default and yields a message naming the setting. */
export function normalizeReminderSettings(raw: {
  enabled?: unknown;
  notify?: unknown;
  time?: unknown;
  workdays?: unknown;
  sprintLength?: unknown;
  sprintStart?: unknown;
  graceDays?: unknown;
  showStreak?: unknown;
}): { settings: ReminderSettings; problems: string[] } {
  const problems: string[] = [];
  let time = parseTime(DEFAULT_TIME)!;
  if (raw.time !== undefined) {
    const parsed = typeof raw.time === 'string' ? parseTime(raw.time) : undefined;
    if (parsed === undefined) problems.push(`reflect.reminder.time must be a 24-hour time like 17:30 (got ${JSON.stringify(raw.time)}); using ${DEFAULT_TIME}.`);
    else time = parsed;
  }
  let workdays = new Set(DEFAULT_WORKDAYS.map((d) => DAY_NAMES.indexOf(d)));
  if (raw.workdays !== undefined) {
    const days = Array.isArray(raw.workdays) ? raw.workdays.map((d) => (typeof d === 'string' ? DAY_NAMES.indexOf(d.trim().toLowerCase().slice(0, 3)) : -1)) : [-1];
    if (days.includes(-1)) {
      problems.push(`reflect.reminder.workdays must list days like ["mon", "tue"] (got ${JSON.stringify(raw.workdays)}); using Monday to Friday.`);
    } else {
      workdays = new Set(days);
    }
  }
  let graceDays = 1;
  if (raw.graceDays !== undefined) {
    if (typeof raw.graceDays === 'number' && Number.isInteger(raw.graceDays) && raw.graceDays >= 0 && raw.graceDays <= 30) graceDays = raw.graceDays;
    else problems.push(`reflect.streak.graceDays must be a whole number from 0 to 30 (got ${JSON.stringify(raw.graceDays)}); using 1.`);
  }
  const sprint = normalizeSprintSettings({ length: raw.sprintLength ?? DEFAULT_SPRINT_LENGTH, start: raw.sprintStart });
  problems.push(...sprint.problems);
  return {
    settings: {
      enabled: raw.enabled !== false,
      notify: raw.notify !== false,
      time,
      workdays,
      sprint: sprint.settings,
      graceDays,
      showStreak: raw.showStreak !== false,
    },
    problems,
  };
}

/** "17:30" → 1050 minutes; undefined for anything that is not a valid 24-hour time. */
export function parseTime(text: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The reminder moment on `day` (local time; on a DST day it is still the wall-clock time). */
export function dueAt(day: Date, s: ReminderSettings): Date {
  const d = startOfDay(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(s.time / 60), s.time % 60);
}

export function isWorkday(day: Date, s: ReminderSettings): boolean {
  return s.workdays.has(day.getDay());
}

/** The most recent workday whose reminder moment is at or before `now`. */
export function lastDueDay(now: Date, s: ReminderSettings): Date | undefined {
  for (let i = 0; i <= LOOKBACK_DAYS; i++) {
    const day = addDays(startOfDay(now), -i);
    if (isWorkday(day, s) && dueAt(day, s) <= now) return day;
  }
  return undefined;
}

/** The next reminder moment after `now`. */
export function nextDueAt(now: Date, s: ReminderSettings): Date | undefined {
  for (let i = 0; i <= LOOKBACK_DAYS + 1; i++) {
    const day = addDays(startOfDay(now), i);
    if (isWorkday(day, s) && dueAt(day, s) > now) return dueAt(day, s);
  }
  return undefined;
}

/** Whether `day` is the last workday of its sprint: then the sprint retro is due instead of the daily one. */
export function isSprintEnd(day: Date, s: ReminderSettings): boolean {
  const sprint = sprintContaining(day, s.sprint);
  if (!s.sprint.start) return false; // without a start date, sprints have no fixed end to remind about
  for (let d = startOfDay(sprint.end); d > day; d = addDays(d, -1)) {
    if (isWorkday(d, s)) return false;
  }
  return isWorkday(day, s);
}

export function kindOn(day: Date, s: ReminderSettings): RetroKind {
  return isSprintEnd(day, s) ? 'sprint' : 'daily';
}

/** Whether the retro for `day` exists (a sprint retro also counts for that day's daily one). */
export function isWritten(day: Date, kind: RetroKind, has: HasRetro): boolean {
  const iso = toIsoDate(day);
  return kind === 'sprint' ? has(iso, 'sprint') : has(iso, 'daily') || has(iso, 'sprint');
}

/**
 * What the reminder shows at `now`. A retro stays due from its reminder moment until it is written,
 * skipped or snoozed, or until the next workday's reminder moment replaces it.
 */
export function reminderStatus(now: Date, s: ReminderSettings, has: HasRetro, state: ReminderState = {}): ReminderStatus {
  if (!s.enabled) return { state: 'quiet', reason: 'off' };
  const next = nextDueAt(now, s);
  const day = lastDueDay(now, s);
  if (!day) return { state: 'quiet', reason: 'not-yet', next };
  const kind = kindOn(day, s);
  if (isWritten(day, kind, has)) return { state: 'quiet', reason: 'done', next, kind };
  if (state.skippedDay === toIsoDate(day)) return { state: 'quiet', reason: 'skipped', next, kind };
  if (state.snoozedUntil !== undefined && now.getTime() < state.snoozedUntil) {
    return { state: 'quiet', reason: 'snoozed', next: new Date(state.snoozedUntil), kind };
  }
  return { state: 'due', kind, day, since: dueAt(day, s) };
}

/** A stable id for one due retro, shared by every window: `daily:2026-11-25`. */
export function dueKey(status: Extract<ReminderStatus, { state: 'due' }>): string {
  return `${status.kind}:${toIsoDate(status.day)}`;
}

/**
 * Consecutive due retros written, counting back from the most recent due day (today before its
 * reminder moment is not counted against the streak). Up to `graceDays` missed workdays in a row
 * are forgiven; they don't add to the streak but don't end it.
 */
export function streak(now: Date, s: ReminderSettings, has: HasRetro, maxDays = 3 * 366): number {
  let day = lastDueDay(now, s);
  if (!day) return 0;
  let count = 0;
  let missedInARow = 0;
  for (let i = 0; i < maxDays; i++, day = addDays(day, -1)) {
    if (!isWorkday(day, s)) continue;
    if (isWritten(day, kindOn(day, s), has)) {
      count++;
      missedInARow = 0;
    } else if (i === 0) {
      continue; // the retro due right now can still be written: not a miss yet
    } else if (++missedInARow > s.graceDays) {
      break;
    }
  }
  return count;
}
