// Two machines and one private remote, all real git: a bare repository and two clones. Each writes
// the same day's entry and goals.md, syncs in either order, and both end with the same files holding
// every line of both, no conflict markers, nothing half-merged. Then the faults: a push rejected
// because the other machine pushed first, no network, a held index.lock, a failing hook, no
// identity, a merge of the user's own in progress: every line stays on disk.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeGitFailure } from '../../../../src/core/sync/gitFailures';
import { CliJournalRepo } from '../../../../src/core/sync/journalRepoGit';
import { syncCounts, syncJournal, SyncStoppedError } from '../../../../src/core/sync/remoteSync';
import { git, tempDir } from '../../fixtures';
import { isolateGitConfig, journalRepo, write } from './syncFixtures';

const DAY = 'entries/2026/2026-12-03-end-of-day.md';

const entry = (energy: number, wins: string[], commitments = '- [ ] Write the runbook'): string =>
  `---\ntype: end-of-day\ndate: 2026-12-03\nenergy: ${energy}\ntags: [oncall]\n---\n# End of day · Thursday 2026-12-03\n\n## What went well?\n${wins.map((w) => `- ${w}`).join('\n')}\n\n## One thing I'll do differently\n${commitments}\n`;

const FRESH_TEMPLATE = `---\ntype: end-of-day\ndate: 2026-12-03\nenergy:  # 1 (drained) to 5 (energized)\ntags: []\n---\n# End of day · Thursday 2026-12-03\n\n## What went well?\n- \n\n## One thing I'll do differently\n- \n`;

interface Machine {
  name: string;
  root: string;
  repo: CliJournalRepo;
  sync(): ReturnType<typeof syncJournal>;
  read(file: string): string;
}

function machine(name: string, root: string): Machine {
  const repo = new CliJournalRepo(root);
  return {
    name,
    root,
    repo,
    sync: () => syncJournal(repo, { machine: name, commitPending: true, push: true }),
    read: (file) => readFileSync(path.join(root, ...file.split('/')), 'utf8'),
  };
}

