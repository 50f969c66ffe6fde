/// <reference lib="dom" />
// The journal panel in the webview: timeline, reader, quick capture, search and trends. It talks
// to the extension only through the messages in src/shared/protocol.ts, renders entry Markdown
// only through markdown.ts (marked + DOMPurify), and builds every other node with textContent.
import DOMPurify from 'dompurify';
import {
  CaptureKind,
  CAPTURE_KINDS,
  cleanCaptureText,
  Energy,
  energyDescription,
  EntryView,
  FromWebview,
  isOpenableUrl,
  JournalStatus,
  PERIOD_FILTERS,
  TimelineRow,
  ToWebview,
  TREND_RANGES,
  Trends,
} from '../shared/protocol';
import { renderEnergyChart } from './energyChart';
import { describeType, formatDate, formatRowDate, plural } from './format';
import { createMarkdownRenderer } from './markdown';
import { PanelState, restoreState } from './panelState';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 200;
/** Arrowing through the energy radios should write once, for the value the user stops on. */
const ENERGY_DELAY_MS = 400;

/** When this script started, ms after the document did: the first-render figures start from here. */
const scriptStarted = performance.now();
const vscode = acquireVsCodeApi();
const state = restoreState(vscode.getState());
const render = createMarkdownRenderer(DOMPurify);

function $<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the panel's HTML`);
  return node as T;
}

const ui = {
  home: $<HTMLDivElement>('home'),
  capture: $<HTMLDetailsElement>('capture'),
  captureDay: $<HTMLSpanElement>('capture-day'),
  captureKind: $<HTMLSelectElement>('capture-kind'),
  captureText: $<HTMLInputElement>('capture-text'),
  captureAdd: $<HTMLButtonElement>('capture-add'),
  captureStatus: $<HTMLParagraphElement>('capture-status'),
  energy: $<HTMLFieldSetElement>('energy'),
  trends: $<HTMLDetailsElement>('trends'),
  statStreak: $<HTMLElement>('stat-streak'),
  statMonth: $<HTMLElement>('stat-month'),
  statEnergy: $<HTMLElement>('stat-energy'),
  chart: $<HTMLDivElement>('energy-chart'),
  chartLabel: $<HTMLElement>('chart-label'),
  onThisDay: $<HTMLUListElement>('on-this-day'),
  search: $<HTMLInputElement>('search'),
  filterType: $<HTMLSelectElement>('filter-type'),
  filterTag: $<HTMLSelectElement>('filter-tag'),
  filterPeriod: $<HTMLSelectElement>('filter-period'),
  resultCount: $<HTMLParagraphElement>('result-count'),
  timeline: $<HTMLDivElement>('timeline'),
  loadMore: $<HTMLButtonElement>('load-more'),
  reader: $<HTMLElement>('reader'),
  readerBack: $<HTMLButtonElement>('reader-back'),
  readerOpen: $<HTMLButtonElement>('reader-open'),
  readerTitle: $<HTMLHeadingElement>('reader-title'),
  readerMeta: $<HTMLParagraphElement>('reader-meta'),
  readerStatus: $<HTMLParagraphElement>('reader-status'),
  readerBody: $<HTMLElement>('reader-body'),
};

let nextRequestId = 1;
const send = (message: FromWebview): void => vscode.postMessage(message);
const save = (): void => vscode.setState(state);

// ---- timeline

let rows: TimelineRow[] = [];
let total = 0;
let journal: JournalStatus | undefined;
/** The page request whose reply the timeline waits for; older replies are dropped. */
let pendingPage: { id: number; append: boolean } | undefined;

function requestPage(append: boolean, limit = PAGE_SIZE): void {
  const id = nextRequestId++;
  pendingPage = { id, append };
  ui.timeline.setAttribute('aria-busy', 'true');
  send({ type: 'query', requestId: id, query: { ...state.query }, offset: append ? rows.length : 0, limit: Math.min(limit, 500) });
}

