// Helpers for end-to-end tests: a real VS Code workbench (code-server + headless Chromium) with
// the extension under test, a fresh git workspace and an empty journal. The launch itself is the
// harness's (test/harness/session.mjs), shared with the integration stage.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

/** This file is bundled into out/test/e2e/*.test.js. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');

export interface Workbench {
  page: Page;
  /** The opened folder: a git repo with two commits by the configured user today. */
  workspace: string;
  /** The folder `reflect.journalFolder` points at; empty at start. */
  journal: string;
  /** Tails of the code-server and extension host logs and the page's errors. */
  diagnostics(): string;
  close(): Promise<void>;
}

// The shapes of the harness modules this file uses (they are plain .mjs with JSDoc).
interface HarnessSession {
  workspace: string;
  journal: string;
  workbench?: { page: Page };
  diagnostics(): string;
  close(): Promise<void>;
}
interface SessionModule {
  startSession(o: { repoRoot: string; browser?: boolean; settings?: Record<string, unknown> }): Promise<HarnessSession>;
}
interface EnvModule {
  ensureEnv(o?: { browser?: boolean }): Promise<unknown>;
}

function harness<T>(file: string): Promise<T> {
  // esbuild leaves a non-literal import() alone, so Node loads the ESM harness at run time.
  return import(pathToFileURL(path.join(repoRoot, 'test', 'harness', file)).href) as Promise<T>;
}

/** Starts code-server and opens the workbench; `settings` are merged into the user settings. */
export async function launchWorkbench(settings: Record<string, unknown> = {}): Promise<Workbench> {
  const env = await harness<EnvModule>('vscodeEnv.mjs');
  await env.ensureEnv();
  const { startSession } = await harness<SessionModule>('session.mjs');
  const session = await startSession({ repoRoot, settings });
  const page = session.workbench?.page;
  if (!page) {
    await session.close();
    throw new Error('the harness started no browser');
  }
  return {
    page,
    workspace: session.workspace,
    journal: session.journal,
    diagnostics: () => session.diagnostics(),
    close: () => session.close(),
  };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * In the open quick input, types `label` and accepts the item labelled exactly `label`: with
 * Enter when filtering put it first, else by clicking it (the palette may rank a longer title
 * above it, e.g. "Start End-of-Day Retro" above "Start Retro").
 */
export async function pickQuickItem(page: Page, label: string, timeout = 15_000): Promise<void> {
  // Type only once the quick input has focus: keys sent earlier go to whatever had it before.
  await page.locator('.quick-input-widget .quick-input-box input:focus').waitFor({ state: 'visible', timeout });
  await page.keyboard.type(label);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  if (((await row.getAttribute('class')) ?? '').split(' ').includes('focused')) {
    await page.keyboard.press('Enter');
  } else {
    await row.click();
  }
}

const PALETTE_LABEL = 'Type the name of a command to run.';

/**
 * Runs a command from the palette (F1) by its full title, e.g. "Reflect: Start Retro". Retries
 * while the extension's commands are not registered yet: the workbench renders before the
 * remote extension host has reported its extensions.
 */
export async function runCommand(page: Page, title: string, timeout = 60_000): Promise<void> {
  const palette = page.locator('.quick-input-widget');
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('F1');
    await palette.waitFor({ state: 'visible' });
    try {
      await pickQuickItem(page, title, 5_000);
      // The command may open its own quick input in the same widget: wait until the palette is
      // gone, so the caller's next pickQuickItem talks to the command's, not the palette.
      await page.locator(`.quick-input-widget input[aria-label="${PALETTE_LABEL}"]`).waitFor({ state: 'hidden' });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'hidden' });
    }
  }
}

/** Waits until the active editor's cursor is at `Col N` (per the status bar) and returns the line. */
export async function waitForCursorColumn(page: Page, column: number, timeout = 15_000): Promise<number> {
  const item = page.locator('[id="status.editor.selection"]');
  const pattern = new RegExp(`Ln (\\d+), Col ${column}\\b`);
  await item.filter({ hasText: pattern }).waitFor({ state: 'visible', timeout });
  const match = pattern.exec((await item.textContent()) ?? '');
  return Number(match?.[1]);
}

/** Polls the file system until `file` exists and `ok(content)` holds; returns the content. */
export async function waitForFile(file: string, ok: (content: string) => boolean, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(last === undefined ? `${file} was not created` : `${file} never got the expected content; it has:\n${last}`);
}

/** Saves a screenshot of the page under test-results/e2e/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file });
  return file;
}

/** YYYY-MM-DD in local time, as journal file names use it. */
export function localDate(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Registers the mocha hooks every e2e suite needs: launch before, on a failure a screenshot and
 * the ends of the logs, close after. Returns a getter for the running workbench.
 */
export function useWorkbench(settings: Record<string, unknown> = {}): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    wb = await launchWorkbench(settings);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const shot = await screenshot(wb.page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`).catch(() => '(none)');
      console.log(`    screenshot: ${shot}\n${wb.diagnostics().replace(/^/gm, '    ')}`);
    }
  });
  after(async function () {
    await wb?.close();
  });
  return () => {
    if (!wb) throw new Error('the workbench is not running');
    return wb;
  };
}

/** A second VS Code window on the same server and folder (its own extension host), closed by the caller. */
export async function openSecondWindow(first: Page): Promise<Page> {
  const browser = first.context().browser();
  if (!browser) throw new Error('no browser behind the first window');
  const page = await browser.newPage({ viewport: first.viewportSize() ?? undefined });
  await page.goto(first.url());
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}
