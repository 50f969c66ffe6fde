/// <reference lib="dom" />
// The elements of the panel's HTML (src/vscode/panel/panelHtml.ts) that the script uses, by id.
// Each part is handed only the ones it works with (a Pick of Ui).

export interface Ui {
  home: HTMLDivElement;
  capture: HTMLDetailsElement;
  captureDay: HTMLSpanElement;
  captureKind: HTMLSelectElement;
  captureText: HTMLInputElement;
  captureAdd: HTMLButtonElement;
  captureStatus: HTMLParagraphElement;
  energy: HTMLFieldSetElement;
  trends: HTMLDetailsElement;
  statStreak: HTMLElement;
  statMonth: HTMLElement;
  statEnergy: HTMLElement;
  chart: HTMLDivElement;
  chartLabel: HTMLElement;
  onThisDay: HTMLUListElement;
  search: HTMLInputElement;
  filterType: HTMLSelectElement;
  filterTag: HTMLSelectElement;
  filterPeriod: HTMLSelectElement;
  resultCount: HTMLParagraphElement;
  timeline: HTMLDivElement;
  loadMore: HTMLButtonElement;
  reader: HTMLElement;
  readerBack: HTMLButtonElement;
  readerOpen: HTMLButtonElement;
  readerTitle: HTMLHeadingElement;
  readerMeta: HTMLParagraphElement;
  readerStatus: HTMLParagraphElement;
  readerBody: HTMLElement;
}

function $<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the panel's HTML`);
  return node as T;
}

/** Looks every element up once; a missing one stops the script with its id. */
export function findUi(): Ui {
  return {
    home: $('home'),
    capture: $('capture'),
    captureDay: $('capture-day'),
    captureKind: $('capture-kind'),
    captureText: $('capture-text'),
    captureAdd: $('capture-add'),
    captureStatus: $('capture-status'),
    energy: $('energy'),
    trends: $('trends'),
    statStreak: $('stat-streak'),
    statMonth: $('stat-month'),
    statEnergy: $('stat-energy'),
    chart: $('energy-chart'),
    chartLabel: $('chart-label'),
    onThisDay: $('on-this-day'),
    search: $('search'),
    filterType: $('filter-type'),
    filterTag: $('filter-tag'),
    filterPeriod: $('filter-period'),
    resultCount: $('result-count'),
    timeline: $('timeline'),
    loadMore: $('load-more'),
    reader: $('reader'),
    readerBack: $('reader-back'),
    readerOpen: $('reader-open'),
    readerTitle: $('reader-title'),
    readerMeta: $('reader-meta'),
    readerStatus: $('reader-status'),
    readerBody: $('reader-body'),
  };
}
