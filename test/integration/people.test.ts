// People and promises in the real extension host: Ask for Feedback writes the request and fills the
// clipboard; a request whose day has come shows in the reminder's tooltip and in a new retro; Record
// Feedback keeps the words and the reaction apart and ticks the request; Prepare 1:1 writes its
// document once a day.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso, waitFor } from './polling';

interface ReflectApi {
  reminder: { snapshot(): { text: string; tooltip: string; status: string; streak: number }; refresh(): Promise<void> };
}

const setting = (key: string, value: unknown): Thenable<void> => vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);

function isoDaysAgo(n: number): string {
  const d = new Date();
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate() - n);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

describe('People and promises (in a real extension host)', () => {
  let journal: string;
  const saved = new Map<string, unknown>();
  const keys = ['reflect.journalFolder', 'reflect.dayStartsAt', 'reflect.reminder.enabled', 'reflect.git.autoCommit'];

  before(async () => {
    for (const key of keys) saved.set(key, vscode.workspace.getConfiguration().inspect(key)?.globalValue);
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-people-'));
    // A request asked ten days ago, whose follow-up day has come.
    const old = isoDaysAgo(10);
    const oldFile = path.join(journal, 'entries', old.slice(0, 4), `${old}-end-of-day.md`);
    mkdirSync(path.dirname(oldFile), { recursive: true });
    writeFileSync(oldFile, `---\ntype: end-of-day\ndate: ${old}\n---\n## Feedback I got or asked for\n- [ ] Asked @sam about the incident review (follow up ${isoDaysAgo(5)})\n`);
    writeFileSync(path.join(journal, 'people.md'), '- Sam Lee: @sam, Sammy\n- Priya Kumar: @priya, PK\n');
    await setting('reflect.git.autoCommit', false);
    await setting('reflect.dayStartsAt', '00:00');
    await setting('reflect.reminder.enabled', true);
    await setting('reflect.journalFolder', journal);
  });

  after(async () => {
    for (const key of keys) await setting(key, saved.get(key));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(journal, { recursive: true, force: true });
  });

  const todayFile = (): string => path.join(journal, 'entries', todayIso().slice(0, 4), `${todayIso()}-end-of-day.md`);

  it('a follow-up whose day has come shows in the reminder tooltip and in the new retro\'s feedback section', async () => {
    const api = await vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect')!.activate();
    await waitFor('the follow-up in the tooltip', async () => {
      await api.reminder.refresh();
      return /Follow up: Ask Sam Lee again about the incident review/.test(api.reminder.snapshot().tooltip) ? true : undefined;
    });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
    assert.ok(uri);
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /## Feedback I got or asked for\n> Follow up: Ask Sam Lee again about the incident review\n- /);
  });

  it('Ask for Feedback writes the request into today\'s entry and copies the question', async () => {
    const file = await vscode.commands.executeCommand<string>('reflect.askForFeedback', { person: '@priya', topic: 'the design doc', question: 'Did the risks section make sense?' });
    assert.equal(file, todayFile());
    const text = readFileSync(todayFile(), 'utf8');
    assert.match(text, /^- \[ \] Asked @priya about the design doc: “Did the risks section make sense\?” \(follow up \d{4}-\d{2}-\d{2}\)$/m);
    await waitFor('the question on the clipboard', async () => ((await vscode.env.clipboard.readText()) === 'Did the risks section make sense?' ? true : undefined));
  });

  it('Record Feedback keeps their words and my reaction apart, makes the commitment, and ticks the request', async () => {
    const lines = readFileSync(todayFile(), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('- [ ] Asked @priya'));
    const rel = path.relative(journal, todayFile()).split(path.sep).join('/');
    await vscode.commands.executeCommand('reflect.recordFeedback', {
      request: { path: rel, line },
      words: 'The risks section needs owners.',
      reaction: 'Fair, I rushed that part',
      action: 'Name an owner for every risk',
    });
    const text = readFileSync(todayFile(), 'utf8');
    assert.match(text, /^- \[x\] Asked @priya about the design doc/m, 'the request is answered');
    assert.match(text, /^- @priya's feedback on the design doc: “The risks section needs owners\.”\n {2}- How I took it: Fair, I rushed that part$/m);
    assert.match(text, /## One thing I'll do differently\n(?:.*\n)*?- \[ \] Name an owner for every risk \(because of @priya's feedback on the design doc\)/);
  });

  it('Prepare 1:1 writes the document with the journal\'s items, and opens the same file when run again', async () => {
    const file = await vscode.commands.executeCommand<string>('reflect.prepareOneOnOne', { person: 'PK' });
    assert.equal(file, path.join(journal, 'one-on-ones', `${todayIso()}-priya-kumar.md`));
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^with: Priya Kumar$/m);
    assert.match(text, /## Feedback received\n\n- Priya Kumar: “The risks section needs owners\.”/);
    assert.doesNotMatch(text, /rushed that part/, 'the reaction is not feedback received');
    writeFileSync(file, `${text}\n- my own note\n`);
    const again = await vscode.commands.executeCommand<string>('reflect.prepareOneOnOne', { person: '@priya' });
    assert.equal(again, file);
    assert.match(readFileSync(file, 'utf8'), /- my own note/, 'running it again never overwrites');
    assert.ok(existsSync(file));
  });
});
