// `npm run bench` (after journalBench): the extension side of the Journal panel's first render —
// what the extension does between the webview's `ready` and the first rows, trends and stats —
// on generated journals of 365 and 3,650 entries, from a real JournalIndex in a temp folder.
// Figures are medians of several runs, each with a fresh controller (cold text cache). Not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { JournalIndex } from '../../src/core/journal/journalIndex';
import { JournalPanelController, PanelHost } from '../../src/core/panel/panelController';
import { addDays, toIsoDate } from '../../src/core/toolkit/localDates';
import { normalizeReminderSettings } from '../../src/core/reminders/reminderSchedule';
import { renderBuiltInRetro } from '../../src/core/retro/retroDraft';
import { builtInTemplate } from '../../src/core/retro/retroTemplates';
import { todaysRetroPath } from '../../src/core/retro/startRetro';
import { ToWebview } from '../../src/shared/protocol';

const RUNS = 7;
const NOW = new Date(2026, 10, 25, 17, 30);
const WORDS = ['Shipped the retry logic', 'Paired with Sam on the flaky test', 'Kubernetes upgrade', 'Design doc approved', 'Back-to-back meetings', 'Retries need jitter', 'Deep work morning'];

function generate(count: number): string {
  const journal = mkdtempSync(path.join(os.tmpdir(), `reflect-panel-bench-${count}-`));
  let seed = count;
  const random = (): number => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 1; i <= count; i++) {
    const day = addDays(NOW, -i);
    const iso = toIsoDate(day);
    let text = renderBuiltInRetro(builtInTemplate('end-of-day')!, { date: day, workspace: 'shop' }).text.replace('energy: #', `energy: ${1 + Math.floor(random() * 5)} #`);
    text = text.replace('## What went well?\n- ', `## What went well?\n- ${WORDS[Math.floor(random() * WORDS.length)]}\n- ${WORDS[Math.floor(random() * WORDS.length)]}`);
    const file = path.join(journal, 'entries', iso.slice(0, 4), `${iso}-end-of-day.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return journal;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const settings = normalizeReminderSettings({}).settings;
  const rows: string[][] = [['journal', 'index load (cold)', 'first render: ready + page of 50 + trends', 'first page bytes', 'search, cold', 'search, warm']];
  for (const count of [365, 3650]) {
    const journal = generate(count);
    const storage = mkdtempSync(path.join(os.tmpdir(), 'reflect-panel-bench-index-'));
    try {
      const index = new JournalIndex(journal, path.join(storage, 'index.json'));
      const loadStart = performance.now();
      await index.load();
      const loadMs = performance.now() - loadStart;
      const host: PanelHost = {
        todayEntry: async () => todaysRetroPath(journal, builtInTemplate('end-of-day')!, NOW),
        edit: async () => 'unchanged',
        openInEditor: async () => {},
        openExternal: async () => {},
      };
      const controller = (): JournalPanelController =>
        new JournalPanelController({ index: async () => index, journalFolder: () => journal, now: () => NOW, reminderSettings: () => settings, host, log: () => {} });
      const query = (text: string) => ({ type: 'query', requestId: 2, query: { text, type: '', tag: '', period: 'all' }, offset: 0, limit: 50 });

      const firstRender: number[] = [];
      const bytes: number[] = [];
      const searchCold: number[] = [];
      const searchWarm: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const c = controller();
        const replies: ToWebview[] = [];
        const start = performance.now();
        // What the webview sends on load, and the extension answers before the first rows appear.
        for (const message of [{ type: 'ready' }, query(''), { type: 'trends', requestId: 3, days: 30 }]) await c.receive(message, (r) => replies.push(r));
        firstRender.push(performance.now() - start);
        if (replies.length !== 3 || replies[1].type !== 'page' || replies[1].rows.length !== 50) throw new Error(`unexpected replies: ${JSON.stringify(replies).slice(0, 200)}`);
        bytes.push(JSON.stringify(replies[1]).length);

        const s = controller();
        let t = performance.now();
        await s.receive(query('kubernetes jitter'), () => {});
        searchCold.push(performance.now() - t);
        t = performance.now();
        await s.receive(query('kubernetes jitter'), () => {});
        searchWarm.push(performance.now() - t);
      }
      rows.push([
        `${count.toLocaleString()} entries`,
        `${loadMs.toFixed(0)} ms`,
        `${median(firstRender).toFixed(1)} ms`,
        `${(median(bytes) / 1024).toFixed(1)} KiB`,
        `${median(searchCold).toFixed(1)} ms`,
        `${median(searchWarm).toFixed(1)} ms`,
      ]);
    } finally {
      rmSync(journal, { recursive: true, force: true });
      rmSync(storage, { recursive: true, force: true });
    }
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  console.log('\nJournal panel, extension side (median of 7 runs, each with a cold text cache):');
  for (const r of rows) console.log(r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
  console.log('Target: first render of a 365-entry journal within 200 ms (the e2e test also measures it in the real webview).');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
