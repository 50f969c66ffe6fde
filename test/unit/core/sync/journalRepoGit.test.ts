// The journal repository driven through the git executable (journalRepoGit.ts): commits, pushes
// and the ways they fail, against real temp repositories and bare remotes.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeGitFailure, failureMessage } from '../../../../src/core/sync/gitFailures';
import { commitMessage } from '../../../../src/core/sync/journalRepo';
import { CliJournalRepo, initRepository, parseStatusZ } from '../../../../src/core/sync/journalRepoGit';
import { git, tempDir } from '../../fixtures';
import { isolateGitConfig, journalRepo, log, write } from './syncFixtures';

describe('journal repository through the git executable (real repositories)', () => {
  isolateGitConfig();

  it('commits the saved entry alone, leaving the user\'s other staged work staged', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    write(path.join(journal, 'notes.txt'), 'my own staged work\n');
    git(journal, ['add', 'notes.txt']);
    write(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'), '# today\n');

    const changes = await repo.pendingChanges();
    assert.deepEqual(changes, [{ path: 'entries/2026/2026-11-25-end-of-day.md', deleted: false }]);
    assert.equal(await repo.commit(changes, commitMessage(changes)), true);

    assert.deepEqual(log(journal), ['retro: 2026-11-25 end of day', 'journal: start']);
    assert.deepEqual(git(journal, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['entries/2026/2026-11-25-end-of-day.md']);
    assert.equal(git(journal, ['diff', '--cached', '--name-only']).trim(), 'notes.txt', 'still staged, not committed');
    assert.deepEqual(await repo.pendingChanges(), []);
  });

  it('commits deletions and renames, and ignores Reflect\'s temp files', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    const a = path.join(journal, 'entries', '2026', '2026-11-24-end-of-day.md');
    write(a, 'a\n');
    await repo.commit(await repo.pendingChanges(), 'add');
    rmSync(a);
    write(path.join(journal, 'entries', '2026', '.2026-11-25-end-of-day.md.0123456789ab.tmp'), 'half written');
    const changes = await repo.pendingChanges();
    assert.deepEqual(changes, [{ path: 'entries/2026/2026-11-24-end-of-day.md', deleted: true }]);
    await repo.commit(changes, commitMessage(changes));
    assert.equal(log(journal)[0], 'retro: remove 2026-11-24 end of day');
    assert.equal(git(journal, ['ls-files', 'entries']).trim(), '');
    assert.deepEqual(
      parseStatusZ('R  entries/new.md\0entries/old.md\0?? goals.md\0'),
      [
        { path: 'entries/old.md', deleted: true },
        { path: 'entries/new.md', deleted: false },
        { path: 'goals.md', deleted: false },
      ],
    );
  });

  it('only a repository Set Up marked is a journal', async () => {
    const plain = path.join(tempDir(), 'plain');
    await initRepository(plain);
    assert.equal(await new CliJournalRepo(plain).isMarkedJournal(), false);
    const marked = await journalRepo(path.join(tempDir(), 'journal'));
    assert.equal(await marked.isMarkedJournal(), true);
  });

  it('counts what is not yet pushed, pushes to a real (bare) remote, and counts zero after', async () => {
    const root = tempDir();
    const remote = path.join(root, 'remote.git');
    git(root, ['init', '--quiet', '--bare', remote]);
    const journal = path.join(root, 'journal');
    const repo = await journalRepo(journal);
    assert.equal(await repo.unpushed(), undefined, 'no remote: nothing is "not yet pushed"');
    await repo.addRemote('origin', remote);
    for (const day of ['24', '25']) {
      write(path.join(journal, 'entries', '2026', `2026-11-${day}-end-of-day.md`), `${day}\n`);
      const c = await repo.pendingChanges();
      await repo.commit(c, commitMessage(c));
    }
    assert.deepEqual(await repo.unpushed(), { remote: 'origin', commits: 3, entries: 2 });
    await repo.push();
    assert.deepEqual(await repo.unpushed(), { remote: 'origin', commits: 0, entries: 0 });
    assert.equal(git(remote, ['log', '--format=%s', 'main']).trim().split('\n')[0], 'retro: 2026-11-25 end of day');

    write(path.join(journal, 'entries', '2026', '2026-11-26-end-of-day.md'), '26\n');
    const c = await repo.pendingChanges();
    await repo.commit(c, commitMessage(c));
    assert.deepEqual(await repo.unpushed(), { remote: 'origin', commits: 1, entries: 1 });
    await repo.push(); // now through the upstream set by the first push
    assert.equal((await repo.unpushed())?.commits, 0);
  });

  it('a push to an unreachable remote fails with git\'s words; the commit and the file stay', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    await repo.addRemote('origin', '/nonexistent/remote.git');
    const file = path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md');
    write(file, 'keep me\n');
    const c = await repo.pendingChanges();
    await repo.commit(c, commitMessage(c));
    const err = await repo.push().then(
      () => undefined,
      (e: unknown) => e,
    );
    const failure = describeGitFailure('push', err);
    assert.equal(failure.kind, 'unreachable');
    assert.match(failure.detail, /'\/nonexistent\/remote\.git' does not appear to be a git repository/);
    assert.match(failureMessage(failure, { autoCommit: true, autoPush: true }), /^Reflect couldn't push the journal: .*nonexistent.* Your entries are saved\.$/);
    assert.equal(readFileSync(file, 'utf8'), 'keep me\n');
    assert.equal(log(journal)[0], 'retro: 2026-11-25 end of day');
    assert.deepEqual(await repo.unpushed(), { remote: 'origin', commits: 2, entries: 1 });
  });

  it('a push the remote rejects (it has commits the journal lacks) is "rejected"; nothing local is lost', async () => {
    const root = tempDir();
    const remote = path.join(root, 'remote.git');
    git(root, ['init', '--quiet', '--bare', remote]);
    const journal = path.join(root, 'journal');
    const repo = await journalRepo(journal);
    await repo.addRemote('origin', remote);
    await repo.push();
    // Another machine pushes first.
    const other = path.join(root, 'laptop');
    git(root, ['clone', '--quiet', remote, other]);
    write(path.join(other, 'goals.md'), '- [ ] from the laptop\n');
    git(other, ['add', 'goals.md']);
    git(other, ['commit', '--quiet', '-m', 'goals: update']);
    git(other, ['push', '--quiet']);

    write(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'), 'desk\n');
    const c = await repo.pendingChanges();
    await repo.commit(c, commitMessage(c));
    const err = await repo.push().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(describeGitFailure('push', err).kind, 'rejected');
    assert.equal(log(journal)[0], 'retro: 2026-11-25 end of day');
    assert.deepEqual(await repo.unpushed(), { remote: 'origin', commits: 1, entries: 1 });
  });

  it('during an unfinished merge the commit fails as "conflict", and the saved entry stays', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    const goals = path.join(journal, 'goals.md');
    write(goals, '- [ ] one\n');
    await repo.commit(await repo.pendingChanges(), 'goals: update');
    git(journal, ['checkout', '--quiet', '-b', 'other']);
    write(goals, '- [ ] two\n');
    git(journal, ['commit', '--quiet', '-am', 'two']);
    git(journal, ['checkout', '--quiet', '-']);
    write(goals, '- [ ] three\n');
    git(journal, ['commit', '--quiet', '-am', 'three']);
    assert.throws(() => git(journal, ['merge', '--quiet', 'other']), /CONFLICT|conflict|Command failed/);

    const entry = path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md');
    write(entry, 'written during the merge\n');
    const err = await repo.commit([{ path: 'entries/2026/2026-11-25-end-of-day.md', deleted: false }], 'retro').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(describeGitFailure('commit', err).kind, 'conflict');
    assert.equal(readFileSync(entry, 'utf8'), 'written during the merge\n');
  });

  it('no remote at all is its own failure kind', async () => {
    const repo = await journalRepo(path.join(tempDir(), 'journal'));
    const err = await repo.push().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(describeGitFailure('push', err).kind, 'no-remote');
  });

  it('a held index.lock fails the commit as "locked"; the next commit picks the entry up', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    write(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'), 'x\n');
    const lock = path.join(journal, '.git', 'index.lock');
    writeFileSync(lock, '');
    const c = await repo.pendingChanges();
    const err = await repo.commit(c, commitMessage(c)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(describeGitFailure('commit', err).kind, 'locked');
    rmSync(lock);
    const again = await repo.pendingChanges();
    assert.equal(await repo.commit(again, commitMessage(again)), true);
    assert.equal(log(journal)[0], 'retro: 2026-11-25 end of day');
  });

  it('a failing pre-commit hook runs (hooks are honoured), blocks the commit, loses nothing', async function () {
    if (process.platform === 'win32') this.skip();
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    const hook = path.join(journal, '.git', 'hooks', 'pre-commit');
    write(hook, '#!/bin/sh\necho "no commits on Fridays" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const file = path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md');
    write(file, 'x\n');
    const err = await repo.commit(await repo.pendingChanges(), 'retro').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.match(describeGitFailure('commit', err).detail, /no commits on Fridays/);
    assert.equal(existsSync(file), true);
    assert.deepEqual(log(journal), ['journal: start']);
    rmSync(hook);
    assert.equal(await repo.commit(await repo.pendingChanges(), 'retro'), true);
  });

  it('without a git identity the commit fails as "identity" rather than guessing one', async () => {
    const journal = path.join(tempDir(), 'journal');
    const repo = await journalRepo(journal);
    write(path.join(journal, 'goals.md'), '- [ ] x\n');
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = path.join(tempDir(), 'empty-gitconfig');
    writeFileSync(process.env.GIT_CONFIG_GLOBAL, '');
    try {
      const err = await repo.commit(await repo.pendingChanges(), 'goals: update').then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.equal(describeGitFailure('commit', err).kind, 'identity');
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });
});
