// `npm run bench`: journals of 1,000 and 10,000 realistic entries in a temp folder, timed.
// Prints a table; figures are medians of several runs. Not a test: nothing here asserts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { GROWTH_GROUPS } from '../../src/shared/noteKinds';
import { groupCounts, notesOf } from '../../src/core/growth/growthView';
import { JournalIndex } from '../../src/core/journal/journalIndex';
import { listMarkdown } from '../../src/core/journal/journalFiles';
import { addDays, toIsoDate } from '../../src/core/toolkit/localDates';
import { normalizeReminderSettings } from '../../src/core/reminders/reminderSchedule';
import { renderBuiltInRetro } from '../../src/core/retro/retroDraft';
import { renderReview } from '../../src/core/review/review';
import { parseGoals } from '../../src/core/growth/goals';
import { bragStories } from '../../src/core/review/bragStories';
import { commitmentFates } from '../../src/core/review/commitmentFates';
import { feedbackThemes } from '../../src/core/review/feedbackThemes';
import { goalEvidence } from '../../src/core/review/goalEvidence';
import { findPatterns } from '../../src/core/review/patterns';
import { turningPoints } from '../../src/core/review/turningPoints';
import { builtInTemplate } from '../../src/core/retro/retroTemplates';

const RUNS = 3;

// A small deterministic PRNG so every run measures the same journal.
function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const PHRASES: Record<string, string[]> = {
  'What went well?': ['Shipped the retry logic for the sync job', 'Paired with Sam on the flaky test', 'Closed three review comments quickly', 'Design doc for payments got approved', 'Unblocked the release'],
  "What didn't go well?": ['Lost an hour to a broken local setup', 'Estimate for the migration was off by two days', 'Skipped lunch and crashed at 3pm'],
  'What did I learn?': ['Retries need jitter', 'How the deploy pipeline caches layers', 'Postgres advisory locks are per session', 'Ask for the acceptance criteria first'],
  'What energized me?': ['Deep work morning', 'Whiteboarding with the team', 'A user thanked us'],
  'What drained me?': ['Back-to-back meetings', 'Context switching between two projects', 'Slack pings during focus time'],
  'Feedback I got or asked for': ['From Ana: PR descriptions are much clearer', 'From Lee: loop in security earlier', 'Asked Sam how the demo landed'],
  'Progress on my goals': ['Outlined the talk slides for give a tech talk', 'Read a chapter of the Rust book #rust', 'Mentored the new hire through on-call'],
  "One thing I'll do differently": ['Block focus time before standup', 'Write the test first', 'Decline optional meetings'],
};

function entryText(date: Date, random: () => number): string {
  let text = renderBuiltInRetro(builtInTemplate('end-of-day')!, {
    date,
    workspace: 'shop',
    workedOn: { kind: 'commits', commits: [{ repo: 'shop', hash: 'x', subject: 'Fix the thing', date: date.toISOString() }] },
  }).text;
  text = text.replace('energy: #', `energy: ${1 + Math.floor(random() * 5)} #`);
  for (const [heading, phrases] of Object.entries(PHRASES)) {
    const count = Math.floor(random() * 4); // 0–3 bullets
    const bullets = Array.from({ length: count }, () => `- ${phrases[Math.floor(random() * phrases.length)]}`);
    if (bullets.length) text = text.replace(`## ${heading}\n- `, `## ${heading}\n${bullets.join('\n')}`);
  }
  return text;
}

