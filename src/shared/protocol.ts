// The messages between the extension and the journal panel's webview. Both sides import this
// file, so it must stay free of VS Code and Node.js imports (only globals both have, like URL).
//
// The webview renders user Markdown, so treat everything it sends as untrusted: the extension
// acts only on what parseFromWebview() accepts, and looks ids up in the index instead of using
// them as paths.

import { CAPTURE_KINDS, CaptureKind } from './noteKinds';

export const PERIOD_FILTERS = ['all', 'last30', 'last90', 'thisYear', 'lastYear'] as const;
export type PeriodFilter = (typeof PERIOD_FILTERS)[number];

export const PERIOD_LABELS: Record<PeriodFilter, string> = {
  all: 'All time',
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  thisYear: 'This year',
  lastYear: 'Last year',
};

export const TREND_RANGES = [30, 90] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

export type Energy = 1 | 2 | 3 | 4 | 5;

const ENERGY_WORDS: Record<Energy, string> = { 1: 'drained', 2: 'low', 3: 'steady', 4: 'good', 5: 'energized' };

/** "4 of 5, good": how the panel names an energy level, on screen and to screen readers. */
export function energyDescription(energy: number): string {
  const word = ENERGY_WORDS[Math.round(energy) as Energy];
  return word ? `${energy} of 5, ${word}` : `${energy} of 5`;
}

/** Upper bounds for what the webview may send. Anything longer is refused, not truncated. */
export const LIMITS = {
  searchText: 200,
  captureText: 2_000,
  entryId: 512,
  type: 64,
  tag: 100,
  url: 2_048,
  pageSize: 500,
  offset: 1_000_000,
  requestId: 2 ** 31 - 1,
} as const;

/** A search and its filters; an empty string means "any". */
export interface TimelineQuery {
  text: string;
  type: string;
  tag: string;
  period: PeriodFilter;
}

/** One row of the timeline: enough to list an entry, never its full text. */
export interface TimelineRow {
  /** The entry's path relative to the journal. The extension only ever looks it up in its index. */
  id: string;
  date: string;
  type: string;
  energy?: number;
  tags: string[];
  /** The first lines the user wrote (or, while searching, the line that matched), as plain text. */
  preview: string;
}

export interface OnThisDayCard {
  label: string;
  /** The day looked at, `YYYY-MM-DD`. */
  date: string;
  /** The entry written on (or closest to) that day, if any. */
  entry?: TimelineRow;
}

export interface EnergyPoint {
  date: string;
  /** Mean energy of the day's entries; null when none recorded one. */
  energy: number | null;
}

export interface Trends {
  days: TrendRange;
  streak: number;
  /** Entries dated in the current calendar month. */
  thisMonth: number;
  energy: EnergyPoint[];
  averageEnergy: number | null;
  onThisDay: OnThisDayCard[];
}

export interface EntryView {
  row: TimelineRow;
  /** The Markdown after the front matter: rendered and sanitized in the webview. */
  body: string;
  /** True when the body was cut short because the file is very large. */
  truncated: boolean;
}

// ---- webview → extension

export type FromWebview =
  | { type: 'ready' }
  | { type: 'query'; requestId: number; query: TimelineQuery; offset: number; limit: number }
  | { type: 'trends'; requestId: number; days: TrendRange }
  | { type: 'openEntry'; requestId: number; id: string }
  | { type: 'openInEditor'; id: string }
  | { type: 'capture'; requestId: number; kind: CaptureKind; text: string }
  | { type: 'setEnergy'; requestId: number; energy: Energy }
  | { type: 'openLink'; url: string };

// ---- extension → webview

export type JournalStatus =
  | {
      state: 'ready';
      /** Increases whenever the journal changed: the webview then asks again for what it shows. */
      revision: number;
      /** The day quick capture writes to, `YYYY-MM-DD`. */
      today: string;
      /** Changes when the journal folder changed: what the panel said about the old one is cleared. */
      journal: number;
      todayEnergy?: number;
      types: string[];
      tags: string[];
      total: number;
    }
  | { state: 'unavailable'; message: string };

