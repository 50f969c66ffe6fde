// The journal as a personal git repository, in a real extension host with VS Code's own Git
// extension: Set Up, auto-commit on save, a journal inside the work repository, a push that
// fails, and the git executable when the Git extension is turned off.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso } from './polling';
import { git, journalGitSuite, openInSourceControl, setting, sleep, subjects, typeAndSave, waitFor } from './journalGitSuite';
import type { CommitOutcome, PushOutcome, SetUpResult, SyncRunOutcome } from '../../src/core/sync/syncOutcomes';

describe('Journal repository (in a real extension host)', function () {
  this.timeout(60_000);
  const { freshJournal, originalJournal } = journalGitSuite();

  it('contributes Set Up / Commit / Push Journal and the two settings', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['reflect.setUpJournalRepository', 'reflect.commitJournal', 'reflect.pushJournal', 'reflect.syncJournal']) assert.ok(commands.includes(id), id);
    const config = vscode.workspace.getConfiguration('reflect.git');
    assert.equal(config.inspect('autoCommit')?.defaultValue, true);
    assert.equal(config.inspect('autoPush')?.defaultValue, false);
  });

  it('Set Up makes the journal a repository of its own via VS Code\'s Git extension: README and .gitignore first, then existing entries', async () => {
    const journal = freshJournal();
    const earlier = path.join(journal, 'entries', '2026', '2026-11-24-end-of-day.md');
    mkdirSync(path.dirname(earlier), { recursive: true });
    writeFileSync(earlier, '---\ntype: end-of-day\ndate: 2026-11-24\n---\n## What went well?\n- Shipped it\n');
    await setting('reflect.journalFolder', journal);

    const result = await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', {});
    assert.ok(result, 'set up succeeded');
    assert.equal(result.created, true);
    assert.equal(result.via, 'vscode.git');
    assert.deepEqual(result.remotes, []);
    assert.equal(git(journal, ['rev-parse', '--show-toplevel']).trim(), realpathSync(journal));
    assert.deepEqual(subjects(journal), ['retro: 2026-11-24 end of day', 'journal: start a personal journal repository']);
    assert.deepEqual(git(journal, ['show', '--name-only', '--format=', 'HEAD~1']).trim().split('\n').sort(), ['.gitignore', 'README.md']);
    assert.equal(git(journal, ['status', '--porcelain']), '');
    assert.ok(openInSourceControl(journal), 'the journal repository shows in the Source Control view');

    // Running it again adopts what is there: no second init, no new commit.
    const again = await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', {});
    assert.equal(again?.created, false);
    assert.equal(subjects(journal).length, 2);
  });

  it('saving entries commits them; several saves in a few seconds make one commit', async () => {
    const journal = freshJournal();
    await setting('reflect.journalFolder', journal);
    assert.ok(await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', {}));

    // A retro Reflect writes itself is committed without any save.
    const eod = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(eod);
    const eodMessage = `retro: ${todayIso()} end of day`;
    await waitFor(`"${eodMessage}" in git log`, () => subjects(journal)[0] === eodMessage);

    // Three saves in quick succession: one commit.
    const before = subjects(journal).length;
    for (const line of ['\n- Paired with Ana', '\n- Fixed the flaky test', '\n- Wrote the design doc']) {
      await typeAndSave(eod.fsPath, line);
      await sleep(300);
    }
    await waitFor('the edits to be committed', () => subjects(journal).length > before);
    await sleep(3_500); // longer than the quiet period: a second commit would have happened by now
    assert.equal(subjects(journal).length, before + 1, `one commit, not three: ${subjects(journal).join(' | ')}`);
    assert.equal(subjects(journal)[0], eodMessage);
    assert.match(git(journal, ['show', 'HEAD:' + path.relative(journal, eod.fsPath).split(path.sep).join('/')]), /Wrote the design doc/);

    // A second entry.
    const weekly = await vscode.commands.executeCommand<vscode.Uri>('reflect.startRetro', 'weekly');
    assert.ok(weekly);
    await waitFor('the weekly retro in git log', () => subjects(journal)[0] === `retro: ${todayIso()} weekly`);
    assert.ok(subjects(journal).includes(eodMessage));
    assert.equal(git(journal, ['status', '--porcelain']), '', 'nothing left uncommitted');
    assert.equal(git(journal, ['show', '--name-only', '--format=', 'HEAD']).trim(), path.relative(journal, weekly.fsPath).split(path.sep).join('/'), 'that file alone');
  });

  it('a journal inside the work repository (${workspaceFolder}/.reflect) is a repository of its own and never shows up in the work repository', async () => {
    const workspace = process.env.REFLECT_TEST_WORKSPACE;
    assert.ok(workspace, 'the harness names its workspace');
    const exclude = path.join(workspace, '.git', 'info', 'exclude');
    const excludeBefore = existsSync(exclude) ? readFileSync(exclude, 'utf8') : undefined;
    const workHead = git(workspace, ['rev-parse', 'HEAD']).trim();
    assert.equal(git(workspace, ['status', '--porcelain']), '', 'precondition: the work repository is clean');
    const journal = path.join(workspace, '.reflect');
    try {
      await setting('reflect.journalFolder', '${workspaceFolder}/.reflect');
      // Before any Set Up: the first retro written there is already kept out of `git status`.
      const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
      assert.ok(entry?.fsPath.startsWith(journal + path.sep));
      await waitFor('the work repository to be clean again', () => git(workspace, ['status', '--porcelain', '--untracked-files=all']) === '');

      const result = await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', {});
      assert.ok(result);
      assert.equal(result.excludedFrom, workspace);
      assert.equal(git(journal, ['rev-parse', '--show-toplevel']).trim(), realpathSync(journal), 'its own repository, not the work one');
      assert.equal(subjects(journal)[0], `retro: ${todayIso()} end of day`);

      await typeAndSave(entry.fsPath, '\n- Kept my notes out of the work repo');
      await waitFor('the edit committed in the journal', async () => git(journal, ['status', '--porcelain']) === '' && subjects(journal).length >= 3);

      assert.equal(git(workspace, ['status', '--porcelain', '--untracked-files=all', '--ignored=no']), '');
      git(workspace, ['add', '--all']);
      assert.equal(git(workspace, ['diff', '--cached', '--name-only']), '', '`git add -A` in the work repository picks up nothing');
      assert.equal(git(workspace, ['rev-parse', 'HEAD']).trim(), workHead, 'no commit in the work repository');
      assert.equal(git(workspace, ['ls-files', '--', '.reflect']), '');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setting('reflect.journalFolder', originalJournal());
      rmSync(journal, { recursive: true, force: true });
      if (excludeBefore === undefined) rmSync(exclude, { force: true });
      else writeFileSync(exclude, excludeBefore);
    }
  });

  it('a push to an unreachable remote leaves the entry committed and reports git\'s error', async () => {
    const journal = freshJournal();
    await setting('reflect.journalFolder', journal);
    const result = await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', { remoteUrl: '/nonexistent/remote.git' });
    assert.deepEqual(result?.remotes, ['origin']);
    await setting('reflect.git.autoPush', true);
    try {
      const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
      assert.ok(entry);
      await waitFor('the entry committed although the push fails', () => subjects(journal)[0] === `retro: ${todayIso()} end of day`);
      assert.ok(existsSync(entry.fsPath), 'the entry is still on disk');

      // Commit Journal: nothing new to commit, but the push is tried again and fails the same way.
      const outcome = await vscode.commands.executeCommand<CommitOutcome>('reflect.commitJournal');
      assert.equal(outcome.status, 'nothing');
      assert.ok(outcome.push?.status === 'failed', JSON.stringify(outcome));
      assert.equal(outcome.push.failure.kind, 'unreachable');
      assert.match(outcome.push.failure.detail, /'\/nonexistent\/remote\.git' does not appear to be a git repository/);
      assert.deepEqual(outcome.push.unpushed, { remote: 'origin', commits: 2, entries: 1 }, '"1 entry not yet pushed"');

      const pushed = await vscode.commands.executeCommand<PushOutcome>('reflect.pushJournal');
      assert.equal(pushed.status, 'failed');
      assert.equal(subjects(journal)[0], `retro: ${todayIso()} end of day`);
      assert.equal(git(journal, ['status', '--porcelain']), '');
    } finally {
      await setting('reflect.git.autoPush', false);
    }
  });

  it('pushes to a reachable remote and then has nothing left to push', async () => {
    const journal = freshJournal();
    const remote = path.join(path.dirname(journal), 'remote.git');
    git(path.dirname(journal), ['init', '--quiet', '--bare', remote]);
    await setting('reflect.journalFolder', journal);
    assert.ok(await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', { remoteUrl: remote }));
    const pushed = await vscode.commands.executeCommand<PushOutcome>('reflect.pushJournal');
    assert.deepEqual(pushed, { status: 'pushed', remote: 'origin', via: 'vscode.git' });
    assert.equal(git(remote, ['log', '--format=%s']).trim(), 'journal: start a personal journal repository');
    const again = await vscode.commands.executeCommand<PushOutcome>('reflect.pushJournal');
    assert.equal(again.status, 'up-to-date');
  });

  it('Sync Journal takes in what another machine pushed, merges the same day\'s entry by its structure, and sends this one\'s', async () => {
    const journal = freshJournal();
    const remote = path.join(path.dirname(journal), 'remote.git');
    git(path.dirname(journal), ['init', '--quiet', '--bare', remote]);
    // The other machine: its own journal pushed to the remote first.
    const other = path.join(path.dirname(journal), 'other-machine');
    git(path.dirname(journal), ['clone', '--quiet', remote, other]);
    const day = todayIso();
    const rel = path.join('entries', day.slice(0, 4), `${day}-end-of-day.md`);
    mkdirSync(path.dirname(path.join(other, rel)), { recursive: true });
    writeFileSync(path.join(other, rel), `---\ntype: end-of-day\ndate: ${day}\n---\n## What went well?\n- Written on the other machine\n`);
    git(other, ['add', '-A']);
    git(other, ['commit', '--quiet', '-m', `retro: ${day} end of day`]);
    git(other, ['push', '--quiet', 'origin', 'HEAD:main']);

    await setting('reflect.journalFolder', journal);
    assert.ok(await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', { remoteUrl: remote }));
    const file = path.join(journal, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\ntype: end-of-day\ndate: ${day}\n---\n## What went well?\n- Written on this machine\n`);
    const outcome = await vscode.commands.executeCommand<SyncRunOutcome>('reflect.syncJournal');
    assert.equal(outcome.status, 'synced', JSON.stringify(outcome));
    const text = readFileSync(file, 'utf8');
    assert.match(text, /- Written on the other machine/);
    assert.match(text, /- Written on this machine/);
    assert.doesNotMatch(text, /^(<{7}|>{7}|={7})/m);
    assert.equal(git(journal, ['status', '--porcelain']), '');
    git(other, ['pull', '--quiet', 'origin', 'main']);
    assert.equal(readFileSync(path.join(other, rel), 'utf8'), text, 'the other machine gets the same file');
  });

  it('with VS Code\'s Git extension turned off (git.enabled: false), the git executable commits instead', async () => {
    await setting('git.enabled', false);
    try {
      const journal = freshJournal();
      await setting('reflect.journalFolder', journal);
      const result = await vscode.commands.executeCommand<SetUpResult | undefined>('reflect.setUpJournalRepository', {});
      assert.ok(result);
      assert.equal(result.via, 'git');
      assert.deepEqual(subjects(journal), ['journal: start a personal journal repository']);

      const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
      assert.ok(entry);
      await waitFor('the entry committed by the git executable', () => subjects(journal)[0] === `retro: ${todayIso()} end of day`);
      await typeAndSave(entry.fsPath, '\n- Committed without the Git extension');
      const outcome = await vscode.commands.executeCommand<CommitOutcome>('reflect.commitJournal');
      assert.ok(outcome.status === 'committed' || outcome.status === 'nothing', JSON.stringify(outcome));
      if (outcome.status === 'committed') assert.equal(outcome.via, 'git');
      await waitFor('the edit committed', () => git(journal, ['status', '--porcelain']) === '');
      assert.ok(!openInSourceControl(journal), 'the Git extension was not used');
    } finally {
      await setting('git.enabled', undefined);
    }
  });

  it('never commits into a repository Set Up did not mark, and a first entry there does not adopt it', async () => {
    const journal = freshJournal();
    mkdirSync(journal, { recursive: true });
    git(journal, ['init', '--quiet']);
    writeFileSync(path.join(journal, 'package.json'), '{}\n');
    git(journal, ['add', 'package.json']);
    git(journal, ['commit', '--quiet', '-m', 'work']);
    await setting('reflect.journalFolder', journal);

    const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(entry);
    const outcome = await vscode.commands.executeCommand<CommitOutcome>('reflect.commitJournal');
    assert.equal(outcome.status, 'not-set-up');
    assert.equal(await vscode.commands.executeCommand('reflect.setUpJournalRepository', {}), undefined, 'a repository with other files is not adopted without asking');
    await sleep(3_000);
    assert.deepEqual(subjects(journal), ['work']);
    assert.equal(git(journal, ['config', '--bool', '--default', 'false', 'reflect.journal']).trim(), 'false', 'not marked');
  });
});
