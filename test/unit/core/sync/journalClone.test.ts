// Bringing an existing journal to a second machine (journalClone.ts): a bare remote that machine A
// pushed its journal to, cloned into a missing or empty folder by machine B; the URL checks that
// keep an option away from git; and the folders a clone must never write into.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeGitFailure } from '../../../../src/core/sync/gitFailures';
import { cloneJournal, holdsNothing, remoteUrl, remoteUrlProblem, usableRemoteUrl } from '../../../../src/core/sync/journalClone';
import { CliJournalRepo } from '../../../../src/core/sync/journalRepoGit';
import { syncJournal } from '../../../../src/core/sync/remoteSync';
import { git, tempDir } from '../../fixtures';
import { isolateGitConfig, journalRepo, log, write } from './syncFixtures';

const ENTRY = 'entries/2026/2026-12-03-end-of-day.md';

/** A bare remote holding machine A's journal: a start commit and one entry, pushed to `main`. */
async function remoteWithJournal(root: string, headBranch = 'main'): Promise<string> {
  const remote = path.join(root, 'remote.git');
  git(root, ['init', '--quiet', '--bare', `--initial-branch=${headBranch}`, remote]);
  const a = path.join(root, 'machine-a');
  const repo = await journalRepo(a);
  write(path.join(a, ENTRY), '---\ntype: end-of-day\ndate: 2026-12-03\n---\n## What went well?\n- Written on machine A\n');
  await repo.commit(await repo.pendingChanges(), 'retro: 2026-12-03 end of day');
  git(a, ['remote', 'add', 'origin', remote]);
  git(a, ['push', '--quiet', '-u', 'origin', 'HEAD:main']);
  return remote;
}

describe('bringing an existing journal here (journalClone)', () => {
  isolateGitConfig();

  it('checks a remote URL before git sees it', () => {
    assert.equal(remoteUrlProblem('git@github.com:me/journal.git'), undefined);
    assert.equal(remoteUrlProblem('  /srv/git/journal.git  '), undefined);
    assert.equal(remoteUrlProblem(''), undefined, 'empty means "no remote", not a problem');
    assert.match(remoteUrlProblem('--upload-pack=/tmp/owned.sh') ?? '', /does not start with "-"/);
    assert.match(remoteUrlProblem('https://host/a b.git') ?? '', /no spaces/);
    assert.equal(usableRemoteUrl(' https://host/me/journal.git '), 'https://host/me/journal.git');
    for (const bad of ['', '   ', '-c', 'a b', 42, undefined, null, { url: 'x' }]) assert.equal(usableRemoteUrl(bad), undefined, JSON.stringify(bad));
  });

  it('knows a missing or empty folder from one that holds anything', async () => {
    const root = tempDir();
    assert.equal(await holdsNothing(path.join(root, 'missing', 'journal')), true);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    assert.equal(await holdsNothing(empty), true);
    write(path.join(root, 'dotfile', '.DS_Store'), '');
    assert.equal(await holdsNothing(path.join(root, 'dotfile')), false);
  });

  it('clones machine A\'s journal into a missing folder: its entries, following the remote\'s branch', async () => {
    const root = tempDir();
    const remote = await remoteWithJournal(root);
    const b = path.join(root, 'home', 'reflect-journal');
    assert.deepEqual(await cloneJournal(b, remote), { hasHistory: true });
    assert.match(readFileSync(path.join(b, ENTRY), 'utf8'), /Written on machine A/);
    assert.deepEqual(log(b), ['retro: 2026-12-03 end of day', 'journal: start']);
    assert.equal(git(b, ['rev-parse', '--abbrev-ref', '@{upstream}']).trim(), 'origin/main');
    assert.equal(await remoteUrl(b, 'origin'), remote);
    assert.equal(await remoteUrl(b, 'upstream'), undefined);
    assert.equal(git(b, ['status', '--porcelain']), '');

    // The clone syncs like any journal: a new entry on B reaches the remote.
    write(path.join(b, 'entries/2026/2026-12-04-end-of-day.md'), '---\ntype: end-of-day\ndate: 2026-12-04\n---\n- on B\n');
    const outcome = await syncJournal(new CliJournalRepo(b), { machine: 'b', commitPending: true, push: true });
    assert.equal(outcome.pushed, 1);
    assert.equal(git(remote, ['log', '-1', '--format=%s', 'main']).trim(), 'retro: 2026-12-04 end of day');
  });

  it('clones into an existing empty folder, and reports an empty remote as having no history', async () => {
    const root = tempDir();
    const remote = await remoteWithJournal(root);
    const b = path.join(root, 'journal');
    mkdirSync(b);
    assert.deepEqual(await cloneJournal(b, remote), { hasHistory: true });
    assert.ok(existsSync(path.join(b, ENTRY)));

    const bare = path.join(root, 'empty.git');
    git(root, ['init', '--quiet', '--bare', bare]);
    const c = path.join(root, 'journal-c');
    assert.deepEqual(await cloneJournal(c, bare), { hasHistory: false });
    assert.ok(existsSync(path.join(c, '.git')));
    assert.equal(await remoteUrl(c, 'origin'), bare);
  });

  it('a remote whose HEAD names a branch nobody pushed: takes the one branch there is', async () => {
    const root = tempDir();
    const remote = await remoteWithJournal(root, 'master');
    const b = path.join(root, 'journal');
    assert.deepEqual(await cloneJournal(b, remote), { hasHistory: true });
    assert.ok(existsSync(path.join(b, ENTRY)));
    assert.equal(git(b, ['rev-parse', '--abbrev-ref', 'HEAD']).trim(), 'main');
    assert.equal(git(b, ['rev-parse', '--abbrev-ref', '@{upstream}']).trim(), 'origin/main');
    assert.equal(git(b, ['status', '--porcelain']), '');
  });

  it('never writes into a folder that holds anything, and never hands git an option for a URL', async () => {
    const root = tempDir();
    const remote = await remoteWithJournal(root);
    const b = path.join(root, 'journal');
    write(path.join(b, ENTRY), 'written on B before the clone\n');
    await assert.rejects(cloneJournal(b, remote), /not empty/);
    assert.deepEqual(readdirSync(b), ['entries']);
    assert.equal(readFileSync(path.join(b, ENTRY), 'utf8'), 'written on B before the clone\n');

    const marker = path.join(root, 'owned');
    write(path.join(root, 'owned.sh'), `#!/bin/sh\ntouch '${marker}'\n`);
    await assert.rejects(cloneJournal(path.join(root, 'x'), `--upload-pack=${path.join(root, 'owned.sh')}`), /does not start with "-"/);
    await assert.rejects(cloneJournal(path.join(root, 'y'), '   '), /no remote URL/);
    assert.equal(existsSync(marker), false);
  });

  it('a remote that is not there fails in git\'s words and leaves no repository behind', async () => {
    const root = tempDir();
    const b = path.join(root, 'journal');
    mkdirSync(b);
    const err = await cloneJournal(b, path.join(root, 'nowhere.git')).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err, 'the clone failed');
    assert.match(describeGitFailure('clone', err).detail, /nowhere\.git' does not exist/);
    assert.equal(await holdsNothing(b), true, 'the folder is as empty as before');
  });
});
