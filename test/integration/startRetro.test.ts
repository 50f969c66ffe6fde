// Runs inside a real VS Code extension host (code-server via test/harness, or desktop VS Code via
// @vscode/test-electron). The workspace is a git repository with two commits by its user.email
// today and one by someone else (the harness makes it).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'reflect-team.reflect';

function today(): { iso: string; year: string } {
  const d = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, year: iso.slice(0, 4) };
}

async function useJournal(folder: string): Promise<void> {
  await vscode.workspace.getConfiguration().update('reflect.journalFolder', folder, vscode.ConfigurationTarget.Global);
}

const journals: string[] = [];

function freshJournal(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-journal-'));
  journals.push(dir);
  return dir;
}

function sectionText(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `no "## ${heading}" section in:\n${markdown}`);
  const rest = markdown.slice(start + heading.length + 4);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('Reflect: Start Retro (in a real extension host)', () => {
  let originalJournal: string | undefined;

  before(async () => {
    originalJournal = vscode.workspace.getConfiguration().get<string>('reflect.journalFolder');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    await useJournal(originalJournal ?? '~/reflect-journal');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const dir of journals) rmSync(dir, { recursive: true, force: true });
  });

  it('contributes its commands under the "Reflect" category', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['reflect.startRetro', 'reflect.startEndOfDayRetro', 'reflect.startSprintRetro', 'reflect.createTemplate', 'reflect.openJournalFolder']) {
      assert.ok(commands.includes(id), id);
    }
    const contributed = (ext.packageJSON as { contributes: { commands: { category: string }[] } }).contributes.commands;
    assert.ok(contributed.every((c) => c.category === 'Reflect'));
  });

  it('Start End-of-Day Retro writes today\'s file, opens it saved, cursor on the first answer, with my commits only', async () => {
    const journal = freshJournal();
    await useJournal(journal);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    const { iso, year } = today();
    const file = path.join(journal, 'entries', year, `${iso}-end-of-day.md`);
    assert.equal(uri?.fsPath, file);

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.fsPath, file);
    assert.equal(editor.document.isDirty, false, 'already saved to disk');
    assert.equal(editor.document.languageId, 'markdown');
    const cursor = editor.selection.active;
    assert.equal(editor.document.lineAt(cursor.line - 1).text, '## What went well?');
    assert.equal(editor.document.lineAt(cursor.line).text, '- ');
    assert.equal(cursor.character, 2);

    const text = readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`^date: ${iso}$`, 'm'));
    assert.match(text, /^type: end-of-day$/m);
    const worked = sectionText(text, 'Worked on');
    assert.match(worked, /: Fix login timeout$/m);
    assert.match(worked, /: Add retry to sync job$/m);
    assert.doesNotMatch(worked, /Colleague/);
  });

  it('starting the same retro again opens the existing file and leaves it untouched', async () => {
    const journal = freshJournal();
    await useJournal(journal);
    const first = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(first);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(first.fsPath, '# my own words\n');
    const before = statSync(first.fsPath).mtimeMs;

    const second = await vscode.commands.executeCommand<vscode.Uri>('reflect.startRetro', 'end-of-day');
    assert.equal(second?.fsPath, first.fsPath);
    assert.equal(readFileSync(first.fsPath, 'utf8'), '# my own words\n');
    assert.equal(statSync(first.fsPath).mtimeMs, before);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, first.fsPath);
    assert.deepEqual(readdirSync(path.dirname(first.fsPath)), [path.basename(first.fsPath)]);
  });

  it('Start Sprint Retro writes a sprint retro with the sprint question', async () => {
    const journal = freshJournal();
    await useJournal(journal);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startSprintRetro');
    assert.ok(uri);
    assert.equal(path.basename(uri.fsPath), `${today().iso}-sprint.md`);
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^type: sprint$/m);
    assert.match(text, /^## The sprint as a whole$/m);
    assert.match(sectionText(text, 'Worked on'), /Fix login timeout/);
  });

  it('carries yesterday\'s unticked commitment into "Last time"', async () => {
    const journal = freshJournal();
    await useJournal(journal);
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    const iso = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    mkdirSync(path.join(journal, 'entries', iso.slice(0, 4)), { recursive: true });
    writeFileSync(
      path.join(journal, 'entries', iso.slice(0, 4), `${iso}-end-of-day.md`),
      `---\ntype: end-of-day\ndate: ${iso}\n---\n## One thing I'll do differently\n- Pair on the flaky test\n- [x] Already did this one\n`,
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(uri);
    const lastTime = sectionText(readFileSync(uri.fsPath, 'utf8'), 'Last time');
    assert.match(lastTime, /^- \[ \] Pair on the flaky test$/m);
    assert.doesNotMatch(lastTime, /Already did/);
  });

  it('uses a template from the journal\'s templates folder, filling known variables and keeping unknown ones', async () => {
    const journal = freshJournal();
    await useJournal(journal);
    mkdirSync(path.join(journal, 'templates'));
    writeFileSync(
      path.join(journal, 'templates', 'oncall.md'),
      '---\nname: On-call week\ntype: oncall\ntags: [oncall]\nsections:\n  Pages: wins\n---\n# On call {{date}} in {{workspace}}\n\n## Pages\n{{commits}}\n\n## What hurt?\n- \n\n{{pager}}\n',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startRetro', 'user:oncall.md');
    assert.ok(uri);
    assert.equal(path.basename(uri.fsPath), `${today().iso}-oncall.md`);
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, new RegExp(`^# On call ${today().iso} in ${vscode.workspace.name ?? ''}$`, 'm'));
    assert.match(text, /^- .*: Fix login timeout$/m);
    assert.match(text, /^\{\{pager\}\}$/m);
    assert.match(text, /^tags: \[oncall\]$/m);
    assert.doesNotMatch(text, /^sections:/m, 'the template\'s heading map stays in the template');
  });

  it('an unwritable journal folder fails cleanly: no file, no exception, nothing half-written', async () => {
    const parent = freshJournal();
    writeFileSync(path.join(parent, 'not-a-folder'), '');
    await useJournal(path.join(parent, 'not-a-folder', 'journal'));
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('reflect.startEndOfDayRetro');
    assert.equal(result, undefined);
    assert.deepEqual(readdirSync(parent), ['not-a-folder']);
  });
});
