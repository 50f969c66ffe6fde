// Where the journal's own repository is, when git may run, and what its commits are called: the
// decisions of journalRepo.ts, in plain Node against real temp repositories.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import {
  commitMessage,
  ensureExcluded,
  excludePattern,
  findEnclosingWorkTree,
  foreignFiles,
  isJournalPath,
  isRepositoryRoot,
  untrustedFolderHolding,
} from '../../../../src/core/sync/journalRepo';
import { git, tempDir } from '../../fixtures';
import { isolateGitConfig, journalRepo, workRepo, write } from './syncFixtures';

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

  it('does not follow a planted .git file to a folder that is no repository', async () => {
    const root = tempDir();
    const secrets = path.join(root, 'dot-ssh');
    mkdirSync(secrets);
    const workspace = path.join(root, 'cloned-project');
    write(path.join(workspace, '.git'), `gitdir: ${secrets}\n`);
    const journal = path.join(workspace, '.reflect');
    mkdirSync(journal);
    assert.equal(await findEnclosingWorkTree(journal), undefined);
    assert.deepEqual(readdirSync(secrets), [], 'nothing created there');
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
