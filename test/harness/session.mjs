// One test session: a fresh fixture (git workspace + empty journal), code-server with the
// extension under test, and optionally the workbench open in Chromium. Used by the integration
// stage and by the e2e tests (test/e2e/workbench.ts imports this file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer, openWorkbench } from './codeServer.mjs';
import { createTestFixture } from './fixtures.mjs';

/**
 * @typedef {object} Session
 * @property {string} root            temp folder holding everything below
 * @property {string} workspace
 * @property {string} journal
 * @property {import('./codeServer.mjs').CodeServer} server
 * @property {import('./codeServer.mjs').Workbench | undefined} workbench
 * @property {{ codeServerMs: number, workbenchMs: number }} timings
 * @property {(lines?: number) => string} diagnostics  tails of the logs and the page's errors
 * @property {() => Promise<void>} close   stops everything; deletes `root` unless REFLECT_KEEP_TMP=1
 */

/**
 * @param {object} o
 * @param {string} o.repoRoot          the extension under test
 * @param {boolean} [o.browser]        open the workbench in Chromium (default true)
 * @param {Record<string, unknown>} [o.settings]
 * @param {string} [o.root]            temp folder to use (default: a new one)
 * @param {{ folder: string, files: Record<string, string> }[]} [o.extraExtensions]  written into the extensions dir
 * @returns {Promise<Session>}
 */
export async function startSession({ repoRoot, browser = true, settings = {}, root, extraExtensions = [] }) {
  const dir = root ?? mkdtempSync(join(tmpdir(), 'reflect-test-'));
  const { workspace, journal } = await createTestFixture(dir);
  /** @type {import('./codeServer.mjs').CodeServer | undefined} */
  let server;
  /** @type {import('./codeServer.mjs').Workbench | undefined} */
  let workbench;
  const close = async () => {
    await workbench?.close().catch(() => {});
    await server?.stop();
    if (process.env.REFLECT_KEEP_TMP !== '1') rmSync(dir, { recursive: true, force: true });
  };
  try {
    let t = Date.now();
    server = await startCodeServer({
      dir: join(dir, 'server'),
      extensionPath: repoRoot,
      workspace,
      // Reminders off unless a test turns them on: a due-retro notification would pop up over
      // whatever another test is doing, and "due" depends on the time of day the tests run.
      settings: { 'reflect.journalFolder': journal, 'reflect.reminder.enabled': false, ...settings },
      // Tests find their fixture through these (the extension host inherits code-server's env).
      env: { REFLECT_TEST_WORKSPACE: workspace, REFLECT_TEST_JOURNAL: journal },
      extraExtensions,
    });
    const codeServerMs = Date.now() - t;
    t = Date.now();
    if (browser) workbench = await openWorkbench(server, workspace);
    const workbenchMs = Date.now() - t;
    console.log(
      `[harness] code-server on ${server.url} up in ${(codeServerMs / 1000).toFixed(1)}s` +
        (browser ? `, workbench rendered in ${(workbenchMs / 1000).toFixed(1)}s` : ''),
    );
    const s = server;
    const w = workbench;
    return {
      root: dir,
      workspace,
      journal,
      server: s,
      workbench: w,
      timings: { codeServerMs, workbenchMs },
      diagnostics: (lines) =>
        s.diagnostics(lines) + (w?.pageErrors.length ? `\n--- errors in the page\n${w.pageErrors.slice(-20).join('\n')}` : ''),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
