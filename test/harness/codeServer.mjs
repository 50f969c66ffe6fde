// Starts code-server (VS Code's server + web workbench) with the extension under test loaded, and
// opens it in headless Chromium. Everything it starts is stopped by the returned handles, also
// when the caller fails or the process exits.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { CHROMIUM, codeServerEntry, node24Bin } from './vscodeEnv.mjs';

const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  // No network here: keep VS Code from trying to reach the marketplace and telemetry hosts.
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The chat view opens at startup, takes focus and space, and needs the network anyway.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// Flags that work as root on a machine without network (CONTRIBUTING.md, Tests).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {number} [preferred] a port to use if it is free */
export async function freePort(preferred) {
  const listen = (/** @type {number} */ port) =>
    new Promise((res, rej) => {
      const srv = createServer();
      srv.once('error', rej);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => res(typeof addr === 'object' && addr ? addr.port : port));
      });
    });
  if (preferred) {
    try {
      return /** @type {number} */ (await listen(preferred));
    } catch {
      // taken: fall through to any free port
    }
  }
  return /** @type {number} */ (await listen(0));
}

/**
 * `publisher.name-version`, the folder name VS Code expects in an extensions dir.
 * @param {string} extensionPath
 */
export function extensionFolderName(extensionPath) {
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}-${pkg.version}`;
}

/**
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} url            base URL, http://127.0.0.1:PORT
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} logFile        code-server's stdout/stderr
 * @property {() => string[]} exthostLogs
 * @property {(lines?: number) => string} diagnostics  tails of the logs, for printing on failure
 * @property {Promise<number | null>} exited
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} o
 * @param {string} o.dir                 holds user-data/, extensions/ and the logs
 * @param {string} o.extensionPath       the extension under test (folder with package.json)
 * @param {string} o.workspace           folder to open
 * @param {Record<string, unknown>} [o.settings]  merged over the base user settings
 * @param {Record<string, string>} [o.env]        extra env for code-server (and its extension host)
 * @param {number} [o.port]              preferred port (default: any free one)
 * @param {{ folder: string, files: Record<string, string> }[]} [o.extraExtensions]  written into the extensions dir
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ dir, extensionPath, workspace, settings = {}, env = {}, port, extraExtensions = [] }) {
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // User settings, where a user sets Reflect's (window-scoped) settings. Machine settings would
  // override them and are left alone, so tests that update settings see their own values.
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));

  // A symlink named publisher.name-version in the extensions dir loads the repo as installed.
  const link = join(extensionsDir, extensionFolderName(extensionPath));
  rmSync(link, { recursive: true, force: true });
  symlinkSync(resolve(extensionPath), link, 'dir');
  for (const ext of extraExtensions) {
    const folder = join(extensionsDir, ext.folder);
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(ext.files)) writeFileSync(join(folder, name), text);
  }

  const chosenPort = await freePort(port);
  // Own config file: ~/.config/code-server/config.yaml may hold a password or another bind address.
  const configFile = join(dir, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${chosenPort}\nauth: none\ncert: false\n`);
  const logFile = join(dir, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(
    node24Bin(),
    [
      codeServerEntry(),
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${chosenPort}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      workspace,
    ],
    // Own process group, so stop() also ends the extension host and other helpers it forks.
    { detached: true, stdio: ['ignore', fd, fd], env: { ...serverEnv(), ...env } },
  );
  closeSync(fd);
  const exited = new Promise((res) => child.on('exit', (code) => res(code)));
  let running = true;
  exited.then(() => (running = false));
  const killGroup = (/** @type {NodeJS.Signals} */ sig) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  // A signal ends Node without 'exit' handlers: take code-server down, then let the signal do
  // what it would have done (unless someone else handles it).
  const onSignal = (/** @type {NodeJS.Signals} */ sig) => {
    killGroup('SIGKILL');
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
  for (const sig of signals) process.once(sig, onSignal);

  // The extension hosts' own logs and Reflect's output channel in each (what the extension saw).
  const exthostLogs = () => findFiles(join(userDataDir, 'logs'), (f) => f.endsWith('exthost.log') || f.endsWith('/Reflect.log'));
  /** @type {CodeServer} */
  const server = {
    port: chosenPort,
    url: `http://127.0.0.1:${chosenPort}`,
    userDataDir,
    extensionsDir,
    logFile,
    exthostLogs,
    exited,
    diagnostics: (lines = 40) =>
      [logFile, ...exthostLogs()].map((f) => `--- last ${lines} lines of ${f}\n${tail(f, lines)}`).join('\n'),
    async stop() {
      process.off('exit', onExit);
      for (const sig of signals) process.off(sig, onSignal);
      if (!running) return;
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      killGroup('SIGKILL'); // helpers that outlived the server itself
    },
  };

  try {
    await waitForHttp(`${server.url}/healthz`, exited, 60_000);
  } catch (err) {
    await server.stop();
    throw new Error(`${err instanceof Error ? err.message : err}\n${server.diagnostics()}`);
  }
  return server;
}

/** The environment code-server gets: ours minus what would tie it to an enclosing VS Code. */
function serverEnv() {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  return env;
}

/**
 * @param {string} url
 * @param {Promise<unknown>} exited
 * @param {number} timeoutMs
 */
async function waitForHttp(url, exited, timeoutMs) {
  let gone = false;
  exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error('code-server exited before it answered HTTP');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000}s`);
}

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').Page} page
 * @property {string[]} pageErrors   uncaught errors and console errors seen in the page
 * @property {() => Promise<void>} close
 */

/**
 * Opens the workbench for `workspace` in headless Chromium and waits until it is rendered.
 * @param {CodeServer} server
 * @param {string} workspace
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(server, workspace) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    // Clipboard access as a person's browser grants it to the editor: Ask for Feedback copies its question.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    const folder = workspace.split('/').map(encodeURIComponent).join('/');
    await page.goto(`${server.url}/?folder=${folder}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return { browser, page, pageErrors, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * @param {string} dir
 * @param {(f: string) => boolean} match
 * @returns {string[]}
 */
function findFiles(dir, match) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter(match)
    .map((f) => join(dir, f));
}

/**
 * @param {string} file
 * @param {number} lines
 */
export function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '(missing)';
  }
}