function rowElement(row: TimelineRow): HTMLDivElement {
  const item = document.createElement('div');
  item.className = 'row';
  item.setAttribute('role', 'option');
  item.dataset.id = row.id;
  item.tabIndex = -1;
  item.setAttribute('aria-selected', 'false');
  const head = document.createElement('div');
  head.className = 'row-head';
  const date = document.createElement('span');
  date.className = 'date';
  date.textContent = formatRowDate(row.date);
  date.title = formatDate(row.date);
  const type = document.createElement('span');
  type.className = 'badge';
  type.textContent = describeType(row.type);
  head.append(date, type);
  if (row.energy !== undefined) {
    const energy = document.createElement('span');
    energy.className = 'energy-badge';
    energy.textContent = `energy ${row.energy}`;
    energy.title = `Energy ${energyDescription(row.energy)}`;
    head.append(energy);
  }
  const preview = document.createElement('div');
  preview.className = 'preview';
  preview.textContent = row.preview || 'Nothing written yet.';
  item.append(head, preview);
  if (row.tags.length) {
    const tags = document.createElement('div');
    tags.className = 'tags';
    tags.textContent = row.tags.map((t) => `#${t}`).join(' ');
    item.append(tags);
  }
  return item;
}

function options(): HTMLElement[] {
  return Array.from(ui.timeline.querySelectorAll<HTMLElement>('[role="option"]'));
}

/** Moves the listbox's selection (and, with `focus`, keyboard focus) to `item`. One option is tabbable. */
function select(item: HTMLElement | undefined, focus: boolean): void {
  if (!item) return;
  for (const o of options()) {
    const on = o === item;
    o.setAttribute('aria-selected', String(on));
    o.tabIndex = on ? 0 : -1;
  }
  state.selectedId = item.dataset.id;
  if (focus) {
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest' });
  }
  save();
}

function renderRows(newRows: TimelineRow[], append: boolean): void {
  const fragment = document.createDocumentFragment();
  for (const row of newRows) fragment.append(rowElement(row));
  if (append) ui.timeline.append(fragment);
  else ui.timeline.replaceChildren(fragment);
  const all = options();
  const selected = all.find((o) => o.dataset.id === state.selectedId) ?? all[0];
  // The first row stands selected until the user picks another: the arrow keys start from it.
  if (selected && selected.dataset.id !== state.selectedId) state.selectedId = selected.dataset.id;
  for (const o of all) {
    o.setAttribute('aria-selected', String(o === selected));
    o.tabIndex = o === selected ? 0 : -1;
  }
  const more = total - rows.length;
  ui.loadMore.hidden = more <= 0;
  ui.loadMore.textContent = `Load more (${plural(more, 'entry', 'entries')} left)`;
  ui.resultCount.textContent = resultText();
}

function resultText(): string {
  if (journal?.state === 'unavailable') return journal.message;
  const q = state.query;
  const filtered = q.text.trim() || q.type || q.tag || q.period !== 'all';
  if (total === 0) {
    if (!filtered) return 'No entries yet. Start a retro (Reflect: Start Retro) or add a note above.';
    return q.text.trim() ? `No entries match “${q.text.trim()}”.` : 'No entries match these filters.';
  }
  const shown = rows.length < total ? `, ${rows.length.toLocaleString()} shown` : '';
  return filtered ? `${plural(total, 'entry matches', 'entries match')}${shown}.` : `${plural(total, 'entry', 'entries')}, newest first${shown}.`;
}

function onPage(message: Extract<ToWebview, { type: 'page' }>): void {
  if (!pendingPage || message.requestId !== pendingPage.id) return;
  const append = pendingPage.append;
  pendingPage = undefined;
  ui.timeline.removeAttribute('aria-busy');
  total = message.total;
  rows = append ? [...rows, ...message.rows] : message.rows;
  renderRows(message.rows, append);
  state.loaded = rows.length;
  save();
  if (!append) restoreHomeScroll('page');
  if (!document.body.dataset.firstRenderMs) {
    // Time from this document's start to the first rows painted, and its parts (read by the e2e test).
    document.body.dataset.firstRenderMs = 'pending';
    const replied = performance.now();
    requestAnimationFrame(() => {
      const painted = performance.now();
      document.body.dataset.firstRenderTimings = JSON.stringify({ scriptStarted: Math.round(scriptStarted), firstPageReceived: Math.round(replied), painted: Math.round(painted) });
      document.body.dataset.firstRenderMs = String(Math.round(painted));
    });
  }
}

ui.timeline.addEventListener('click', (event) => {
  const item = (event.target as Element).closest<HTMLElement>('[role="option"]');
  if (!item?.dataset.id) return;
  select(item, true);
  openEntry(item.dataset.id);
});

