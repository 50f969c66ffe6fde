/// <reference lib="dom" />
// The timeline's selection, as a listbox with a roving tabindex: one option is selected and
// tabbable, and its id is saved so a re-shown panel selects the same row. Its own module because
// both the timeline (clicks, arrows) and the reader (closing selects the row it showed) move it.
import { PanelStore } from './state';

export interface Listbox {
  /** The rows on screen, in order. */
  options(): HTMLElement[];
  /** Moves the selection (and, with `focus`, keyboard focus) to `item`; nothing without one. */
  select(item: HTMLElement | undefined, focus: boolean): void;
  /** After rows were drawn: keeps the saved selection if its row is there, else selects the first. Does not save. */
  settle(): void;
}

export function createListbox(list: HTMLElement, { state, save }: PanelStore): Listbox {
  const options = (): HTMLElement[] => Array.from(list.querySelectorAll<HTMLElement>('[role="option"]'));

  const mark = (all: readonly HTMLElement[], selected: HTMLElement | undefined): void => {
    for (const o of all) {
      const on = o === selected;
      o.setAttribute('aria-selected', String(on));
      o.tabIndex = on ? 0 : -1;
    }
  };

  return {
    options,
    select(item, focus) {
      if (!item) return;
      mark(options(), item);
      state.selectedId = item.dataset.id;
      if (focus) {
        item.focus({ preventScroll: true });
        item.scrollIntoView({ block: 'nearest' });
      }
      save();
    },
    settle() {
      const all = options();
      const selected = all.find((o) => o.dataset.id === state.selectedId) ?? all[0];
      // The first row stands selected until the user picks another: the arrow keys start from it.
      if (selected && selected.dataset.id !== state.selectedId) state.selectedId = selected.dataset.id;
      mark(all, selected);
    },
  };
}
