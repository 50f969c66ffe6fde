/// <reference lib="dom" />
// Trends: streak, entries this month, average energy, the energy chart over 30 or 90 days, and
// the "on this day" cards that open an entry in the reader.
import { OnThisDayCard, Trends, TREND_RANGES } from '../shared/protocol';
import { describeType, plural } from '../shared/text';
import { PanelClient, Pending, ReplyTo } from './client';
import { Ui } from './dom';
import { renderEnergyChart } from './energyChart';
import { formatDate } from './format';
import type { HomePart } from './reader';
import { PanelStore } from './state';

export type TrendsUi = Pick<Ui, 'trends' | 'statStreak' | 'statMonth' | 'statEnergy' | 'chart' | 'chartLabel' | 'onThisDay'>;

/** What the trends need from the reader. */
export interface TrendsReader {
  open(entryId: string): void;
  /** The trends have their height (or failed to): the saved list position below them may apply. */
  homeShown(part: HomePart): void;
}

export interface TrendsDeps {
  ui: TrendsUi;
  client: PanelClient;
  store: PanelStore;
  reader: TrendsReader;
}

export interface TrendsPart {
  /** Puts the saved open/closed state and range back. */
  restore(): void;
  /** Asks for the trends over the chosen range (again, after the journal changed). */
  request(): void;
}

function cardElement(card: OnThisDayCard): HTMLLIElement {
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
}

export function createTrends({ ui, client, store, reader }: TrendsDeps): TrendsPart {
  const { state, save } = store;
  /** The trends request waited for; asking again drops it. */
  let pending: Pending | undefined;
  /** Kept to redraw the chart at a new width. */
  let lastTrends: Trends | undefined;
  let chartWidth = 0;
  const rangeButtons = (): HTMLButtonElement[] => Array.from(ui.trends.querySelectorAll<HTMLButtonElement>('button[data-days]'));

  function request(): void {
    pending?.drop();
    pending = client.request((requestId) => ({ type: 'trends', requestId, days: state.trendDays }), (reply) => onTrends(reply));
  }

  function onTrends(reply: ReplyTo<'trends'>): void {
    pending = undefined;
    if (reply.type === 'failed') {
      ui.chartLabel.textContent = `Could not compute the trends: ${reply.message}`;
      reader.homeShown('trends');
      return;
    }
    const t = reply.trends;
    lastTrends = t;
    ui.statStreak.textContent = plural(t.streak, 'retro', 'retros');
    ui.statMonth.textContent = plural(t.thisMonth, 'entry', 'entries');
    ui.statEnergy.textContent = t.averageEnergy === null ? '–' : `${t.averageEnergy} of 5`;
    ui.statEnergy.title = `Average over the last ${t.days} days`;
    ui.chartLabel.textContent = `Energy, last ${t.days} days`;
    renderEnergyChart(ui.chart, t.energy, t.days);
    ui.onThisDay.replaceChildren(...t.onThisDay.map(cardElement));
    reader.homeShown('trends');
  }

  function showTrendRange(): void {
    for (const b of rangeButtons()) b.setAttribute('aria-pressed', String(b.dataset.days === String(state.trendDays)));
  }

  ui.onThisDay.addEventListener('click', (event) => {
    const id = (event.target as Element).closest<HTMLElement>('button[data-id]')?.dataset.id;
    if (id) reader.open(id);
  });
  for (const button of rangeButtons()) {
    button.addEventListener('click', () => {
      const days = TREND_RANGES.find((d) => String(d) === button.dataset.days);
      if (!days || days === state.trendDays) return;
      state.trendDays = days;
      showTrendRange();
      request();
      save();
    });
  }
  ui.trends.addEventListener('toggle', () => {
    state.trendsOpen = ui.trends.open;
    save();
  });
  // The chart is drawn to the panel's width: redraw when the sidebar is resized.
  new ResizeObserver(() => {
    const width = ui.chart.clientWidth;
    if (lastTrends && Math.abs(width - chartWidth) > 4) renderEnergyChart(ui.chart, lastTrends.energy, lastTrends.days);
    chartWidth = width;
  }).observe(ui.chart);

  return {
    restore() {
      ui.trends.open = state.trendsOpen;
      showTrendRange();
    },
    request,
  };
}
