// What the user is told when git fails: the kind of failure, git's own words, and each notice once.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GitMissingError, runGit } from '../../../../src/core/git/runGit';
import { describeGitFailure, FailureNotices, failureMessage, NoRemoteError, summarizeGitOutput } from '../../../../src/core/sync/gitFailures';

const AUTO = { autoCommit: true, autoPush: true };
import { tempDir } from '../../fixtures';

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
    assert.match(failureMessage(f, AUTO), /index\.lock/);
  });

  it('promises a retry only when one will come, and names autoPush only when it is on', () => {
    const offline = describeGitFailure('push', new Error('fatal: unable to access \'https://x/\': Could not resolve host: x'));
    assert.equal(offline.kind, 'unreachable');
    assert.match(failureMessage(offline, AUTO), /The next commit pushes again\. Your entries are saved\.$/);
    assert.match(failureMessage(offline, { autoCommit: true, autoPush: false }), /Run "Reflect: Push Journal" to try again\./);
    assert.doesNotMatch(failureMessage(offline, { autoCommit: true, autoPush: false }), /next commit/);
    assert.match(failureMessage(offline, { autoCommit: false, autoPush: true }), /Run "Reflect: Push Journal"/, 'no commit comes without auto-commit');

    const locked = describeGitFailure('commit', new Error("fatal: Unable to create '/j/.git/index.lock': File exists."));
    assert.match(failureMessage(locked, AUTO), /the next save commits again/);
    assert.match(failureMessage(locked, { autoCommit: false, autoPush: false }), /run "Reflect: Commit Journal" to try again/);
    assert.doesNotMatch(failureMessage(locked, { autoCommit: false, autoPush: false }), /next save/);

    const noRemote = describeGitFailure('push', new NoRemoteError());
    assert.match(failureMessage(noRemote, AUTO), /or turn off reflect\.git\.autoPush/);
    assert.doesNotMatch(failureMessage(noRemote, { autoCommit: true, autoPush: false }), /autoPush/, 'not when it is already off');
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

  it('a missing git executable is reported as such', async () => {
    const err = await runGit(tempDir(), ['status'], { gitPath: path.join(tempDir(), 'no-such-git') }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof GitMissingError);
    const failure = describeGitFailure('commit', err);
    assert.equal(failure.kind, 'git-missing');
    assert.match(failureMessage(failure, AUTO), /git was not found.*entries are still saved/);
  });
});
