// The integration suite in the @vscode/test-electron shape: `run()` is called inside a real
// extension host (desktop VS Code via test/runDesktop.ts, or code-server via test/harness).
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

/** Runs every `*.test.js` beside this file and reports each test's outcome. */
export function runWithResults(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'dot' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, tests: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(result));
    runner.on('pass', (t) => {
      result.passed++;
      result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? String(err) });
    });
    runner.on('pending', (t) => {
      result.pending++;
      result.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}

/** The @vscode/test-electron entry point: rejects when a test failed or none ran. */
export async function run(): Promise<void> {
  const result = await runWithResults();
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
  if (result.passed === 0) throw new Error('the integration suite ran no test');
}
