// Journal everywhere, as a person sees it: another machine pushed an entry; "Reflect: Sync Journal"
// brings it in (the status bar says so), and a retro started here travels to the remote by itself.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localDate, runCommand, screenshot, useWorkbench, waitForFile } from './workbench';

const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, args: string[]): string => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });

function daysAgo(n: number): string {
  const d = new Date();
  return localDate(new Date(d.getFullYear(), d.getMonth(), d.getDate() - n));
}

/** An entry written on the other machine and pushed. */
function pushFromOtherMachine(other: string, day: string, win: string): string {
  const rel = path.join('entries', day.slice(0, 4), `${day}-end-of-day.md`);
  mkdirSync(path.join(other, path.dirname(rel)), { recursive: true });
  writeFileSync(path.join(other, rel), `---\ntype: end-of-day\ndate: ${day}\n---\n## What went well?\n- ${win}\n`);
  git(other, ['add', '-A']);
  git(other, ['commit', '--quiet', '-m', `retro: ${day} end of day`]);
  git(other, ['push', '--quiet', 'origin', 'HEAD:main']);
  return rel;
}

describe('Journal sync (e2e)', function () {
  const root = mkdtempSync(path.join(os.tmpdir(), 'reflect-e2e-sync-'));
  const remote = path.join(root, 'remote.git');
  const other = path.join(root, 'other-machine');
  const journal = path.join(root, 'journal');
  git(root, ['init', '--quiet', '--bare', '-b', 'main', remote]);
  git(root, ['init', '--quiet', '-b', 'main', other]);
  for (const repo of [other]) {
    git(repo, ['config', 'user.name', 'Other Machine']);
    git(repo, ['config', 'user.email', 'dev@reflect.test']);
  }
  git(other, ['remote', 'add', 'origin', remote]);
  pushFromOtherMachine(other, daysAgo(3), 'Written on the other machine first');
  git(root, ['clone', '--quiet', remote, journal]);
  git(journal, ['config', 'user.name', 'Dev Tester']);
  git(journal, ['config', 'user.email', 'dev@reflect.test']);
  git(journal, ['config', 'reflect.journal', 'true']);

  const workbench = useWorkbench({ 'reflect.journalFolder': journal, 'reflect.git.sync': 'pullAndPush' });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('Sync Journal brings in what the other machine pushed, and a retro started here reaches the remote by itself', async function () {
    const { page } = workbench();
    const rel = pushFromOtherMachine(other, daysAgo(1), 'Pushed while this window was open');
    await runCommand(page, 'Reflect: Sync Journal');
    await waitForFile(path.join(journal, rel), (text) => text.includes('Pushed while this window was open'), 30_000);
    await page.locator('.statusbar-item', { hasText: /journal synced|in sync/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'journal-sync.png');

    await runCommand(page, 'Reflect: Start End-of-Day Retro');
    const today = localDate();
    await page.locator('.tab.active', { hasText: `${today}-end-of-day.md` }).waitFor({ state: 'visible', timeout: 30_000 });
    // Auto-commit, then the sync that follows it, push the new entry: the other machine can pull it.
    const deadline = Date.now() + 60_000;
    let subjects = '';
    while (Date.now() < deadline) {
      subjects = git(remote, ['log', '--format=%s', 'main']);
      if (subjects.includes(`retro: ${today} end of day`)) break;
      await page.waitForTimeout(500);
    }
    assert.match(subjects, new RegExp(`retro: ${today} end of day`), `the remote has:\n${subjects}`);
    git(other, ['pull', '--quiet', 'origin', 'main']);
    assert.ok(git(other, ['ls-files']).includes(`${today}-end-of-day.md`));
  });
});
