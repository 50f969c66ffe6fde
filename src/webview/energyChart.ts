/// <reference lib="dom" />
// A small energy chart in plain SVG: a line through the days that have a value (broken where days
// have none), a dot per day with its value as a tooltip, gridlines at 1, 3 and 5. Colours come
// from the theme (journal.css); the chart is one labelled image for screen readers.
import { energyDescription, EnergyPoint } from '../shared/protocol';
import { formatShortDate } from './format';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 84;
const PAD = { left: 16, right: 6, top: 6, bottom: 18 };

export interface ChartGeometry {
  /** The path's `d`: one `M … L …` run per stretch of consecutive days with a value. */
  path: string;
  dots: { x: number; y: number; point: EnergyPoint & { energy: number } }[];
  /** y of the gridlines for energy 1, 3 and 5. */
  grid: { energy: number; y: number }[];
}

/** Where everything goes in a `width` × HEIGHT box. Pure, so the drawing is easy to check. */
export function chartGeometry(points: readonly EnergyPoint[], width: number): ChartGeometry {
  const innerW = Math.max(1, width - PAD.left - PAD.right);
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (energy: number): number => PAD.top + ((5 - energy) / 4) * innerH;
  const round = (n: number): number => Math.round(n * 10) / 10;
  let path = '';
  let previous = false;
  const dots: ChartGeometry['dots'] = [];
  points.forEach((p, i) => {
    if (p.energy === null) {
      previous = false;
      return;
    }
    const px = round(x(i));
    const py = round(y(p.energy));
    path += `${previous ? 'L' : 'M'}${px} ${py} `;
    previous = true;
    dots.push({ x: px, y: py, point: { date: p.date, energy: p.energy } });
  });
  return { path: path.trim(), dots, grid: [1, 3, 5].map((energy) => ({ energy, y: round(y(energy)) })) };
}

/** One sentence a screen reader can say instead of the picture. */
export function chartSummary(points: readonly EnergyPoint[], days: number): string {
  const values = points.map((p) => p.energy).filter((v): v is number => v !== null);
  if (values.length === 0) return `No energy recorded in the last ${days} days.`;
  const avg = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  const last = points.filter((p) => p.energy !== null).pop();
  return (
    `Energy over the last ${days} days: recorded on ${values.length} ${values.length === 1 ? 'day' : 'days'}, ` +
    `average ${avg}, lowest ${Math.min(...values)}, highest ${Math.max(...values)}` +
    (last ? `; latest ${energyDescription(last.energy ?? 0)} on ${formatShortDate(last.date)}.` : '.')
  );
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent.appendChild(node);
  return node;
}

/** Draws the chart into `container`, replacing what was there. */
export function renderEnergyChart(container: HTMLElement, points: readonly EnergyPoint[], days: number): void {
  container.replaceChildren();
  const summary = chartSummary(points, days);
  if (!points.some((p) => p.energy !== null)) {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.textContent = `${summary} Pick a number under Energy today.`;
    container.appendChild(empty);
    return;
  }
  const width = Math.max(120, Math.floor(container.clientWidth || 260));
  const geometry = chartGeometry(points, width);
  const svg = el('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': summary, focusable: 'false' }, container);
  el('title', {}, svg).textContent = summary;
  for (const g of geometry.grid) {
    el('line', { class: 'grid', x1: PAD.left, x2: width - PAD.right, y1: g.y, y2: g.y }, svg);
    el('text', { class: 'axis', x: PAD.left - 5, y: g.y + 3, 'text-anchor': 'end' }, svg).textContent = String(g.energy);
  }
  const baseline = HEIGHT - 4;
  el('text', { class: 'axis', x: PAD.left, y: baseline, 'text-anchor': 'start' }, svg).textContent = formatShortDate(points[0].date);
  el('text', { class: 'axis', x: width - PAD.right, y: baseline, 'text-anchor': 'end' }, svg).textContent = 'Today';
  if (geometry.path) el('path', { class: 'line', d: geometry.path }, svg);
  for (const dot of geometry.dots) {
    const circle = el('circle', { class: 'dot', cx: dot.x, cy: dot.y, r: days > 30 ? 2 : 2.5 }, svg);
    el('title', {}, circle).textContent = `${formatShortDate(dot.point.date)}: ${energyDescription(dot.point.energy)}`;
  }
}