function generateJournal(count: number): string {
  const journal = mkdtempSync(path.join(os.tmpdir(), `reflect-bench-${count}-`));
  const random = rng(count);
  const types = ['end-of-day', 'weekly', 'sprint'];
  let day = new Date(2026, 10, 25);
  for (let i = 0; i < count; i++) {
    // Mostly daily entries; a weekly or sprint one on some days, as a real journal has.
    const type = types[i % 7 === 6 ? 1 : i % 10 === 9 ? 2 : 0];
    if (type === 'end-of-day') day = addDays(day, -1);
    const iso = toIsoDate(day);
    const file = path.join(journal, 'entries', iso.slice(0, 4), `${iso}-${type}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entryText(day, random).replace('type: end-of-day', `type: ${type}`));
  }
  return journal;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs fn while watching the event loop: the longest delay is the longest synchronous stretch. */
async function longestBlock(fn: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await fn();
  h.disable();
  return h.max / 1e6;
}

async function bench(count: number): Promise<Record<string, string>> {
  const journal = generateJournal(count);
  const storage = mkdtempSync(path.join(os.tmpdir(), 'reflect-bench-index-'));
  const indexFile = path.join(storage, 'index.json');
  try {
    const files = await listMarkdown(path.join(journal, 'entries'));
    const bare: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const change: number[] = [];
    const saves: number[] = [];
    const tree: number[] = [];
    const reviews: number[] = [];
    const reviewBlocks: number[] = [];
    const reviewParts: Record<string, number[]> = {};
    const blocks: number[] = [];
    const warmBlocks: number[] = [];
    let largest = '';
    for (let run = 0; run < RUNS; run++) {
      bare.push((await time(() => Promise.all(files.map((f) => fs.readFile(f, 'utf8'))))).ms);

      rmSync(indexFile, { force: true });
      let index = new JournalIndex(journal, indexFile);
      let coldMs = 0;
      blocks.push(await longestBlock(async () => (coldMs = (await time(() => index.load())).ms)));
      cold.push(coldMs);

      index = new JournalIndex(journal, indexFile);
      let warmMs = 0;
      warmBlocks.push(await longestBlock(async () => (warmMs = (await time(() => index.load())).ms)));
      warm.push(warmMs);

      const target = files[Math.floor(files.length / 2)];
      writeFileSync(target, readFileSync(target, 'utf8') + `\n- edited in run ${run}\n`);
      change.push((await time(() => index.update(target))).ms);
      saves.push((await time(() => index.flush())).ms);

      const entries = index.entries();
      const counts = groupCounts(entries, []);
      largest = GROWTH_GROUPS.filter((g) => g !== 'goals').sort((a, b) => counts[b] - counts[a])[0];
      tree.push((await time(async () => notesOf(largest as never, entries))).ms);
      const schedule = normalizeReminderSettings({}).settings;
      const goals = parseGoals('- [ ] Give a tech talk due: 2025-10-01\n- [ ] Learn Rust #rust\n- [x] Mentor the new hire\n');
      let reviewMs = 0;
      reviewBlocks.push(await longestBlock(async () => (reviewMs = (await time(() => renderReview({ entries, goals, period: { from: '2025-01-01', to: '2025-12-31', label: 'Last year' }, schedule, today: '2026-11-25' }))).ms)));
      reviews.push(reviewMs);
      const year = { from: '2025-01-01', to: '2025-12-31' };
      const inYear = entries.filter((e) => e.date >= year.from && e.date <= year.to);
      const parts: [string, () => unknown][] = [
        ['brag', () => bragStories(entries, year)],
        ['feedback', () => feedbackThemes(entries, year)],
        ['commitments', () => commitmentFates(entries, year)],
        ['goals', () => goalEvidence(goals, entries, year)],
        ['turning points', () => turningPoints(entries, year)],
        ['patterns', () => findPatterns(inYear, 2)],
      ];
      for (const [name, fn] of parts) (reviewParts[name] ??= []).push((await time(async () => fn())).ms);
    }
    const bareMs = median(bare);
    const coldMs = median(cold);
    return {
      entries: String(count),
      'bare read (fs.readFile)': `${bareMs.toFixed(0)} ms`,
      'cold index build': `${coldMs.toFixed(0)} ms (${(coldMs / bareMs).toFixed(1)}× bare)`,
      'warm start (nothing changed)': `${median(warm).toFixed(0)} ms`,
      'one entry changed': `${median(change).toFixed(1)} ms`,
      'saving the index after that change': `${median(saves).toFixed(1)} ms`,
      'tree children, largest group': `${median(tree).toFixed(1)} ms (${largest})`,
      'yearly review (2025)': `${median(reviews).toFixed(0)} ms`,
      'longest event-loop block, yearly review': `${median(reviewBlocks).toFixed(0)} ms`,
      'yearly review parts (again, each alone)': Object.entries(reviewParts).map(([name, ms]) => `${name} ${median(ms).toFixed(0)}`).join(', '),
      'longest event-loop block, cold build': `${median(blocks).toFixed(0)} ms`,
      'longest event-loop block, warm start': `${median(warmBlocks).toFixed(0)} ms`,
      'index file size': `${((await fs.stat(indexFile)).size / 1024 / 1024).toFixed(1)} MiB`,
    };
  } finally {
    if (process.env.REFLECT_BENCH_KEEP) console.log(`kept ${journal} ${indexFile}`);
    else {
      rmSync(journal, { recursive: true, force: true });
      rmSync(storage, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  const results: Record<string, string>[] = [];
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000, 10_000];
  for (const count of sizes) results.push(await bench(count));
  const rows = Object.keys(results[0]).slice(1);
  const width = Math.max(...rows.map((r) => r.length)) + 2;
  console.log(`\nReflect journal benchmark (Node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} runs)\n`);
  console.log(`| ${'measure'.padEnd(width)} | ${results.map((r) => `${r.entries} entries`.padEnd(22)).join(' | ')} |`);
  console.log(`|${'-'.repeat(width + 2)}|${results.map(() => '-'.repeat(24)).join('|')}|`);
  for (const row of rows) console.log(`| ${row.padEnd(width)} | ${results.map((r) => (r[row] ?? '').padEnd(22)).join(' | ')} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