export type ToWebview =
  | { type: 'journal'; status: JournalStatus }
  | { type: 'page'; requestId: number; offset: number; rows: TimelineRow[]; total: number }
  | { type: 'trends'; requestId: number; trends: Trends }
  | { type: 'entry'; requestId: number; id: string; entry?: EntryView }
  | { type: 'written'; requestId: number; ok: boolean; message: string }
  /** A request could not be answered (the journal is unreadable, a file vanished…). */
  | { type: 'failed'; requestId: number; message: string };

// ---- validation

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

type Shape = Record<string, (value: unknown) => boolean>;

const isRequestId = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= LIMITS.requestId;
const isIntIn = (min: number, max: number) => (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (values: readonly unknown[]) => (v: unknown): boolean => values.includes(v);
// C0 controls, DEL and C1 controls; quick capture allows tab and newline (they are folded into one line later).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Capture text as the extension accepts it: control characters other than tab and line breaks removed. */
export const cleanCaptureText = (text: string): string => text.replace(new RegExp(CONTROL_EXCEPT_WHITESPACE.source, 'g'), '').trim();

const isLine = (max: number) => (v: unknown): boolean => typeof v === 'string' && v.length <= max && !CONTROL.test(v);

/**
 * Whether `value` could name an entry: `entries/…/name.md`, relative, no `..`, no backslash, no
 * scheme or drive letter. Only a first filter: the extension then looks the id up in its index.
 */
export function isEntryId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.entryId) return false;
  if (CONTROL.test(value) || value.includes('\\') || value.includes(':')) return false;
  if (!value.startsWith('entries/') || !value.toLowerCase().endsWith('.md')) return false;
  return value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** An absolute http(s) URL without credentials: the only links the panel opens (in the browser). */
export function isOpenableUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url || CONTROL.test(value) || /\s/.test(value)) return false;
  // A backslash is read as "/" by one URL parser and as part of the user name by another:
  // "https://example.com\@evil.example" must not pass as example.com and open evil.example.
  if (!/^https?:\/\//i.test(value) || value.includes('\\')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const QUERY: Shape = {
  text: isLine(LIMITS.searchText),
  type: isLine(LIMITS.type),
  tag: isLine(LIMITS.tag),
  period: oneOf(PERIOD_FILTERS),
};

const MESSAGES: { [K in FromWebview['type']]: Shape } = {
  ready: {},
  query: { requestId: isRequestId, query: (v) => hasShape(v, QUERY), offset: isIntIn(0, LIMITS.offset), limit: isIntIn(1, LIMITS.pageSize) },
  trends: { requestId: isRequestId, days: oneOf(TREND_RANGES) },
  openEntry: { requestId: isRequestId, id: isEntryId },
  openInEditor: { id: isEntryId },
  capture: {
    requestId: isRequestId,
    kind: oneOf(CAPTURE_KINDS),
    text: (v) => typeof v === 'string' && v.trim() !== '' && v.length <= LIMITS.captureText && !CONTROL_EXCEPT_WHITESPACE.test(v),
  },
  setEnergy: { requestId: isRequestId, energy: isIntIn(1, 5) },
  openLink: { url: isOpenableUrl },
};

/** A plain object with exactly the keys of `shape` (besides `type`), each passing its check. */
function hasShape(value: unknown, shape: Shape, extraKeys: readonly string[] = []): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  const expected = [...Object.keys(shape), ...extraKeys];
  if (keys.length !== expected.length || !keys.every((k) => expected.includes(k))) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(shape).every(([key, check]) => check(record[key]));
}

/**
 * Accepts a message from the webview only if its type is on the allowlist and its shape is
 * exactly that type's: no missing or extra keys, bounded strings, integers in range.
 */
export function parseFromWebview(raw: unknown): Parsed<FromWebview> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(MESSAGES, type)) {
    return { ok: false, reason: `unknown message type ${JSON.stringify(String(type).slice(0, 40))}` };
  }
  const shape = MESSAGES[type as FromWebview['type']];
  if (!hasShape(raw, shape, ['type'])) return { ok: false, reason: `malformed "${type}" message` };
  return { ok: true, message: raw as FromWebview };
}
