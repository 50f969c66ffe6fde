/// <reference lib="dom" />
// What the panel remembers while it is hidden (VS Code drops a hidden webview's document and
// hands this back through getState when it is shown again).
import { CAPTURE_KINDS, CaptureKind } from '../shared/noteKinds';
import { isEntryId, LIMITS, PERIOD_FILTERS, TimelineQuery, TREND_RANGES, TrendRange } from '../shared/protocol';

export interface PanelState {
  query: TimelineQuery;
  /** Rows loaded when the panel was hidden, so the same ones (and the scroll position) come back. */
  loaded: number;
  homeScroll: number;
  readerScroll: number;
  /** The timeline row that has the (roving) focus. */
  selectedId?: string;
  /** The entry open in the reader. */
  openId?: string;
  trendDays: TrendRange;
  captureKind: CaptureKind;
  captureDraft: string;
  captureOpen: boolean;
  trendsOpen: boolean;
}

export const DEFAULT_STATE: PanelState = {
  query: { text: '', type: '', tag: '', period: 'all' },
  loaded: 0,
  homeScroll: 0,
  readerScroll: 0,
  trendDays: 30,
  captureKind: 'note',
  captureDraft: '',
  captureOpen: true,
  trendsOpen: true,
};

const str = (v: unknown, max: number, fallback: string): string => (typeof v === 'string' && v.length <= max ? v : fallback);
const num = (v: unknown, max: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, max) : 0);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
function oneOf<T>(values: readonly T[], v: unknown, fallback: T): T {
  return values.includes(v as T) ? (v as T) : fallback;
}

/** The saved state, each field checked (an older panel version may have saved another shape). */
export function restoreState(raw: unknown): PanelState {
  if (typeof raw !== 'object' || raw === null) return structuredClone(DEFAULT_STATE);
  const s = raw as Record<string, unknown>;
  const q = (typeof s.query === 'object' && s.query !== null ? s.query : {}) as Record<string, unknown>;
  const state: PanelState = {
    query: {
      text: str(q.text, LIMITS.searchText, ''),
      type: str(q.type, LIMITS.type, ''),
      tag: str(q.tag, LIMITS.tag, ''),
      period: oneOf(PERIOD_FILTERS, q.period, 'all'),
    },
    loaded: Math.floor(num(s.loaded, LIMITS.pageSize)),
    homeScroll: num(s.homeScroll, 10_000_000),
    readerScroll: num(s.readerScroll, 10_000_000),
    trendDays: oneOf(TREND_RANGES, s.trendDays, 30),
    captureKind: oneOf(CAPTURE_KINDS, s.captureKind, 'note'),
    captureDraft: str(s.captureDraft, LIMITS.captureText, ''),
    captureOpen: bool(s.captureOpen, true),
    trendsOpen: bool(s.trendsOpen, true),
  };
  if (isEntryId(s.selectedId)) state.selectedId = s.selectedId;
  if (isEntryId(s.openId)) state.openId = s.openId;
  return state;
}

/** The one saved object: each part changes its own fields, then save() hands the whole of it back to VS Code. */
export interface PanelStore {
  readonly state: PanelState;
  save(): void;
}

/** Restores what VS Code kept for this view (see restoreState) and saves it back on request. */
export function createStore(saved: { getState(): unknown; setState(state: PanelState): void }): PanelStore {
  const state = restoreState(saved.getState());
  return { state, save: () => saved.setState(state) };
}
