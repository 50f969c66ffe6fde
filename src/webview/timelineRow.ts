/// <reference lib="dom" />
// How one entry looks in the timeline: date, type, energy, the first lines written, tags.
import { energyDescription, TimelineRow } from '../shared/protocol';
import { describeType } from '../shared/text';
import { formatDate, formatRowDate } from './format';

export const tagLabel = (tag: string): string => `#${tag}`;

/** One timeline row: an option of the listbox, built with textContent only. */
export function rowElement(row: TimelineRow): HTMLDivElement {
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
    tags.textContent = row.tags.map(tagLabel).join(' ');
    item.append(tags);
  }
  return item;
}
