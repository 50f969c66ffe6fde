// The journal's own repository, decided and driven in plain Node against real temp repositories.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommitBatcher } from '../../src/core/commitBatcher';
import { GitMissingError } from '../../src/core/gitCommits';
import { describeGitFailure, FailureNotices, failureMessage, summarizeGitOutput } from '../../src/core/gitFailures';
import {
  commitMessage,
  ensureExcluded,
  excludePattern,
  findEnclosingWorkTree,
  foreignFiles,
  isJournalPath,
  isRepositoryRoot,
  untrustedFolderHolding,
} from '../../src/core/journalRepo';
import { CliJournalRepo, gitExec, initRepository, parseStatusZ } from '../../src/core/journalRepoGit';
import { git, tempDir } from './fixtures';

/** Git sees only this config: an identity, no signing, no hooks from the machine running the tests. */
function isolateGitConfig(): void {
  const saved: Record<string, string | undefined> = {};
  const keys = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'];
  before(() => {
    const dir = tempDir('reflect-gitconfig-');
    const config = path.join(dir, 'gitconfig');
    writeFileSync(config, '[user]\n\tname = Journal Tester\n\temail = journal@reflect.test\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');
    for (const k of keys) saved[k] = process.env[k];
    process.env.GIT_CONFIG_GLOBAL = config;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An outer "work" repository with one commit, like the project a user has open. */
function workRepo(root: string): string {
  mkdirSync(root, { recursive: true });
  git(root, ['init', '--quiet']);
  write(path.join(root, 'src', 'app.ts'), 'export {};\n');
  git(root, ['add', '--', 'src']);
  git(root, ['commit', '--quiet', '-m', 'work']);
  return root;
}

/** A journal repository as Set Up leaves it: initialized, marked, first commit made. */
async function journalRepo(folder: string): Promise<CliJournalRepo> {
  await initRepository(folder);
  const repo = new CliJournalRepo(folder);
  await repo.markJournal();
  write(path.join(folder, 'README.md'), '# journal\n');
  await repo.commit(await repo.pendingChanges(['README.md']), 'journal: start');
  return repo;
}

const log = (repo: string): string[] => git(repo, ['log', '--format=%s']).trim().split('\n').filter(Boolean);

describe('journal repository: where it is (real repositories)', () => {
  isolateGitConfig();

  it('finds the work tree a journal lies inside, as git itself does, however deep', async () => {
    const outer = workRepo(path.join(tempDir(), 'shop'));
    for (const journal of [path.join(outer, '.reflect'), path.join(outer, 'docs', 'private', 'journal')]) {
      mkdirSync(journal, { recursive: true });
      const found = await findEnclosingWorkTree(journal);
      assert.equal(found?.root, git(journal, ['rev-parse', '--show-toplevel']).trim());
      assert.equal(found?.excludeFile, path.join(outer, '.git', 'info', 'exclude'));
    }
  });

  it('still finds the outer repository once the journal has a .git of its own', async () => {
    const outer = workRepo(path.join(tempDir(), 'shop'));
    const journal = path.join(outer, '.reflect');
    await journalRepo(journal);
    assert.equal(await isRepositoryRoot(journal), true);
    assert.equal((await findEnclosingWorkTree(journal))?.root, outer);
  });

  it('finds nothing for a journal outside any repository', async () => {
    const journal = path.join(tempDir(), 'reflect-journal');
    mkdirSync(journal);
    assert.equal(await findEnclosingWorkTree(journal), undefined);
    assert.equal(await isRepositoryRoot(journal), false);
  });

  it('in a linked worktree, uses the main repository\'s exclude file (git reads it from there)', async () => {
    const root = tempDir();
    const outer = workRepo(path.join(root, 'shop'));
    const linked = path.join(root, 'shop-feature');
    git(outer, ['worktree', 'add', '--quiet', '-b', 'feature', linked]);
    const journal = path.join(linked, '.reflect');
    await journalRepo(journal);
    write(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'), 'private\n');

    const found = await findEnclosingWorkTree(journal);
    assert.equal(found?.root, linked);
    assert.equal(found?.excludeFile, path.join(outer, '.git', 'info', 'exclude'));
    assert.match(git(linked, ['status', '--porcelain']), /\.reflect/);
    await ensureExcluded(found!, journal);
    assert.equal(git(linked, ['status', '--porcelain']), '');
  });

  it('excluding the journal leaves the work repository\'s `git status` empty, once, without touching anything tracked', async () => {
    const outer = workRepo(path.join(tempDir(), 'shop'));
    const journal = path.join(outer, '.reflect');
    await journalRepo(journal);
    write(path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'), 'private\n');
    assert.match(git(outer, ['status', '--porcelain']), /^\?\? \.reflect\/$/m);

    const found = (await findEnclosingWorkTree(journal))!;
    assert.equal(await ensureExcluded(found, journal), 'added');
    assert.equal(await ensureExcluded(found, journal), 'present');
    assert.equal(git(outer, ['status', '--porcelain', '--untracked-files=all']), '');
    const exclude = readFileSync(found.excludeFile, 'utf8');
    assert.equal(exclude.split('\n').filter((l) => l === '/.reflect/').length, 1);
    // `git add -A` in the work repository cannot pick the journal up either.
    git(outer, ['add', '-A']);
    assert.equal(git(outer, ['diff', '--cached', '--name-only']), '');
  });

  it('escapes glob characters: only the journal folder is hidden, not a look-alike', async () => {
    const outer = workRepo(path.join(tempDir(), 'shop'));
    const journal = path.join(outer, 'notes [me]');
    write(path.join(journal, 'entries', 'a.md'), 'private\n');
    write(path.join(outer, 'notes m', 'public.md'), 'public\n');
    assert.equal(excludePattern(outer, journal), '/notes \\[me\\]/');
    await ensureExcluded((await findEnclosingWorkTree(journal))!, journal);
    assert.equal(git(outer, ['status', '--porcelain']).trim(), '?? "notes m/"');
  });

  it('creates info/exclude when a repository has none', async () => {
    const outer = workRepo(path.join(tempDir(), 'shop'));
    rmSync(path.join(outer, '.git', 'info'), { recursive: true, force: true });
    const journal = path.join(outer, '.reflect');
    write(path.join(journal, 'goals.md'), '- [ ] private goal\n');
    await ensureExcluded((await findEnclosingWorkTree(journal))!, journal);
    assert.equal(git(outer, ['status', '--porcelain']), '');
  });
});

describe('journal repository: when git may run', () => {
  const ws = path.join(path.sep, 'work', 'shop');

  it('never inside a folder of an untrusted workspace (its repository config could run programs)', () => {
    assert.equal(untrustedFolderHolding(path.join(ws, '.reflect'), { trusted: false, folders: [ws] }), ws);
    assert.equal(untrustedFolderHolding(ws, { trusted: false, folders: [ws] }), ws);
  });

  it('in a trusted workspace, and for a journal outside an untrusted one', () => {
    assert.equal(untrustedFolderHolding(path.join(ws, '.reflect'), { trusted: true, folders: [ws] }), undefined);
    assert.equal(untrustedFolderHolding(path.join(path.sep, 'home', 'me', 'reflect-journal'), { trusted: false, folders: [ws] }), undefined);
    assert.equal(untrustedFolderHolding(path.join(path.sep, 'work', 'shop-notes'), { trusted: false, folders: [ws] }), undefined, 'a name prefix is not a parent');
  });

  it('a repository with files other than journal files is not a journal (it is likely a work repository)', () => {
    assert.deepEqual(foreignFiles(['README.md', '.gitignore', 'entries/2026/2026-11-25-end-of-day.md', 'goals.md', 'templates/oncall.md', 'reviews/2026-11-30-month.md']), []);
    assert.deepEqual(foreignFiles(['README.md', 'package.json', 'src/app.ts', 'entries/2026/x.md']), ['package.json', 'src/app.ts']);
  });

  it('commits entries, goals, templates and reviews, never Reflect\'s temp files', () => {
    assert.equal(isJournalPath('entries/2026/2026-11-25-end-of-day.md'), true);
    assert.equal(isJournalPath('goals.md'), true);
    assert.equal(isJournalPath('templates/oncall.md'), true);
    assert.equal(isJournalPath('entries/2026/.2026-11-25-end-of-day.md.1a2b3c4d5e6f.tmp'), false);
    assert.equal(isJournalPath('notes.txt'), false);
    assert.equal(isJournalPath('entries-old/x.md'), false);
  });
});

describe('journal repository: commit messages', () => {
  const entry = (p: string, deleted = false): { path: string; deleted: boolean } => ({ path: p, deleted });

  it('one entry: its kind and date, as the user would say it', () => {
    assert.equal(commitMessage([entry('entries/2026/2026-11-25-end-of-day.md')]), 'retro: 2026-11-25 end of day');
    assert.equal(commitMessage([entry('entries/2026/2026-11-28-sprint.md')]), 'retro: 2026-11-28 sprint');
    assert.equal(commitMessage([entry('entries/2026/2026-11-25-end-of-day.md', true)]), 'retro: remove 2026-11-25 end of day');
  });

  it('goals, a template, a review', () => {
    assert.equal(commitMessage([entry('goals.md')]), 'goals: update');
    assert.equal(commitMessage([entry('templates/oncall.md')]), 'template: oncall.md');
    assert.equal(commitMessage([entry('reviews/2026-11-30-month.md')]), 'review: 2026-11-30-month');
  });

  it('several files: counted by kind', () => {
    assert.equal(
      commitMessage([entry('entries/2026/2026-11-24-end-of-day.md'), entry('entries/2026/2026-11-25-end-of-day.md'), entry('entries/2026/2026-11-25-weekly.md')]),
      'journal: 3 entries',
    );
    assert.equal(commitMessage([entry('entries/2026/2026-11-25-end-of-day.md'), entry('goals.md'), entry('templates/a.md'), entry('templates/b.md')]), 'journal: 1 entry, goals, 2 templates');
  });
});

describe('journal repository: debounce', () => {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('ten saves in quick succession make one run, after they stop', async () => {
    let runs = 0;
    const b = new CommitBatcher({ quietMs: 60, maxWaitMs: 5_000, run: async () => void runs++ });
    for (let i = 0; i < 10; i++) {
      b.changed();
      await sleep(10);
    }
    assert.equal(runs, 0, 'nothing while saves keep coming');
    await sleep(120);
    assert.equal(runs, 1);
    b.dispose();
  });

  it('someone saving non-stop still gets a run after maxWait', async () => {
    let runs = 0;
    const b = new CommitBatcher({ quietMs: 50, maxWaitMs: 150, run: async () => void runs++ });
    const started = Date.now();
    while (Date.now() - started < 260) {
      b.changed();
      await sleep(15);
    }
    assert.ok(runs >= 1, `ran ${runs} times`);
    b.dispose();
  });

  it('runs never overlap; a save during a run leads to exactly one more run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const b = new CommitBatcher({
      quietMs: 10,
      maxWaitMs: 1_000,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(80);
        active--;
      },
    });
    b.changed();
    await sleep(30); // first run in progress
    b.changed();
    b.changed();
    await sleep(40);
    await b.flush();
    await sleep(120);
    await b.flush();
    assert.equal(maxActive, 1);
    assert.equal(runs, 2);
    b.dispose();
  });

  it('flush runs a waiting change now; cancel drops it; a failing run does not stop later ones', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const b = new CommitBatcher({
      quietMs: 10_000,
      maxWaitMs: 10_000,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('index.lock');
      },
      onError: (e) => errors.push(e),
    });
    b.changed();
    await b.flush();
    assert.equal(runs, 1);
    assert.equal(errors.length, 1);
    b.changed();
    b.cancel();
    await b.flush();
    assert.equal(runs, 1);
    b.changed();
    await b.flush();
    assert.equal(runs, 2);
    b.dispose();
  });
});

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
    assert.match(failureMessage(failure), /^Reflect couldn't push the journal: .*nonexistent.* Your entries are saved\.$/);
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

  it('a missing git executable is reported as such', async () => {
    const err = await gitExec(tempDir(), ['status'], { gitPath: path.join(tempDir(), 'no-such-git') }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof GitMissingError);
    const failure = describeGitFailure('commit', err);
    assert.equal(failure.kind, 'git-missing');
    assert.match(failureMessage(failure), /git was not found.*entries are still saved/);
  });
});