/** Every file of the journal's working tree except .git, with its text. */
function tree(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${d.name}` : d.name;
    if (d.name === '.git') continue;
    if (d.isDirectory()) Object.assign(out, tree(root, rel));
    else out[rel] = readFileSync(path.join(root, rel), 'utf8');
  }
  return out;
}

function assertClean(m: Machine): void {
  for (const [file, text] of Object.entries(tree(m.root))) {
    assert.doesNotMatch(text, /^(<{7}|>{7}|={7})( |$)/m, `${m.name}: conflict markers in ${file}`);
  }
  assert.equal(existsSync(path.join(m.root, '.git', 'MERGE_HEAD')), false, `${m.name}: a merge was left unfinished`);
  assert.equal(git(m.root, ['status', '--porcelain']), '', `${m.name}: uncommitted changes left`);
}

/** A bare remote and machine A with a pushed journal; B cloned from it, as a second machine set up earlier. */
async function twoMachines(): Promise<{ remote: string; a: Machine; b: Machine }> {
  const dir = tempDir('reflect-sync-');
  const remote = path.join(dir, 'remote.git');
  git(dir, ['init', '--quiet', '--bare', remote]);
  await journalRepo(path.join(dir, 'a'));
  git(path.join(dir, 'a'), ['remote', 'add', 'origin', remote]);
  const a = machine('laptop', path.join(dir, 'a'));
  await a.sync();
  git(dir, ['clone', '--quiet', remote, path.join(dir, 'b')]);
  const b = machine('desktop', path.join(dir, 'b'));
  await b.repo.markJournal();
  return { remote, a, b };
}

describe('journal sync between two machines (real git)', function () {
  this.timeout(30_000);
  isolateGitConfig();

  for (const order of ['A first', 'B first'] as const) {
    it(`the same day's entry and goals.md written on both machines (${order}): both end identical, with every line of both`, async () => {
      const { a, b } = await twoMachines();
      write(path.join(a.root, DAY), entry(3, ['Shipped the rate limiter', 'Paired with Sam on the flaky test']));
      write(path.join(a.root, 'goals.md'), '# Goals\n\n- [ ] Give a lightning talk\n- [ ] Get the p99 under 200ms\n');
      write(path.join(b.root, DAY), entry(4, ['Closed the on-call handover', 'Unblocked the release'], '- [x] Write the runbook'));
      write(path.join(b.root, 'goals.md'), '# Goals\n\n- [ ] Give a lightning talk\n- [ ] Mentor an intern\n');
      const [first, second] = order === 'A first' ? [a, b] : [b, a];
      await first.sync();
      const merged = await second.sync();
      assert.equal(merged.integrated.status, 'merged');
      assert.equal(merged.pushed > 0, true);
      const third = await first.sync();
      assert.equal(third.integrated.status, 'fast-forward');

      assert.deepEqual(tree(a.root), tree(b.root), 'both machines hold the same journal');
      const day = a.read(DAY);
      for (const line of ['- Shipped the rate limiter', '- Paired with Sam on the flaky test', '- Closed the on-call handover', '- Unblocked the release', '- [x] Write the runbook']) {
        assert.equal(day.split('\n').filter((l) => l === line).length, 1, `"${line}" once in:\n${day}`);
      }
      assert.doesNotMatch(day, /- \[ \] Write the runbook/, 'a tick on either machine wins');
      const goals = a.read('goals.md');
      for (const goal of ['Give a lightning talk', 'Get the p99 under 200ms', 'Mentor an intern']) assert.equal(goals.split(goal).length - 1, 1, goals);
      assertClean(a);
      assertClean(b);
      assert.deepEqual(await syncCounts(a.root), { remote: 'origin', ref: 'origin/main', ahead: 0, behind: 0 });
    });
  }

  it('a machine that created an empty entry for today before pulling gets the real one, not a rival', async () => {
    const { a, b } = await twoMachines();
    const real = entry(4, ['Shipped the rate limiter', 'Wrote the incident timeline']);
    write(path.join(a.root, DAY), real);
    await a.sync();
    write(path.join(b.root, DAY), FRESH_TEMPLATE); // Start Retro on B before it pulled
    await b.sync();
    await a.sync();
    assert.equal(b.read(DAY), real, 'the real entry, whole, with nothing of the empty template doubled');
    assert.deepEqual(tree(a.root), tree(b.root));
    assertClean(b);
  });

  it('a paragraph edited on both machines keeps both, the second marked with the machine it came from', async () => {
    const { a, b } = await twoMachines();
    const base = `# Notes\n\nThe migration plan is on track.\n`;
    write(path.join(a.root, 'entries/2026/2026-12-01-notes.md'), base);
    await a.sync();
    await b.sync();
    write(path.join(a.root, 'entries/2026/2026-12-01-notes.md'), `# Notes\n\nThe migration plan is on track, cutover on Friday.\n`);
    write(path.join(b.root, 'entries/2026/2026-12-01-notes.md'), `# Notes\n\nThe migration plan slipped a week.\n`);
    await a.sync();
    await b.sync();
    const text = b.read('entries/2026/2026-12-01-notes.md');
    assert.match(text, /cutover on Friday/);
    assert.match(text, /slipped a week/);
    assert.match(text, /laptop/, `the paragraph from the other machine names it:\n${text}`);
    assertClean(b);
  });

  it('a push rejected because the other machine pushed first: takes that in, then pushes', async () => {
    const { a, b } = await twoMachines();
    write(path.join(b.root, DAY), entry(2, ['B wrote first']));
    await b.sync();
    write(path.join(a.root, DAY), entry(5, ['A wrote second']));
    // A's first push races B's next one: B pushes after A fetched, so A's push is rejected once.
    const push = a.repo.push.bind(a.repo);
    let pushes = 0;
    a.repo.push = async () => {
      if (pushes++ === 0) {
        write(path.join(b.root, 'goals.md'), '- [ ] Pushed in between\n');
        await b.sync();
      }
      return push();
    };
    const outcome = await a.sync();
    assert.equal(pushes, 2, 'pushed again after taking in what was pushed meanwhile');
    assert.equal(outcome.counts?.ahead, 0);
    await b.sync();
    assert.deepEqual(tree(a.root), tree(b.root));
    assert.match(a.read('goals.md'), /Pushed in between/);
    assert.match(a.read(DAY), /A wrote second/);
    assert.match(a.read(DAY), /B wrote first/);
  });

  it('two journals started apart (a second machine that already had entries) are joined, nothing overwritten', async () => {
    const { remote, a } = await twoMachines();
    write(path.join(a.root, DAY), entry(3, ['From the laptop']));
    await a.sync();
    const dir = tempDir('reflect-sync-own-');
    const b = machine('desktop', path.join(dir, 'b'));
    await journalRepo(b.root);
    git(b.root, ['branch', '-m', 'master']); // an older git's default: the remote's branch is main
    write(path.join(b.root, DAY), entry(4, ['From the desktop']));
    write(path.join(b.root, 'entries/2026/2026-11-30-end-of-day.md'), entry(2, ['Only the desktop had this day']));
    git(b.root, ['remote', 'add', 'origin', remote]);
    await b.sync();
    await a.sync();
    assert.deepEqual(tree(a.root), tree(b.root));
    assert.match(a.read(DAY), /From the laptop/);
    assert.match(a.read(DAY), /From the desktop/);
    assert.match(a.read('entries/2026/2026-11-30-end-of-day.md'), /Only the desktop had this day/);
    assert.equal(git(b.root, ['rev-parse', '--abbrev-ref', '@{upstream}']).trim(), 'origin/main', 'the desktop now follows the branch the laptop pulls from');
    assertClean(a);
  });
});

