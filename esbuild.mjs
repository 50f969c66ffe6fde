// Bundles the extension (and, with --tests, the test suites). Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node16',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', metafile: production },
  // The journal panel's webview script: browser code, one self-contained file (no imports at run time).
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    sourcemap: !production,
    // Always minified: it is parsed on every show of the panel, and tests should time what ships.
    minify: true,
    logLevel: 'warning',
  },
];

if (tests) {
  // A suite moved or deleted in test/ must not keep running from an old bundle (mocha globs out/test).
  rmSync('out/test', { recursive: true, force: true });
  const testFiles = (dir) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(dir, f));
  // Test files keep mocha, playwright and vscode external: they are loaded by the runner that owns them.
  const testOptions = { ...node, minify: false, sourcemap: true, external: ['vscode', 'mocha', 'playwright-core', 'jsdom', 'esbuild'] };
  builds.push(
    { ...testOptions, entryPoints: testFiles('test/unit'), outdir: 'out/test/unit' },
    { ...testOptions, entryPoints: [...testFiles('test/integration'), 'test/integration/index.ts'], outdir: 'out/test/integration' },
    { ...testOptions, entryPoints: testFiles('test/e2e'), outdir: 'out/test/e2e' },
    { ...testOptions, entryPoints: readdirSync('test/eval').filter((f) => f.endsWith('.eval.ts')).map((f) => join('test/eval', f)), outdir: 'out/test/eval' },
    { ...testOptions, entryPoints: ['test/runDesktop.ts'], outfile: 'out/test/runDesktop.js', external: ['vscode', 'mocha', '@vscode/test-electron'] },
  );
}

if (process.argv.includes('--bench')) {
  builds.push({ ...node, minify: false, sourcemap: true, entryPoints: ['test/bench/journalBench.ts', 'test/bench/panelBench.ts', 'test/bench/syncBench.ts'], outdir: 'out/test/bench' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (production && results[0].metafile) {
    const bytes = Object.values(results[0].metafile.outputs).reduce((n, o) => n + o.bytes, 0);
    console.log(`[esbuild] dist/extension.js ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