describe('journal repository: telling the user', () => {
  it('keeps git\'s fatal/error lines, drops hints, stays short', () => {
    const stderr = [
      "fatal: '/nonexistent/remote.git' does not appear to be a git repository",
      'fatal: Could not read from remote repository.',
      '',
      'Please make sure you have the correct access rights',
      'and the repository exists.',
    ].join('\n');
    assert.equal(summarizeGitOutput(stderr), "'/nonexistent/remote.git' does not appear to be a git repository Could not read from remote repository.");
    const rejected = ' ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to \'x\'\nhint: Updates were rejected because the remote contains work\nhint: that you do not have locally.';
    assert.equal(describeGitFailure('push', { stderr: rejected }).kind, 'rejected');
    assert.doesNotMatch(summarizeGitOutput(rejected), /hint/);
    assert.ok(summarizeGitOutput('x'.repeat(1000)).length <= 300);
  });

  it('reads the reason from a VS Code Git extension error, whose message is only "Failed to execute git"', () => {
    const err = Object.assign(new Error('Failed to execute git'), { stderr: "fatal: Unable to create '/j/.git/index.lock': File exists." });
    const f = describeGitFailure('commit', err);
    assert.equal(f.kind, 'locked');
    assert.match(failureMessage(f), /index\.lock/);
  });

  it('shows each kind of failure once until the operation works again; "git missing" only ever once', () => {
    const notices = new FailureNotices();
    const offline = { operation: 'push', kind: 'unreachable' } as const;
    assert.equal(notices.shouldShow(offline), true);
    assert.equal(notices.shouldShow(offline), false, 'not again on the next save');
    assert.equal(notices.shouldShow({ operation: 'push', kind: 'rejected' }), true, 'a different problem is news');
    assert.equal(notices.shouldShow({ operation: 'commit', kind: 'unreachable' }), true);
    notices.succeeded('push');
    assert.equal(notices.shouldShow(offline), true, 'offline again after a good push');
    assert.equal(notices.shouldShow({ operation: 'commit', kind: 'unreachable' }), false);
    assert.equal(notices.shouldShow({ operation: 'commit', kind: 'git-missing' }), true);
    notices.succeeded('commit');
    assert.equal(notices.shouldShow({ operation: 'push', kind: 'git-missing' }), false);
  });
});