describe('journal sync: faults never lose a line', function () {
  this.timeout(30_000);
  isolateGitConfig();

  it('no network: the entry is committed locally, the error says unreachable, and the next sync sends it', async () => {
    const { remote, a, b } = await twoMachines();
    git(a.root, ['remote', 'set-url', 'origin', path.join(path.dirname(remote), 'gone.git')]);
    write(path.join(a.root, DAY), entry(3, ['Written offline']));
    const err = await a.sync().then(() => undefined, (e: unknown) => e);
    assert.ok(err, 'the sync failed');
    assert.equal(describeGitFailure('push', err).kind, 'unreachable');
    assert.equal(git(a.root, ['status', '--porcelain']), '', 'committed locally all the same');
    git(a.root, ['remote', 'set-url', 'origin', remote]);
    await a.sync();
    await b.sync();
    assert.match(b.read(DAY), /Written offline/);
  });

  it('a held index.lock: git says locked, the entry stays on disk, and the sync works once it is gone', async () => {
    const { a } = await twoMachines();
    write(path.join(a.root, DAY), entry(3, ['Written while locked']));
    writeFileSync(path.join(a.root, '.git', 'index.lock'), '');
    const err = await a.sync().then(() => undefined, (e: unknown) => e);
    assert.equal(describeGitFailure('commit', err).kind, 'locked');
    assert.match(a.read(DAY), /Written while locked/);
    git(a.root, ['status']); // still a usable repository
    rmSync(path.join(a.root, '.git', 'index.lock'));
    const outcome = await a.sync();
    assert.equal(outcome.committed, 'retro: 2026-12-03 end of day');
  });

  it('a hook that fails the merge commit: the merge is aborted, both sides\' lines are on disk and in commits, no markers', async () => {
    const { a, b } = await twoMachines();
    write(path.join(a.root, DAY), entry(3, ['From the laptop']));
    await a.sync();
    write(path.join(b.root, DAY), entry(4, ['From the desktop']));
    const hook = path.join(b.root, '.git', 'hooks', 'pre-commit');
    // Commits pass; the merge commit fails (git runs pre-commit for a merge whose conflicts were resolved).
    write(hook, '#!/bin/sh\nif [ -f "$(git rev-parse --git-dir)/MERGE_HEAD" ]; then echo "merges are not allowed here" >&2; exit 1; fi\n');
    chmodSync(hook, 0o755);
    const err = await b.sync().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof Error, 'the sync says it failed');
    assert.match(b.read(DAY), /From the desktop/);
    assert.doesNotMatch(b.read(DAY), /^<{7}/m);
    assert.equal(existsSync(path.join(b.root, '.git', 'MERGE_HEAD')), false, 'aborted back to where it was');
    assert.equal(git(b.root, ['status', '--porcelain']), '');
    rmSync(hook);
    await b.sync();
    assert.match(b.read(DAY), /From the laptop/);
    assert.match(b.read(DAY), /From the desktop/);
    assertClean(b);
  });

  it('no git identity: the commit fails with "identity", the entry stays on disk', async () => {
    const { a } = await twoMachines();
    git(a.root, ['config', 'user.useConfigOnly', 'true']);
    const saved = process.env.GIT_CONFIG_GLOBAL;
    const empty = path.join(tempDir('reflect-noid-'), 'gitconfig');
    writeFileSync(empty, '');
    process.env.GIT_CONFIG_GLOBAL = empty;
    try {
      write(path.join(a.root, DAY), entry(3, ['Written without an identity']));
      const err = await a.sync().then(() => undefined, (e: unknown) => e);
      assert.equal(describeGitFailure('commit', err).kind, 'identity');
      assert.match(a.read(DAY), /Written without an identity/);
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });

  it('a merge of the user\'s own in progress is left alone, with a clear message', async () => {
    const { a, b } = await twoMachines();
    write(path.join(a.root, DAY), entry(3, ['From the laptop']));
    await a.sync();
    write(path.join(b.root, DAY), entry(4, ['From the desktop']));
    git(b.root, ['add', '-A']);
    git(b.root, ['commit', '--quiet', '-m', 'mine']);
    git(b.root, ['fetch', '--quiet']);
    try {
      git(b.root, ['merge', '--no-edit', 'origin/main']);
    } catch {
      // conflicts: the user's merge stops here, as it would in a terminal
    }
    await assert.rejects(b.sync(), SyncStoppedError);
    assert.ok(existsSync(path.join(b.root, '.git', 'MERGE_HEAD')), 'the user\'s merge is still there for them to finish');
  });
});
