// Runs out/test/integration/index.js inside code-server's extension host. A small runner
// extension, written into the extensions dir, requires it on startup, calls runWithResults() and
// writes the result to a file that this stage waits for.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession } from './session.mjs';

/**
 * @typedef {{ title: string, state: 'passed' | 'failed' | 'pending', durationMs?: number, error?: string }} TestResult
 * @typedef {{ passed: number, failed: number, pending: number, tests: TestResult[] }} SuiteResult
 */

/**
 * @param {string} indexPath   absolute path of out/test/integration/index.js
 * @param {string} resultFile
 */
function runnerExtension(indexPath, resultFile) {
  const main = `// Written by test/harness/integration.mjs.
const fs = require('fs');
exports.activate = function () {
  fs.writeFileSync(${JSON.stringify(resultFile + '.started')}, String(Date.now()));
  // Run after activate() returns, so the suite doesn't hold up the extension host's startup.
  setTimeout(async () => {
    let result;
    try {
      result = await require(${JSON.stringify(indexPath)}).runWithResults();
    } catch (err) {
      result = { crashed: String((err && err.stack) || err) };
    }
    fs.writeFileSync(${JSON.stringify(resultFile + '.tmp')}, JSON.stringify(result));
    fs.renameSync(${JSON.stringify(resultFile + '.tmp')}, ${JSON.stringify(resultFile)});
  }, 0);
};
`;
  const manifest = {
    name: 'integration-runner',
    publisher: 'reflect-test',
    version: '0.0.1',
    engines: { vscode: '^1.74.0' }, // '*' makes VS Code reject the extension
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
  };
  return { folder: 'reflect-test.integration-runner-0.0.1', files: { 'package.json': JSON.stringify(manifest), 'extension.js': main } };
}

/**
 * @param {{ repoRoot: string, timeoutMs?: number }} o
 * @returns {Promise<{ passed: number, failed: number, pending: number, error?: string }>}
 */
export async function runIntegrationStage({ repoRoot, timeoutMs = 5 * 60_000 }) {
  const indexPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(indexPath)) return { passed: 0, failed: 0, pending: 0, error: `${indexPath} is missing: did the build run?` };
  const root = mkdtempSync(join(tmpdir(), 'reflect-integration-'));
  const resultFile = join(root, 'integration-result.json');
  const session = await startSession({ repoRoot, root, extraExtensions: [runnerExtension(indexPath, resultFile)] });
  const started = Date.now();
  try {
    const result = await waitForResult(resultFile, session.server.exited, timeoutMs);
    console.log(`[harness] integration suite finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if ('crashed' in result) {
      return { passed: 0, failed: 0, pending: 0, error: `the integration suite could not run:\n${result.crashed}\n${session.diagnostics()}` };
    }
    printLikeMochaSpec(result, Date.now() - started);
    return { passed: result.passed, failed: result.failed, pending: result.pending };
  } catch (err) {
    return { passed: 0, failed: 0, pending: 0, error: `${err instanceof Error ? err.message : err}\n${session.diagnostics(80)}` };
  } finally {
    await session.close();
  }
}

/**
 * @param {string} file
 * @param {Promise<unknown>} exited
 * @param {number} timeoutMs
 * @returns {Promise<SuiteResult | { crashed: string }>}
 */
async function waitForResult(file, exited, timeoutMs) {
  let gone = false;
  exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  const activationDeadline = Date.now() + 90_000;
  let nextNote = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (gone) throw new Error('code-server exited before the integration suite reported');
    // Fail fast when the runner extension was not loaded at all, rather than after the timeout.
    if (Date.now() > activationDeadline && !existsSync(`${file}.started`)) {
      throw new Error('the integration runner extension did not activate within 90s');
    }
    if (Date.now() > nextNote) {
      console.log(`[harness] waiting for the integration suite (${Math.round((Date.now() + timeoutMs - deadline) / 1000)}s)…`);
      nextNote += 30_000;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no result from the integration suite within ${timeoutMs / 1000}s (did the runner extension activate?)`);
}

/**
 * Prints the results the way mocha's spec reporter would, summary lines included.
 * @param {SuiteResult} result
 * @param {number} elapsedMs
 */
export function printLikeMochaSpec(result, elapsedMs) {
  console.log('');
  const failures = [];
  for (const t of result.tests) {
    if (t.state === 'passed') console.log(`  ✓ ${t.title}${t.durationMs !== undefined && t.durationMs > 75 ? ` (${t.durationMs}ms)` : ''}`);
    else if (t.state === 'pending') console.log(`  - ${t.title}`);
    else {
      failures.push(t);
      console.log(`  ✗ ${failures.length}) ${t.title}`);
    }
  }
  console.log('');
  console.log(`  ${result.passed} passing (${elapsedMs >= 1000 ? `${Math.round(elapsedMs / 1000)}s` : `${elapsedMs}ms`})`);
  if (result.pending) console.log(`  ${result.pending} pending`);
  if (result.failed) console.log(`  ${result.failed} failing`);
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.title}:`);
    console.log((t.error ?? '(no error message)').replace(/^/gm, '     '));
  });
  console.log('');
}