ui.timeline.addEventListener('keydown', (event) => {
  const all = options();
  const current = all.findIndex((o) => o.dataset.id === state.selectedId);
  const go = (i: number): void => {
    event.preventDefault();
    select(all[Math.max(0, Math.min(all.length - 1, i))], true);
    // Reaching the end of what is loaded loads the next page, so the keyboard never hits a wall.
    if (i >= all.length - 1 && rows.length < total && !pendingPage) requestPage(true);
  };
  switch (event.key) {
    case 'ArrowDown':
      return go(current + 1);
    case 'ArrowUp':
      return go(current - 1);
    case 'Home':
      return go(0);
    case 'End':
      return go(all.length - 1);
    case 'PageDown':
      return go(current + 10);
    case 'PageUp':
      return go(current - 10);
    case 'Enter':
    case ' ': {
      event.preventDefault();
      const id = all[current]?.dataset.id;
      if (id) openEntry(id);
      return;
    }
  }
});

ui.loadMore.addEventListener('click', () => {
  if (!pendingPage) requestPage(true);
});
// Load the next page before the user reaches the end, so a long journal scrolls without a stop.
new IntersectionObserver(
  (seen) => {
    if (seen.some((e) => e.isIntersecting) && !ui.loadMore.hidden && !pendingPage && ui.reader.hidden) requestPage(true);
  },
  { rootMargin: '600px 0px' },
).observe(ui.loadMore);

// ---- search and filters

let searchTimer: number | undefined;
ui.search.addEventListener('input', () => {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    state.query.text = ui.search.value;
    requestPage(false);
    save();
  }, SEARCH_DELAY_MS);
});
ui.search.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && ui.search.value) {
    event.preventDefault();
    ui.search.value = '';
    ui.search.dispatchEvent(new Event('input'));
  } else if (event.key === 'ArrowDown') {
    event.preventDefault();
    select(options().find((o) => o.dataset.id === state.selectedId) ?? options()[0], true);
  }
});
for (const [select_, key] of [
  [ui.filterType, 'type'],
  [ui.filterTag, 'tag'],
] as const) {
  select_.addEventListener('change', () => {
    state.query[key] = select_.value;
    requestPage(false);
    save();
  });
}
ui.filterPeriod.addEventListener('change', () => {
  const value = PERIOD_FILTERS.find((p) => p === ui.filterPeriod.value);
  if (!value) return;
  state.query.period = value;
  requestPage(false);
  save();
});

/** Fills a filter's options, keeping the current choice even if no entry has it any more. */
function fillSelect(select_: HTMLSelectElement, values: readonly string[], current: string, label: (v: string) => string): void {
  const list = current && !values.includes(current) ? [current, ...values] : values;
  const first = select_.options[0];
  select_.replaceChildren(first);
  for (const v of list) {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = label(v);
    select_.append(option);
  }
  select_.value = current;
}

// ---- reader

/** The entry request the reader waits for. */
let pendingEntry: { id: number; entryId: string; restoreScroll: boolean } | undefined;
/** What must be on screen before the saved list position means the same rows again. */
const awaitingForScroll = new Set<'page' | 'trends'>();

/** Restores the list's scroll position once the timeline and the trends above it have their height. */
function restoreHomeScroll(arrived: 'page' | 'trends'): void {
  if (!awaitingForScroll.delete(arrived) || awaitingForScroll.size > 0) return;
  if (ui.reader.hidden) scrollBackTo(state.homeScroll);
}

function showReader(recordScroll: boolean): void {
  if (ui.reader.hidden && recordScroll) state.homeScroll = window.scrollY;
  ui.home.hidden = true;
  ui.reader.hidden = false;
}

function openEntry(entryId: string, restoreScroll = false): void {
  showReader(!restoreScroll);
  state.openId = entryId;
  save();
  const id = nextRequestId++;
  pendingEntry = { id, entryId, restoreScroll };
  ui.reader.setAttribute('aria-busy', 'true');
  if (!restoreScroll) {
    ui.readerTitle.textContent = 'Loading…';
    ui.readerMeta.textContent = '';
    ui.readerBody.replaceChildren();
    window.scrollTo({ top: 0, behavior: 'instant' });
  }
  send({ type: 'openEntry', requestId: id, id: entryId });
}

/**
 * Scrolls back to where the user was. The document may not be laid out to full height yet (the
 * view is still opening), so it tries again as the page grows, for a moment, until the user moves.
 */
