// Journal sync speed (npm run bench): a sync with nothing to do against a local remote (issue target
// ≤ 300 ms, never blocking the window), the structural merge of two 1,000-line versions of one
// entry, and a whole sync that has to merge it. Real git, a bare remote and two clones in temp folders.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CliJournalRepo } from '../../src/core/sync/journalRepoGit';
import { syncJournal } from '../../src/core/sync/remoteSync';
import { mergeJournalFile } from '../../src/core/sync/structuralMerge';

const RUNS = 7;
const ENTRIES = 1_000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(fn: () => Promise<unknown> | unknown): Promise<{ ms: number; block: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, 5)); // the monitor's first tick, its baseline
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  // A synchronous fn gives the monitor no tick to measure: let one run, so the stretch is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  h.disable();
  return { ms, block: h.max / 1e6 };
}

const git = (cwd: string, args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** One entry of `lines` lines: front matter, five sections of bullets and tasks, a paragraph every few lines. */
function bigEntry(lines: number, tag: string): string {
  const out = ['---', 'type: end-of-day', 'date: 2026-12-03', 'energy: 3', 'tags: [oncall, payments]', '---', '# End of day · Thursday 2026-12-03', ''];
  const sections = ['What went well?', "What didn't go well?", 'What did I learn?', 'Feedback I got or asked for', "One thing I'll do differently"];
  const perSection = Math.floor((lines - out.length) / sections.length);
  for (const [s, heading] of sections.entries()) {
    out.push(`## ${heading}`);
    for (let i = 0; i < perSection - 2; i++) {
      if (i % 10 === 9) out.push(`A paragraph of notes number ${s}-${i} about the rollout, the on-call week and ${tag}.`, '');
      else out.push(s === 4 ? `- [ ] Commitment ${s}-${i} ${tag}` : `- Line ${s}-${i} about the payments rollout ${tag}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** `text` edited as one machine would: bullets added in every section, some tasks ticked, a paragraph rewritten. */
function edited(text: string, machine: string): string {
  return text
    .split('\n')
    .map((line, i) => {
      if (line.startsWith('## ')) return `${line}\n- Added on ${machine} under ${line.slice(3)}`;
      if (line.startsWith('- [ ]') && i % 7 === 0) return line.replace('- [ ]', '- [x]');
      if (line.startsWith('A paragraph') && i % 3 === 0) return `${line} Rewritten on ${machine}.`;
      return line;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reflect-sync-bench-'));
  const config = path.join(dir, 'gitconfig');
  writeFileSync(config, '[user]\n\tname = Bench\n\temail = bench@reflect.test\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
  process.env.GIT_CONFIG_GLOBAL = config;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  try {
    const remote = path.join(dir, 'remote.git');
    git(dir, ['init', '--quiet', '--bare', remote]);
    const a = path.join(dir, 'a');
    git(dir, ['init', '--quiet', a]);
    for (let i = 0; i < ENTRIES; i++) {
      const day = new Date(2024, 0, 1 + i).toISOString().slice(0, 10);
      write(path.join(a, 'entries', day.slice(0, 4), `${day}-end-of-day.md`), `---\ntype: end-of-day\ndate: ${day}\n---\n## What went well?\n- Entry ${i}\n`);
    }
    git(a, ['remote', 'add', 'origin', remote]);
    const repoA = new CliJournalRepo(a);
    const options = { machine: 'laptop', commitPending: true, push: true };
    await syncJournal(repoA, options);
    const b = path.join(dir, 'b');
    git(dir, ['clone', '--quiet', remote, b]);
    const repoB = new CliJournalRepo(b);

    const idle: { ms: number; block: number }[] = [];
    for (let i = 0; i < RUNS; i++) idle.push(await measure(() => syncJournal(repoA, options)));

    const base = bigEntry(1_000, 'base');
    const ours = edited(base, 'laptop');
    const theirs = edited(base, 'desktop');
    const merges: { ms: number; block: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      merges.push(await measure(() => mergeJournalFile(base, { text: ours, label: 'laptop', time: 1 }, { text: theirs, label: 'desktop', time: 2 }, 'entry.md')));
    }

    const merging: { ms: number; block: number }[] = [];
    const file = 'entries/2026/2026-12-03-end-of-day.md';
    for (let i = 0; i < 3; i++) {
      const text = bigEntry(1_000, `round ${i}`);
      write(path.join(a, file), text);
      await syncJournal(repoA, options);
      await syncJournal(repoB, { ...options, machine: 'desktop' });
      write(path.join(a, file), edited(text, 'laptop'));
      write(path.join(b, file), edited(text, 'desktop'));
      await syncJournal(repoA, options);
      merging.push(await measure(() => syncJournal(repoB, { ...options, machine: 'desktop' })));
      await syncJournal(repoA, options);
    }

    const row = (name: string, xs: { ms: number; block: number }[], target = ''): string =>
      `| ${name.padEnd(58)} | ${`${median(xs.map((x) => x.ms)).toFixed(0)} ms`.padStart(8)} | ${`${median(xs.map((x) => x.block)).toFixed(0)} ms`.padStart(13)} | ${target.padEnd(8)} |`;
    console.log(`\nJournal sync (Node ${process.version}, ${os.cpus().length} cores, median of ${RUNS}; a local bare remote, ${ENTRIES} entries)`);
    console.log(`| ${'measure'.padEnd(58)} | ${'time'.padStart(8)} | ${'longest block'.padStart(13)} | target   |`);
    console.log(`|${'-'.repeat(60)}|${'-'.repeat(10)}|${'-'.repeat(15)}|${'-'.repeat(10)}|`);
    console.log(row('sync with nothing to do (status, fetch, compare)', idle, '≤ 300 ms'));
    console.log(row('structural merge of two 1,000-line versions of one entry', merges));
    console.log(row('sync that merges that entry (fetch, merge, resolve, push)', merging));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
