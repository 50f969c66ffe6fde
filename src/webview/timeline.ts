/// <reference lib="dom" />
// The timeline: the entries a search and its filters choose, a page at a time (the next one asked
// for before the user reaches the end), with the count above them.
import { debounce } from '../shared/debounce';
import { JournalStatus, PERIOD_FILTERS, TimelineRow } from '../shared/protocol';
import { describeType, plural } from '../shared/text';
import { PanelClient, Pending, ReplyTo } from './client';
import { Ui } from './dom';
import { Listbox } from './listbox';
import type { HomePart } from './reader';
import { PanelStore } from './state';
import { rowElement, tagLabel } from './timelineRow';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 200;

export type TimelineUi = Pick<Ui, 'timeline' | 'loadMore' | 'resultCount' | 'search' | 'filterType' | 'filterTag' | 'filterPeriod'>;

/** What the timeline needs from the reader. */
export interface TimelineReader {
  open(entryId: string): void;
  isOpen(): boolean;
  /** The first page of a new list is on screen (the saved scroll position may apply again). */
  homeShown(part: HomePart): void;
}

export interface TimelineDeps {
  ui: TimelineUi;
  client: PanelClient;
  store: PanelStore;
  listbox: Listbox;
  reader: TimelineReader;
  /** performance.now() when the script started: the first-render figures count from the document's start. */
  scriptStarted: number;
}

export interface TimelinePart {
  /** Puts the saved search and filters back into their controls. */
  restore(): void;
  /** Asks for as many rows as were loaded before the panel was hidden (a page at least). */
  loadFirstPage(): void;
  /** The journal changed: asks again for the rows on screen. */
  reload(): void;
  journalChanged(status: JournalStatus): void;
}

/** Fills a filter's options, keeping the current choice even if no entry has it any more. */
function fillSelect(select: HTMLSelectElement, values: readonly string[], current: string, label: (v: string) => string): void {
  const list = current && !values.includes(current) ? [current, ...values] : values;
  const first = select.options[0];
  select.replaceChildren(first);
  for (const v of list) {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = label(v);
    select.append(option);
  }
  select.value = current;
}

export function createTimeline({ ui, client, store, listbox, reader, scriptStarted }: TimelineDeps): TimelinePart {
  const { state, save } = store;
  let rows: TimelineRow[] = [];
  let total = 0;
  /** Set while the journal cannot be read: the count line says why. */
  let unavailable: string | undefined;
  /** The page request the timeline waits for; requesting another drops it, so older replies are ignored. */
  let pending: Pending | undefined;

  function requestPage(append: boolean, limit = PAGE_SIZE): void {
    pending?.drop();
    ui.timeline.setAttribute('aria-busy', 'true');
    pending = client.request(
      (requestId) => ({ type: 'query', requestId, query: { ...state.query }, offset: append ? rows.length : 0, limit: Math.min(limit, 500) }),
      (reply) => onPage(reply, append),
    );
  }

  function resultText(): string {
    if (unavailable !== undefined) return unavailable;
    const q = state.query;
    const filtered = q.text.trim() || q.type || q.tag || q.period !== 'all';
    if (total === 0) {
      if (!filtered) return 'No entries yet. Start a retro (Reflect: Start Retro) or add a note above.';
      return q.text.trim() ? `No entries match “${q.text.trim()}”.` : 'No entries match these filters.';
    }
    const shown = rows.length < total ? `, ${rows.length.toLocaleString()} shown` : '';
    return filtered ? `${plural(total, 'entry matches', 'entries match')}${shown}.` : `${plural(total, 'entry', 'entries')}, newest first${shown}.`;
  }

  function renderRows(newRows: TimelineRow[], append: boolean): void {
    const fragment = document.createDocumentFragment();
    for (const row of newRows) fragment.append(rowElement(row));
    if (append) ui.timeline.append(fragment);
    else ui.timeline.replaceChildren(fragment);
    listbox.settle();
    const more = total - rows.length;
    ui.loadMore.hidden = more <= 0;
    ui.loadMore.textContent = `Load more (${plural(more, 'entry', 'entries')} left)`;
    ui.resultCount.textContent = resultText();
  }

  function onPage(reply: ReplyTo<'query'>, append: boolean): void {
    pending = undefined;
    ui.timeline.removeAttribute('aria-busy');
    if (reply.type === 'failed') {
      ui.resultCount.textContent = `Could not load the timeline: ${reply.message}`;
      return;
    }
    total = reply.total;
    rows = append ? [...rows, ...reply.rows] : reply.rows;
    renderRows(reply.rows, append);
    state.loaded = rows.length;
    save();
    if (!append) reader.homeShown('page');
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
    listbox.select(item, true);
    reader.open(item.dataset.id);
  });

  ui.timeline.addEventListener('keydown', (event) => {
    const all = listbox.options();
    const current = all.findIndex((o) => o.dataset.id === state.selectedId);
    const go = (i: number): void => {
      event.preventDefault();
      listbox.select(all[Math.max(0, Math.min(all.length - 1, i))], true);
      // Reaching the end of what is loaded loads the next page, so the keyboard never hits a wall.
      if (i >= all.length - 1 && rows.length < total && !pending) requestPage(true);
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
        if (id) reader.open(id);
        return;
      }
    }
  });

  ui.loadMore.addEventListener('click', () => {
    if (!pending) requestPage(true);
  });
  // Load the next page before the user reaches the end, so a long journal scrolls without a stop.
  new IntersectionObserver(
    (seen) => {
      if (seen.some((e) => e.isIntersecting) && !ui.loadMore.hidden && !pending && !reader.isOpen()) requestPage(true);
    },
    { rootMargin: '600px 0px' },
  ).observe(ui.loadMore);

  // ---- search and filters

  const search = debounce(() => {
    state.query.text = ui.search.value;
    requestPage(false);
    save();
  }, SEARCH_DELAY_MS);
  ui.search.addEventListener('input', search);
  ui.search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && ui.search.value) {
      event.preventDefault();
      ui.search.value = '';
      ui.search.dispatchEvent(new Event('input'));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      listbox.select(listbox.options().find((o) => o.dataset.id === state.selectedId) ?? listbox.options()[0], true);
    }
  });
  for (const [select, key] of [
    [ui.filterType, 'type'],
    [ui.filterTag, 'tag'],
  ] as const) {
    select.addEventListener('change', () => {
      state.query[key] = select.value;
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

  return {
    restore() {
      ui.search.value = state.query.text;
      ui.filterPeriod.value = state.query.period;
      fillSelect(ui.filterType, [], state.query.type, describeType);
      fillSelect(ui.filterTag, [], state.query.tag, tagLabel);
    },
    loadFirstPage() {
      requestPage(false, Math.max(PAGE_SIZE, state.loaded));
    },
    reload() {
      requestPage(false, Math.max(PAGE_SIZE, rows.length));
    },
    journalChanged(status) {
      unavailable = status.state === 'unavailable' ? status.message : undefined;
      if (status.state === 'unavailable') {
        rows = [];
        total = 0;
        renderRows([], false);
        return;
      }
      fillSelect(ui.filterType, status.types, state.query.type, describeType);
      fillSelect(ui.filterTag, status.tags, state.query.tag, tagLabel);
    },
  };
}