function scrollBackTo(top: number): void {
  const deadline = performance.now() + 2000;
  let stop = false;
  const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const userMoved = (): void => void (stop = true);
  const opts = { once: true, passive: true } as const;
  for (const type of events) window.addEventListener(type, userMoved, opts);
  const attempt = (): void => {
    if (!stop) window.scrollTo({ top, behavior: 'instant' });
    if (!stop && Math.abs(window.scrollY - top) > 1 && performance.now() < deadline) requestAnimationFrame(attempt);
    else for (const type of events) window.removeEventListener(type, userMoved);
  };
  attempt();
}

function onEntry(message: Extract<ToWebview, { type: 'entry' }>): void {
  if (!pendingEntry || message.requestId !== pendingEntry.id) return;
  const { restoreScroll } = pendingEntry;
  pendingEntry = undefined;
  ui.reader.removeAttribute('aria-busy');
  showEntry(message.entry);
  if (restoreScroll) scrollBackTo(state.readerScroll);
  else ui.readerTitle.focus();
}

function showEntry(entry: EntryView | undefined): void {
  ui.readerStatus.textContent = '';
  if (!entry) {
    ui.readerTitle.textContent = 'Entry not found';
    ui.readerMeta.textContent = '';
    ui.readerBody.replaceChildren();
    ui.readerStatus.textContent = 'This entry is no longer in the journal.';
    ui.readerOpen.disabled = true;
    return;
  }
  ui.readerOpen.disabled = false;
  const { row } = entry;
  ui.readerTitle.textContent = `${formatDate(row.date)} · ${describeType(row.type)}`;
  ui.readerMeta.textContent = [row.energy !== undefined ? `Energy ${energyDescription(row.energy)}` : '', row.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' · ');
  // The only HTML that reaches the DOM from an entry: rendered by marked, sanitized by DOMPurify.
  ui.readerBody.innerHTML = render(entry.body);
  if (entry.truncated) ui.readerStatus.textContent = 'This entry is very long; the panel shows its beginning. Open it in the editor to read it all.';
}

function closeReader(): void {
  if (ui.reader.hidden) return;
  const openId = state.openId;
  state.openId = undefined;
  state.readerScroll = 0;
  pendingEntry = undefined;
  ui.reader.hidden = true;
  ui.home.hidden = false;
  ui.readerBody.replaceChildren();
  window.scrollTo({ top: state.homeScroll, behavior: 'instant' });
  const row = options().find((o) => o.dataset.id === openId);
  if (row) select(row, true);
  else (options().find((o) => o.tabIndex === 0) ?? ui.search).focus();
  save();
}

ui.readerBack.addEventListener('click', closeReader);
ui.readerOpen.addEventListener('click', () => {
  if (state.openId) send({ type: 'openInEditor', id: state.openId });
});
ui.reader.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    closeReader();
  }
});
// Links never navigate the webview: an http(s) link is handed to the extension, which opens it in
// the browser; anything else was already stripped of its href by the sanitizer. Stopping the
// event here also keeps VS Code's own link handler (on the window) from opening it a second time.
for (const type of ['click', 'auxclick'] as const) {
  ui.readerBody.addEventListener(type, (event) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const href = link.getAttribute('href');
    if (type === 'click' && href && isOpenableUrl(href)) send({ type: 'openLink', url: href });
  });
}

// ---- quick capture and energy

let pendingWrites = 0;
/** A capture sent and not answered yet (energy writes may overlap it). */
let pendingCapture = false;
function setWriteStatus(text: string, ok: boolean): void {
  ui.captureStatus.textContent = text;
  ui.captureStatus.classList.toggle('error', !ok);
}

function capture(): void {
  // Enter held down, or pressed again before the reply: the same line goes in once.
  if (pendingCapture) return;
  // Pasted text may hold control characters the extension refuses: send what it accepts.
  const text = cleanCaptureText(ui.captureText.value);
  if (!text) {
    setWriteStatus('Write something to add first.', false);
    ui.captureText.focus();
    return;
  }
  const kind = CAPTURE_KINDS.find((k) => k === ui.captureKind.value) ?? 'note';
  pendingWrites++;
  pendingCapture = true;
  ui.captureAdd.disabled = true;
  writes.set(nextRequestId, { clear: text });
  send({ type: 'capture', requestId: nextRequestId++, kind, text });
}

