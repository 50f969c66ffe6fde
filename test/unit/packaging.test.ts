// What the .vsix ships. The tests load the extension from this folder, so a file missing from the
// package (a .vscodeignore that forgot it) would only show in a user's install.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './fixtures';

const ROOT = REPO_ROOT;

describe('the packaged extension', function () {
  this.timeout(60_000);
  let files: string[];

  before(() => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });

  it('holds every file the extension loads at run time', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      icon: string;
      contributes: { viewsContainers: { activitybar: { icon: string }[] } };
    };
    const needed = [
      manifest.main,
      manifest.icon,
      ...manifest.contributes.viewsContainers.activitybar.map((c) => c.icon),
      // The Journal panel's script and stylesheet (src/vscode/journalPanel.ts).
      'dist/webview.js',
      'media/journal.css',
    ].map((f) => path.posix.normalize(f));
    assert.deepEqual(needed.filter((f) => !files.includes(f)), []);
  });

  it('ships no source, tests or dependencies', () => {
    assert.deepEqual(files.filter((f) => /^(src|test|node_modules|out)\//.test(f) || f.endsWith('.ts')), []);
  });
});
