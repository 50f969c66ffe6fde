// `npm test`: typecheck, lint, build, unit tests (mocha), integration tests (inside code-server's
// extension host) and e2e tests (mocha driving the workbench in Chromium). Prints a summary table
// and, last, "N passed, N failed". Exits non-zero when a stage fails or a test stage ran no test.
//
//   node test/harness/test.mjs                 all stages
//   node test/harness/test.mjs --stage e2e     build + that stage only (unit | eval | integration | e2e)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnv } from './vscodeEnv.mjs';
import { runIntegrationStage } from './integration.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mochaBin = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');

/**
 * @typedef {{ passed: number, failed: number, pending: number }} Counts
 * @typedef {{ ok: boolean, counts?: Counts, note?: string }} Outcome
 * @typedef {{ name: string, title: string, tests: boolean, needs: string[], run: () => Promise<Outcome> }} Stage
 */

/** @type {Stage[]} */
const STAGES = [
  { name: 'typecheck', title: 'npm run typecheck', tests: false, needs: [], run: () => command('npm', ['run', 'typecheck'], 5 * 60_000) },
  { name: 'lint', title: 'npm run lint', tests: false, needs: [], run: () => command('npm', ['run', 'lint'], 5 * 60_000) },
  {
    name: 'build',
    title: 'node esbuild.mjs --tests && node esbuild.mjs',
    tests: false,
    needs: [],
    run: async () => {
      rmSync(join(repoRoot, 'out'), { recursive: true, force: true }); // no stale suites from deleted sources
      const tests = await command(process.execPath, ['esbuild.mjs', '--tests'], 5 * 60_000, 'esbuild');
      return tests.ok ? command(process.execPath, ['esbuild.mjs'], 5 * 60_000, 'esbuild') : tests;
    },
  },
  { name: 'unit', title: 'mocha --config test/unit/.mocharc.json', tests: true, needs: ['build'], run: () => mocha('test/unit/.mocharc.json', 10 * 60_000) },
  // Insight quality against the hand-written truth of test/eval/fixtures (prints precision and recall).
  { name: 'eval', title: 'mocha --config test/eval/.mocharc.json', tests: true, needs: ['build'], run: () => mocha('test/eval/.mocharc.json', 5 * 60_000) },
  {
    name: 'env',
    title: 'install or reuse chromium, Node 24, code-server',
    tests: false,
    needs: [],
    run: async () => {
      await ensureEnv({ browser: true });
      return { ok: true };
    },
  },
  {
    name: 'integration',
    title: 'out/test/integration in code-server’s extension host',
    tests: true,
    needs: ['build', 'env'],
    run: async () => {
      const r = await runIntegrationStage({ repoRoot });
      if (r.error) console.log(r.error);
      return { ok: !r.error && r.failed === 0, counts: r };
    },
  },
  { name: 'e2e', title: 'mocha --config test/e2e/.mocharc.json (Chromium + code-server)', tests: true, needs: ['build', 'env'], run: () => mocha('test/e2e/.mocharc.json', 20 * 60_000) },
];

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;

/**
 * Runs a command in the repo with its output shown live; returns what it printed.
 * @param {string} cmd
 * @param {string[]} args
 * @param {number} timeoutMs
 * @param {string} [label]  names the command in a failure note
 * @returns {Promise<Outcome & { output: string }>}
 */
function command(cmd, args, timeoutMs, label = cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('error', (err) => console.error(`could not run ${cmd}: ${err.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      const note = timedOut ? `timed out after ${timeoutMs / 1000}s` : code === 0 ? undefined : `${label} exited ${signal ?? code}`;
      resolve({ ok: code === 0, output, note });
    });
  });
}

/**
 * Runs mocha (on this Node) with a config and reads the counts from its spec summary.
 * @param {string} config
 * @param {number} timeoutMs
 * @returns {Promise<Outcome>}
 */
async function mocha(config, timeoutMs) {
  const r = await command(process.execPath, [mochaBin, '--config', config], timeoutMs, 'mocha');
  // eslint-disable-next-line no-control-regex
  const text = r.output.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (/** @type {string} */ word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(text)?.[1] ?? 0);
  return { ok: r.ok, note: r.note, counts: { passed: count('passing'), failed: count('failing'), pending: count('pending') } };
}

function banner(/** @type {string} */ line) {
  const bar = '═'.repeat(72);
  console.log(`\n${bar}\n${line}\n${bar}`);
}

async function main() {
  const i = process.argv.indexOf('--stage');
  const only = i >= 0 ? process.argv[i + 1] : undefined;
  if (only !== undefined && !['unit', 'integration', 'e2e'].includes(only)) {
    console.error('usage: node test/harness/test.mjs [--stage unit|integration|e2e]');
    process.exit(2);
  }
  const chosen = only ? STAGES.filter((s) => s.name === only || STAGES.find((t) => t.name === only)?.needs.includes(s.name)) : STAGES;

  /** @type {{ stage: Stage, status: string, counts?: Counts, seconds: number }[]} */
  const rows = [];
  const failedNames = new Set();
  for (const [n, stage] of chosen.entries()) {
    banner(`▶ stage ${n + 1}/${chosen.length}: ${stage.name} — ${stage.title}`);
    const blockedBy = stage.needs.find((d) => failedNames.has(d));
    if (blockedBy) {
      console.log(`skipped: stage "${blockedBy}" failed`);
      failedNames.add(stage.name);
      rows.push({ stage, status: 'skipped', seconds: 0 });
      continue;
    }
    const started = Date.now();
    /** @type {Outcome} */
    let outcome;
    try {
      outcome = await stage.run();
    } catch (err) {
      console.error(err instanceof Error ? err.stack ?? err.message : err);
      outcome = { ok: false, note: 'crashed' };
    }
    let status = outcome.ok ? 'ok' : 'FAILED';
    if (stage.tests && outcome.ok && !(outcome.counts && outcome.counts.passed + outcome.counts.failed > 0)) {
      status = 'FAILED';
      outcome.note = 'ran no test';
    }
    if (status !== 'ok') failedNames.add(stage.name);
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n■ ${stage.name}: ${status}${outcome.note ? ` (${outcome.note})` : ''} in ${seconds.toFixed(1)}s`);
    rows.push({ stage, status: outcome.note && status !== 'ok' ? `${status}: ${outcome.note}` : status, counts: outcome.counts, seconds });
  }

  banner('Summary');
  const table = [['stage', 'status', 'passed', 'failed', 'pending', 'time']];
  let passed = 0;
  let failed = 0;
  for (const r of rows) {
    const c = r.counts;
    table.push([r.stage.name, r.status, c ? String(c.passed) : '-', c ? String(c.failed) : '-', c ? String(c.pending) : '-', `${r.seconds.toFixed(1)}s`]);
    passed += c?.passed ?? 0;
    // A stage that failed without a failing test (build error, no tests, crash) still counts once,
    // so the closing line never reads "0 failed" for a failed run.
    failed += Math.max(c?.failed ?? 0, r.status === 'ok' || r.status === 'skipped' ? 0 : 1);
  }
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  for (const row of table) console.log(row.map((cell, col) => (col >= 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  '));
  console.log('');
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failedNames.size > 0 ? 1 : 0;
}

// On Ctrl+C or a CI kill: stop the running child; exiting runs the harness's cleanup (it kills
// code-server's process group on 'exit').
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(sig, () => {
    current?.kill('SIGTERM');
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
