// `npm start`: builds the extension and serves it in code-server on 127.0.0.1 with a demo
// workspace (today's commits) and a demo journal (a few past retros). Runs until Ctrl+C.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './codeServer.mjs';
import { createDemo } from './fixtures.mjs';
import { cacheDir, ensureEnv } from './vscodeEnv.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

await ensureEnv({ browser: false });
console.log('[start] building dist/extension.js');
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });

const demo = join(cacheDir(), 'demo');
const { workspace, journal } = await createDemo(demo);
// Fresh server state each time; the journal (and retros written in it) is kept.
const serverDir = join(demo, 'server');
rmSync(serverDir, { recursive: true, force: true });
mkdirSync(serverDir, { recursive: true });

const server = await startCodeServer({
  dir: serverDir,
  extensionPath: repoRoot,
  workspace,
  settings: { 'reflect.journalFolder': journal },
  port: Number(process.env.PORT) || 8080,
});
const folder = workspace.split('/').map(encodeURIComponent).join('/');
console.log(`[start] journal: ${journal}`);
console.log(`[start] logs: ${server.logFile}`);
console.log(`Reflect is running at ${server.url}/?folder=${folder}`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(sig, async () => {
    stopping = true;
    console.log('\n[start] stopping code-server');
    await server.stop();
    process.exit(0);
  });
}
const code = await server.exited;
if (!stopping) {
  console.error(`[start] code-server exited (${code}); see ${server.logFile}`);
  process.exit(1);
}
