/// <reference lib="dom" />
// The reader: one entry at a time in place of the home view, and the way back to the same spot in
// the list. Entry Markdown reaches the DOM only through markdown.ts (marked, then DOMPurify).
import DOMPurify from 'dompurify';
import { debounce } from '../shared/debounce';
import { energyDescription, EntryView, isOpenableUrl } from '../shared/protocol';
import { describeType } from '../shared/text';
import { PanelClient, Pending, ReplyTo } from './client';
import { Ui } from './dom';
import { formatDate } from './format';
import { Listbox } from './listbox';
import { createMarkdownRenderer } from './markdown';
import { PanelStore } from './state';
import { tagLabel } from './timelineRow';

/** How long scrolling must pause before the position is saved. */
const SCROLL_SAVE_MS = 150;

/** The parts of the home view whose height the saved list position depends on. */
export type HomePart = 'page' | 'trends';

export type ReaderUi = Pick<Ui, 'home' | 'search' | 'reader' | 'readerBack' | 'readerOpen' | 'readerTitle' | 'readerMeta' | 'readerStatus' | 'readerBody'>;

export interface ReaderDeps {
  ui: ReaderUi;
  client: PanelClient;
  store: PanelStore;
  /** The timeline's selection: closing the reader selects the row it showed. */
  listbox: Pick<Listbox, 'options' | 'select'>;
}

export interface ReaderPart {
  /** Shows an entry; with `restoreScroll`, at the saved reader position instead of the top, keeping focus where it is. */
  open(entryId: string, restoreScroll?: boolean): void;
  isOpen(): boolean;
  /** `part` of the home view has its content: once all awaited parts do, the saved list position is restored. */
  homeShown(part: HomePart): void;
  /** On start: which parts to await before restoring the saved list position. */
  restore(): void;
  /** On start: reopens the entry that was open when the panel was hidden. */
  reopenSaved(): void;
  /** The journal changed: shows the open entry again, where the user had scrolled to. */
  reload(): void;
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

export function createReader({ ui, client, store, listbox }: ReaderDeps): ReaderPart {
  const { state, save } = store;
  const render = createMarkdownRenderer(DOMPurify);
  /** The entry request the reader waits for. */
  let pending: Pending | undefined;
  /** What must be on screen before the saved list position means the same rows again. */
  const awaitingForScroll = new Set<HomePart>();

  function showReader(recordScroll: boolean): void {
    if (ui.reader.hidden && recordScroll) state.homeScroll = window.scrollY;
    ui.home.hidden = true;
    ui.reader.hidden = false;
  }

  function open(entryId: string, restoreScroll = false): void {
    showReader(!restoreScroll);
    state.openId = entryId;
    save();
    pending?.drop();
    ui.reader.setAttribute('aria-busy', 'true');
    if (!restoreScroll) {
      ui.readerTitle.textContent = 'Loading…';
      ui.readerMeta.textContent = '';
      ui.readerBody.replaceChildren();
      window.scrollTo({ top: 0, behavior: 'instant' });
    }
    pending = client.request(
      (requestId) => ({ type: 'openEntry', requestId, id: entryId }),
      (reply) => onEntry(reply, restoreScroll),
    );
  }

  function onEntry(reply: ReplyTo<'openEntry'>, restoreScroll: boolean): void {
    pending = undefined;
    ui.reader.removeAttribute('aria-busy');
    if (reply.type === 'failed') {
      ui.readerStatus.textContent = `Could not open the entry: ${reply.message}`;
      return;
    }
    showEntry(reply.entry);
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
    ui.readerMeta.textContent = [row.energy !== undefined ? `Energy ${energyDescription(row.energy)}` : '', row.tags.map(tagLabel).join(' ')].filter(Boolean).join(' · ');
    // The only HTML that reaches the DOM from an entry: rendered by marked, sanitized by DOMPurify.
    ui.readerBody.innerHTML = render(entry.body);
    if (entry.truncated) ui.readerStatus.textContent = 'This entry is very long; the panel shows its beginning. Open it in the editor to read it all.';
  }

  function close(): void {
    if (ui.reader.hidden) return;
    const openId = state.openId;
    state.openId = undefined;
    state.readerScroll = 0;
    pending?.drop();
    pending = undefined;
    ui.reader.hidden = true;
    ui.home.hidden = false;
    ui.readerBody.replaceChildren();
    window.scrollTo({ top: state.homeScroll, behavior: 'instant' });
    const row = listbox.options().find((o) => o.dataset.id === openId);
    if (row) listbox.select(row, true);
    else (listbox.options().find((o) => o.tabIndex === 0) ?? ui.search).focus();
    save();
  }

  ui.readerBack.addEventListener('click', close);
  ui.readerOpen.addEventListener('click', () => {
    if (state.openId) client.send({ type: 'openInEditor', id: state.openId });
  });
  ui.reader.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
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
      if (type === 'click' && href && isOpenableUrl(href)) client.send({ type: 'openLink', url: href });
    });
  }

  // Remember where the user was: hiding the view drops this document, getState brings it back.
  const saveScroll = debounce(() => {
    // While VS Code hides the view the document collapses and the scroll drops to 0: not the user's doing.
    if (window.innerHeight === 0 || document.visibilityState === 'hidden') return;
    if (ui.reader.hidden) state.homeScroll = window.scrollY;
    else state.readerScroll = window.scrollY;
    save();
  }, SCROLL_SAVE_MS);
  window.addEventListener('scroll', saveScroll);

  return {
    open,
    isOpen: () => !ui.reader.hidden,
    homeShown(part) {
      if (!awaitingForScroll.delete(part) || awaitingForScroll.size > 0) return;
      if (ui.reader.hidden) scrollBackTo(state.homeScroll);
    },
    restore() {
      if (state.homeScroll > 0) {
        awaitingForScroll.add('page');
        if (state.trendsOpen) awaitingForScroll.add('trends');
      }
    },
    reopenSaved() {
      if (state.openId) open(state.openId, true);
    },
    reload() {
      if (state.openId && !ui.reader.hidden) {
        state.readerScroll = window.scrollY;
        open(state.openId, true);
      }
    },
  };
}
