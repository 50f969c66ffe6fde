/// <reference lib="dom" />
// Quick capture and today's energy: both write to today's entry through the extension, and the
// status line under them says how each write went.
import { debounce } from '../shared/debounce';
import { CAPTURE_KINDS, CAPTURES } from '../shared/noteKinds';
import { cleanCaptureText, Energy, JournalStatus } from '../shared/protocol';
import { PanelClient, ReplyTo } from './client';
import { Ui } from './dom';
import { formatDate } from './format';
import { PanelStore } from './state';

/** Arrowing through the energy radios should write once, for the value the user stops on. */
const ENERGY_DELAY_MS = 400;
const ENERGY_VALUES = [1, 2, 3, 4, 5] as const;

export type CaptureUi = Pick<Ui, 'capture' | 'captureDay' | 'captureKind' | 'captureText' | 'captureAdd' | 'captureStatus' | 'energy'>;

export interface CaptureDeps {
  ui: CaptureUi;
  client: PanelClient;
  store: PanelStore;
}

export interface CapturePart {
  /** Puts the saved kind, draft and open/closed state back. */
  restore(): void;
  /** Enables the controls only for a readable journal and shows today's day and energy. */
  journalChanged(status: JournalStatus): void;
}

export function createCapture({ ui, client, store }: CaptureDeps): CapturePart {
  const { state, save } = store;
  /** Writes sent and not answered yet: Add stays disabled until none is left. */
  let pendingWrites = 0;
  /** A capture sent and not answered yet (energy writes may overlap it). */
  let pendingCapture = false;
  /** Today's energy as the journal last reported it: shown again when an energy write fails. */
  let todayEnergy: number | undefined;
  /** The radio the user last chose, written once the choice settles. */
  let chosenEnergy: Energy | undefined;
  /** Which journal and day the last status was about: "Energy today: …" belongs to that one only. */
  let shownDay: string | undefined;

  function setWriteStatus(text: string, ok: boolean): void {
    ui.captureStatus.textContent = text;
    ui.captureStatus.classList.toggle('error', !ok);
  }

  function showTodayEnergy(energy: number | undefined): void {
    for (const input of Array.from(ui.energy.querySelectorAll<HTMLInputElement>('input[type="radio"]'))) {
      input.checked = energy !== undefined && input.value === String(Math.round(energy));
    }
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
    client.request((requestId) => ({ type: 'capture', requestId, kind, text }), (reply) => onWritten(reply, text));
  }

  /** `clear` is the capture's text (the box is emptied if it still holds it); undefined for an energy write. */
  function onWritten(reply: ReplyTo<'capture' | 'setEnergy'>, clear: string | undefined): void {
    pendingWrites = Math.max(0, pendingWrites - 1);
    if (clear !== undefined) pendingCapture = false;
    ui.captureAdd.disabled = pendingWrites > 0;
    setWriteStatus(reply.message, reply.ok);
    // A failed energy write: show the energy the entry really has again.
    if (!reply.ok && clear === undefined) showTodayEnergy(todayEnergy);
    // Clear the box only if it still holds what was added (the user may have typed on).
    if (reply.ok && clear !== undefined && cleanCaptureText(ui.captureText.value) === clear) {
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
    ui.captureText.placeholder = CAPTURES[state.captureKind].placeholder;
    save();
  });
  ui.capture.addEventListener('toggle', () => {
    state.captureOpen = ui.capture.open;
    save();
  });

  const writeEnergy = debounce(() => {
    const energy = chosenEnergy;
    if (energy === undefined) return;
    pendingWrites++;
    client.request((requestId) => ({ type: 'setEnergy', requestId, energy }), (reply) => onWritten(reply, undefined));
  }, ENERGY_DELAY_MS);
  ui.energy.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const energy = ENERGY_VALUES.find((n) => String(n) === input.value);
    if (energy === undefined) return;
    chosenEnergy = energy;
    writeEnergy();
  });

  return {
    restore() {
      ui.captureKind.value = state.captureKind;
      ui.captureText.value = state.captureDraft;
      ui.captureText.placeholder = CAPTURES[state.captureKind].placeholder;
      ui.capture.open = state.captureOpen;
    },
    journalChanged(status) {
      const available = status.state === 'ready';
      ui.captureAdd.disabled = !available || pendingWrites > 0;
      ui.captureText.disabled = !available;
      ui.energy.disabled = !available;
      todayEnergy = status.state === 'ready' ? status.todayEnergy : undefined;
      if (status.state !== 'ready') return;
      const day = `${status.journal} ${status.today}`;
      if (shownDay !== undefined && shownDay !== day) {
        // Another journal folder, or the day moved on: the last write's message was about the old one.
        setWriteStatus('', true);
        writeEnergy.cancel();
        chosenEnergy = undefined;
      }
      shownDay = day;
      ui.captureDay.textContent = `for ${formatDate(status.today)}`;
      showTodayEnergy(status.todayEnergy);
    },
  };
}