const writes = new Map<number, { clear?: string }>();
function onWritten(message: Extract<ToWebview, { type: 'written' }>): void {
  const write = writes.get(message.requestId);
  if (!write) return;
  writes.delete(message.requestId);
  pendingWrites = Math.max(0, pendingWrites - 1);
  if (write.clear !== undefined) pendingCapture = false;
  ui.captureAdd.disabled = pendingWrites > 0;
  setWriteStatus(message.message, message.ok);
  // A failed energy write: show the energy the entry really has again.
  if (!message.ok && write.clear === undefined) showTodayEnergy(journal?.state === 'ready' ? journal.todayEnergy : undefined);
  // Clear the box only if it still holds what was added (the user may have typed on).
  if (message.ok && write.clear !== undefined && cleanCaptureText(ui.captureText.value) === write.clear) {
    ui.captureText.value = '';
    state.captureDraft = '';
    save();
  }
}

ui.captureAdd.addEventListener('click', capture);
ui.captureText.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isComposing) {
    event.preventDefault();
    capture();
  }
});
ui.captureText.addEventListener('input', () => {
  state.captureDraft = ui.captureText.value;
  save();
});
ui.captureKind.addEventListener('change', () => {
  state.captureKind = CAPTURE_KINDS.find((k) => k === ui.captureKind.value) ?? 'note';
  ui.captureText.placeholder = placeholderFor(state.captureKind);
  save();
});

function placeholderFor(kind: CaptureKind): string {
  const examples: Record<CaptureKind, string> = {
    note: 'A note for today',
    win: 'A win, however small',
    feedback: 'Feedback you got or gave',
    lesson: 'Something you learned',
    energizer: 'What gave you energy',
    drain: 'What drained you',
  };
  return examples[kind];
}

let energyTimer: number | undefined;
ui.energy.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const energy = [1, 2, 3, 4, 5].find((n) => String(n) === input.value);
  if (energy === undefined) return;
  window.clearTimeout(energyTimer);
  energyTimer = window.setTimeout(() => {
    pendingWrites++;
    writes.set(nextRequestId, {});
    send({ type: 'setEnergy', requestId: nextRequestId++, energy: energy as Energy });
  }, ENERGY_DELAY_MS);
});

function showTodayEnergy(energy: number | undefined): void {
  for (const input of Array.from(ui.energy.querySelectorAll<HTMLInputElement>('input[type="radio"]'))) {
    input.checked = energy !== undefined && input.value === String(Math.round(energy));
  }
}

// ---- trends

let pendingTrends: number | undefined;
function requestTrends(): void {
  pendingTrends = nextRequestId++;
  send({ type: 'trends', requestId: pendingTrends, days: state.trendDays });
}

