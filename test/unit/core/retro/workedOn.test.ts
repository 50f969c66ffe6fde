import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { collectWorkedOn, commitsSince, findRepositories } from '../../../../src/core/retro/workedOn';
import { commit, git, makeRepo, tempDir } from '../../fixtures';

const MORNING = new Date(2026, 10, 25, 0, 0);
const at = (hour: number, day = 25): Date => new Date(2026, 10, day, hour, 0);

describe('commit prefill (real git repositories)', () => {
  it('lists only the user\'s own commits since the start of the day, oldest first, on every branch', async () => {
    const repo = path.join(tempDir(), 'api');
    mkdirSync(repo);
    makeRepo(repo, 'me@example.com');
    commit(repo, 'Yesterday work', at(16, 24));
    commit(repo, 'Fix login timeout', at(9));
    commit(repo, "Colleague's change", at(10), 'Someone Else <someone@example.com>');
    commit(repo, 'Look-alike author', at(10), 'Not Me <notme@example.com>');
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    commit(repo, 'Add retry to sync job', at(11));
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, 'Merge-free follow-up', at(12));

    const { commits, email } = await commitsSince(repo, MORNING);
    assert.equal(email, 'me@example.com');
    assert.deepEqual(commits.map((c) => [c.repo, c.subject]), [
      ['api', 'Fix login timeout'],
      ['api', 'Add retry to sync job'],
      ['api', 'Merge-free follow-up'],
    ]);
    assert.match(commits[0].hash, /^[0-9a-f]{40}$/);
  });

  it('keeps subjects with separators and unicode intact', async () => {
    const repo = path.join(tempDir(), 'web');
    mkdirSync(repo);
    makeRepo(repo);
    commit(repo, 'feat: café | 100% — "quoted" \\ back', at(9));
    const { commits } = await commitsSince(repo, MORNING);
    assert.equal(commits[0].subject, 'feat: café | 100% — "quoted" \\ back');
  });

  it('finds the repository a folder is in and repositories one level below it', async () => {
    const root = tempDir();
    for (const name of ['a', 'b']) {
      mkdirSync(path.join(root, name));
      makeRepo(path.join(root, name));
    }
    mkdirSync(path.join(root, 'plain'));
    mkdirSync(path.join(root, 'a', 'src'));
    const repos = await findRepositories([root, path.join(root, 'a', 'src')]);
    assert.deepEqual(repos, [path.join(root, 'a'), path.join(root, 'b')]);
  });

  it('merges commits from several repositories in time order', async () => {
    const root = tempDir();
    for (const name of ['api', 'web']) {
      mkdirSync(path.join(root, name));
      makeRepo(path.join(root, name));
    }
    commit(path.join(root, 'web'), 'Second', at(11));
    commit(path.join(root, 'api'), 'First', at(9));
    const worked = await collectWorkedOn([root], MORNING, 'today');
    assert.equal(worked.kind, 'commits');
    assert.deepEqual(worked.kind === 'commits' && worked.commits.map((c) => `${c.repo}: ${c.subject}`), ['api: First', 'web: Second']);
  });

  it('says in one line when there is no repository, no commit, no email or no git', async () => {
    const plain = tempDir();
    assert.deepEqual(await collectWorkedOn([plain], MORNING, 'today'), { kind: 'none', reason: 'No git repository in this workspace.' });

    const repo = path.join(tempDir(), 'quiet');
    mkdirSync(repo);
    makeRepo(repo);
    commit(repo, 'Old', at(9, 20));
    assert.deepEqual(await collectWorkedOn([repo], MORNING, 'since the start of today'), {
      kind: 'none',
      reason: 'No commits by you since the start of today.',
    });

    const anonymous = path.join(tempDir(), 'anon');
    mkdirSync(anonymous);
    git(anonymous, ['init', '--quiet']);
    // Hide the machine's global git config so the repository has no user.email at all.
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      const noEmail = await collectWorkedOn([anonymous], MORNING, 'today');
      assert.deepEqual(noEmail, { kind: 'none', reason: 'Git has no `user.email` set, so your commits could not be told apart.' });
    } finally {
      for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.system]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }

    assert.deepEqual(await collectWorkedOn([repo], MORNING, 'today', '/nonexistent/git'), {
      kind: 'none',
      reason: 'Git is not installed, so your commits are not listed.',
    });
  });
});
