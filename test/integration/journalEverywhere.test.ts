// Journal everywhere, in a real extension host: the first entry makes a plain journal folder a
// repository of its own (and auto-commit off leaves it plain), and "Use my existing journal"
// clones machine A's journal into an empty folder or joins it with the entries already here.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso } from './polling';
import { git, journalGitSuite, setting, sleep, subjects, typeAndSave, waitFor } from './journalGitSuite';
import type { ExistingJournalResult } from '../../src/vscode/sync/existingJournal';

describe('Journal everywhere (in a real extension host)', function () {
  this.timeout(60_000);
  const { freshJournal, originalJournal } = journalGitSuite();

  it('the first retro in a journal folder that is not a repository makes it one of its own and commits the entry', async () => {
    const journal = freshJournal();
    await setting('reflect.journalFolder', journal);
    const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(entry?.fsPath.startsWith(journal + path.sep));
    const message = `retro: ${todayIso()} end of day`;
    await waitFor(`"${message}" in a repository of the journal's own`, () => existsSync(path.join(journal, '.git')) && subjects(journal)[0] === message);
    assert.equal(git(journal, ['rev-parse', '--show-toplevel']).trim(), realpathSync(journal), 'its own repository');
    assert.deepEqual(subjects(journal), [message, 'journal: start a personal journal repository']);
    assert.deepEqual(git(journal, ['show', '--name-only', '--format=', 'HEAD~1']).trim().split('\n').sort(), ['.gitignore', 'README.md']);
    assert.equal(git(journal, ['config', '--bool', 'reflect.journal']).trim(), 'true', 'marked as the journal, as Set Up marks it');
    assert.equal(git(journal, ['remote']).trim(), '', 'no remote until the user adds one');
    assert.equal(git(journal, ['status', '--porcelain']), '');

    // From then on it is an ordinary journal repository: an edit is committed there.
    await typeAndSave(entry.fsPath, '\n- My first entry has a history');
    await waitFor('the edit committed', () => subjects(journal).length === 3 && git(journal, ['status', '--porcelain']) === '');
  });

  it('with auto-commit off, the first retro leaves the journal a plain folder', async () => {
    const journal = freshJournal();
    await setting('reflect.git.autoCommit', false);
    try {
      await setting('reflect.journalFolder', journal);
      const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
      assert.ok(entry);
      await typeAndSave(entry.fsPath, '\n- Not kept in git');
      await sleep(4_000); // longer than the quiet period: a repository would have been made by now
      assert.ok(existsSync(entry.fsPath));
      assert.equal(existsSync(path.join(journal, '.git')), false, 'no repository');
      assert.equal(existsSync(path.join(journal, 'README.md')), false, 'nothing of a repository written');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setting('reflect.journalFolder', originalJournal());
      await setting('reflect.git.autoCommit', true);
    }
  });

  /** Machine A's journal on a bare remote (HEAD on main, as a host sets it): `files` committed and pushed. */
  function remoteFromMachineA(dir: string, files: Record<string, string>): string {
    const remote = path.join(dir, 'remote.git');
    git(dir, ['init', '--quiet', '--bare', remote]);
    git(remote, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
    const a = path.join(dir, 'machine-a');
    git(dir, ['clone', '--quiet', remote, a]);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(a, rel)), { recursive: true });
      writeFileSync(path.join(a, rel), text);
    }
    git(a, ['add', '-A']);
    git(a, ['commit', '--quiet', '-m', 'journal: machine A']);
    git(a, ['push', '--quiet', 'origin', 'HEAD:main']);
    return remote;
  }

  const dayEntry = (day: string, line: string): string => `---\ntype: end-of-day\ndate: ${day}\n---\n## What went well?\n- ${line}\n`;

  it('"Use my existing journal" clones it into an empty journal folder, marked and following the remote, and the next entry syncs', async () => {
    const journal = freshJournal();
    const earlier = 'entries/2026/2026-11-20-end-of-day.md';
    const remote = remoteFromMachineA(path.dirname(journal), { 'README.md': '# my journal\n', [earlier]: dayEntry('2026-11-20', 'Written on machine A') });
    await setting('reflect.journalFolder', journal);

    const result = await vscode.commands.executeCommand<ExistingJournalResult | undefined>('reflect.setUpJournalRepository', { existingUrl: remote });
    assert.ok(result, 'brought the journal here');
    assert.equal(result.existing, 'cloned');
    assert.deepEqual(result.remotes, ['origin']);
    assert.match(readFileSync(path.join(journal, earlier), 'utf8'), /Written on machine A/);
    assert.equal(git(journal, ['rev-parse', '--show-toplevel']).trim(), realpathSync(journal));
    assert.equal(git(journal, ['config', '--bool', 'reflect.journal']).trim(), 'true', 'marked as the journal');
    assert.equal(git(journal, ['rev-parse', '--abbrev-ref', '@{upstream}']).trim(), 'origin/main');
    assert.deepEqual(subjects(journal), ['journal: machine A']);
    assert.equal(git(journal, ['status', '--porcelain']), '');

    // reflect.git.sync is pullAndPush by default: today's retro reaches the remote by itself.
    const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(entry);
    const message = `retro: ${todayIso()} end of day`;
    await waitFor('today\'s retro on the remote', () => git(remote, ['log', '--format=%s', 'main']).split('\n').includes(message));
  });

  it('"Use my existing journal" in a folder with entries of its own joins the remote\'s history and merges them in, on both sides', async () => {
    const journal = freshJournal();
    const day = todayIso();
    const same = `entries/${day.slice(0, 4)}/${day}-end-of-day.md`;
    const onlyA = 'entries/2026/2026-11-20-end-of-day.md';
    const onlyB = 'entries/2026/2026-11-21-end-of-day.md';
    const remote = remoteFromMachineA(path.dirname(journal), { [same]: dayEntry(day, 'Written on machine A'), [onlyA]: dayEntry('2026-11-20', 'Only on machine A') });
    // This machine's entries, written before the journal was a repository (VS Code was closed).
    for (const [rel, text] of [[same, dayEntry(day, 'Written on machine B')], [onlyB, dayEntry('2026-11-21', 'Only on machine B')]]) {
      mkdirSync(path.dirname(path.join(journal, rel)), { recursive: true });
      writeFileSync(path.join(journal, rel), text);
    }
    await setting('reflect.journalFolder', journal);

    const result = await vscode.commands.executeCommand<ExistingJournalResult | undefined>('reflect.setUpJournalRepository', { existingUrl: remote });
    assert.ok(result, 'joined');
    assert.equal(result.existing, 'joined');
    assert.equal(result.created, true);
    assert.ok(result.sync?.status === 'synced', JSON.stringify(result.sync));
    assert.equal(result.sync.integrated.status, 'merged');
    assert.ok(result.sync.pushed > 0, 'this machine\'s entries were sent');

    assert.equal(git(journal, ['rev-parse', '--show-toplevel']).trim(), realpathSync(journal));
    assert.match(readFileSync(path.join(journal, onlyA), 'utf8'), /Only on machine A/);
    assert.match(readFileSync(path.join(journal, onlyB), 'utf8'), /Only on machine B/);
    const merged = readFileSync(path.join(journal, same), 'utf8');
    assert.match(merged, /- Written on machine A/);
    assert.match(merged, /- Written on machine B/);
    assert.doesNotMatch(merged, /^(<{7}|>{7}|={7})/m);
    assert.equal(git(journal, ['status', '--porcelain']), '');
    assert.equal(git(journal, ['rev-parse', '--abbrev-ref', '@{upstream}']).trim(), 'origin/main');

    // The remote has both machines' entries, and the same merged file.
    assert.equal(git(remote, ['show', `main:${same}`]), merged);
    assert.match(git(remote, ['show', `main:${onlyB}`]), /Only on machine B/);
    assert.match(git(remote, ['show', `main:${onlyA}`]), /Only on machine A/);
  });

  it('a journal that became a repository with its first entry joins the existing journal too', async () => {
    const journal = freshJournal();
    const onlyA = 'entries/2026/2026-11-20-end-of-day.md';
    const remote = remoteFromMachineA(path.dirname(journal), { 'README.md': '# my journal\n', [onlyA]: dayEntry('2026-11-20', 'Only on machine A') });
    await setting('reflect.journalFolder', journal);
    const entry = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(entry);
    const message = `retro: ${todayIso()} end of day`;
    await waitFor('the first entry committed in a new repository', () => existsSync(path.join(journal, '.git')) && subjects(journal)[0] === message);

    const result = await vscode.commands.executeCommand<ExistingJournalResult | undefined>('reflect.setUpJournalRepository', { existingUrl: remote });
    assert.equal(result?.existing, 'joined');
    assert.equal(result.created, false);
    assert.ok(result.sync?.status === 'synced', JSON.stringify(result.sync));
    assert.match(readFileSync(path.join(journal, onlyA), 'utf8'), /Only on machine A/);
    assert.ok(existsSync(entry.fsPath));
    assert.doesNotMatch(readFileSync(path.join(journal, 'README.md'), 'utf8'), /^(<{7}|>{7}|={7})/m);
    assert.ok(git(remote, ['log', '--format=%s', 'main']).split('\n').includes(message), 'this machine\'s entry reached the remote');
    assert.equal(git(journal, ['status', '--porcelain']), '');
  });

  it('"Use my existing journal" leaves a journal that already syncs with another remote as it is', async () => {
    const journal = freshJournal();
    const mine = path.join(path.dirname(journal), 'mine.git');
    git(path.dirname(journal), ['init', '--quiet', '--bare', mine]);
    await setting('reflect.journalFolder', journal);
    assert.ok(await vscode.commands.executeCommand('reflect.setUpJournalRepository', { remoteUrl: mine }));
    const before = subjects(journal);
    const other = remoteFromMachineA(path.dirname(journal), { 'entries/2026/2026-11-20-end-of-day.md': dayEntry('2026-11-20', 'Elsewhere') });
    assert.equal(await vscode.commands.executeCommand('reflect.setUpJournalRepository', { existingUrl: other }), undefined);
    assert.equal(git(journal, ['remote', 'get-url', 'origin']).trim(), mine);
    assert.deepEqual(subjects(journal), before);
    assert.equal(existsSync(path.join(journal, 'entries', '2026', '2026-11-20-end-of-day.md')), false);
  });

  it('"Use my existing journal" refuses a URL git would read as an option', async () => {
    const journal = freshJournal();
    await setting('reflect.journalFolder', journal);
    assert.equal(await vscode.commands.executeCommand('reflect.setUpJournalRepository', { existingUrl: '--upload-pack=touch /tmp/reflect-owned' }), undefined);
    assert.equal(existsSync(path.join(journal, '.git')), false);
  });
});