let lastTrends: Trends | undefined;
function onTrends(message: Extract<ToWebview, { type: 'trends' }>): void {
  if (message.requestId !== pendingTrends) return;
  pendingTrends = undefined;
  lastTrends = message.trends;
  const t = message.trends;
  ui.statStreak.textContent = plural(t.streak, 'retro', 'retros');
  ui.statMonth.textContent = plural(t.thisMonth, 'entry', 'entries');
  ui.statEnergy.textContent = t.averageEnergy === null ? '–' : `${t.averageEnergy} of 5`;
  ui.statEnergy.title = `Average over the last ${t.days} days`;
  ui.chartLabel.textContent = `Energy, last ${t.days} days`;
  renderEnergyChart(ui.chart, t.energy, t.days);
  const cards = t.onThisDay.map((card) => {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'card-label';
    label.textContent = `${card.label} · ${formatDate(card.entry?.date ?? card.date)}`;
    if (!card.entry) {
      li.className = 'card empty';
      const none = document.createElement('span');
      none.className = 'muted';
      none.textContent = 'Nothing written around then.';
      li.append(label, none);
      return li;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'card';
    button.dataset.id = card.entry.id;
    const preview = document.createElement('span');
    preview.className = 'preview';
    preview.textContent = card.entry.preview || describeType(card.entry.type);
    button.append(label, preview);
    li.append(button);
    return li;
  });
  ui.onThisDay.replaceChildren(...cards);
  restoreHomeScroll('trends');
}

ui.onThisDay.addEventListener('click', (event) => {
  const id = (event.target as Element).closest<HTMLElement>('button[data-id]')?.dataset.id;
  if (id) openEntry(id);
});
for (const button of Array.from(ui.trends.querySelectorAll<HTMLButtonElement>('button[data-days]'))) {
  button.addEventListener('click', () => {
    const days = TREND_RANGES.find((d) => String(d) === button.dataset.days);
    if (!days || days === state.trendDays) return;
    state.trendDays = days;
    showTrendRange();
    requestTrends();
    save();
  });
}
function showTrendRange(): void {
  for (const b of Array.from(ui.trends.querySelectorAll<HTMLButtonElement>('button[data-days]'))) b.setAttribute('aria-pressed', String(b.dataset.days === String(state.trendDays)));
}
// The chart is drawn to the panel's width: redraw when the sidebar is resized.
let chartWidth = 0;
new ResizeObserver(() => {
  const width = ui.chart.clientWidth;
  if (lastTrends && Math.abs(width - chartWidth) > 4) renderEnergyChart(ui.chart, lastTrends.energy, lastTrends.days);
  chartWidth = width;
}).observe(ui.chart);

// ---- the journal as a whole

function onJournal(status: JournalStatus): void {
  const previous = journal;
  journal = status;
  const available = status.state === 'ready';
  ui.captureAdd.disabled = !available || pendingWrites > 0;
  ui.captureText.disabled = !available;
  ui.energy.disabled = !available;
  if (status.state === 'unavailable') {
    rows = [];
    total = 0;
    renderRows([], false);
    return;
  }
  ui.captureDay.textContent = `for ${formatDate(status.today)}`;
  showTodayEnergy(status.todayEnergy);
  fillSelect(ui.filterType, status.types, state.query.type, describeType);
  fillSelect(ui.filterTag, status.tags, state.query.tag, (t) => `#${t}`);
  // Something changed on disk: ask again for what is on screen, keeping the scroll position.
  if (previous && (previous.state !== 'ready' || previous.revision !== status.revision)) {
    requestPage(false, Math.max(PAGE_SIZE, rows.length));
    requestTrends();
    if (state.openId && !ui.reader.hidden) {
      state.readerScroll = window.scrollY;
      openEntry(state.openId, true);
    }
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'journal':
      return onJournal(message.status);
    case 'page':
      return onPage(message);
    case 'trends':
      return onTrends(message);
    case 'entry':
      return onEntry(message);
    case 'written':
      return onWritten(message);
    case 'failed':
      if (message.requestId === pendingPage?.id) {
        pendingPage = undefined;
        ui.timeline.removeAttribute('aria-busy');
        ui.resultCount.textContent = `Could not load the timeline: ${message.message}`;
      } else if (message.requestId === pendingEntry?.id) {
        pendingEntry = undefined;
        ui.reader.removeAttribute('aria-busy');
        ui.readerStatus.textContent = `Could not open the entry: ${message.message}`;
      } else if (message.requestId === pendingTrends) {
        pendingTrends = undefined;
        ui.chartLabel.textContent = `Could not compute the trends: ${message.message}`;
        restoreHomeScroll('trends');
      }
      return;
  }
});

// Remember where the user was: hiding the view drops this document, getState brings it back.
let scrollSave: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollSave);
  scrollSave = window.setTimeout(() => {
    // While VS Code hides the view the document collapses and the scroll drops to 0: not the user's doing.
    if (window.innerHeight === 0 || document.visibilityState === 'hidden') return;
    if (ui.reader.hidden) state.homeScroll = window.scrollY;
    else state.readerScroll = window.scrollY;
    save();
  }, 150);
});
ui.capture.addEventListener('toggle', () => {
  state.captureOpen = ui.capture.open;
  save();
});
ui.trends.addEventListener('toggle', () => {
  state.trendsOpen = ui.trends.open;
  save();
});

// ---- start: restore the controls, then the handshake and the first requests

ui.search.value = state.query.text;
ui.filterPeriod.value = state.query.period;
ui.captureKind.value = state.captureKind;
ui.captureText.value = state.captureDraft;
ui.captureText.placeholder = placeholderFor(state.captureKind);
ui.capture.open = state.captureOpen;
ui.trends.open = state.trendsOpen;
fillSelect(ui.filterType, [], state.query.type, describeType);
fillSelect(ui.filterTag, [], state.query.tag, (t) => `#${t}`);
showTrendRange();
if (state.homeScroll > 0) {
  awaitingForScroll.add('page');
  if (state.trendsOpen) awaitingForScroll.add('trends');
}

send({ type: 'ready' });
requestPage(false, Math.max(PAGE_SIZE, state.loaded));
requestTrends();
if (state.openId) openEntry(state.openId, true);
