// The status-bar reminder in a real extension host. Its state is read through the API the
// extension returns (the text and tooltip the status bar item shows).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Snapshot {
  text: string;
  tooltip: string;
  status: string;
  streak: number;
}
interface ReflectApi {
  reminder: { snapshot(): Snapshot; refresh(): Promise<void> };
}

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

async function reminder(): Promise<ReflectApi['reminder']> {
  const ext = vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect');
  assert.ok(ext);
  return (await ext.activate()).reminder;
}

async function settle(until: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  const r = await reminder();
  const deadline = Date.now() + 10_000;
  for (;;) {
    await r.refresh();
    const s = r.snapshot();
    if (until(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the item shows ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Status-bar reminder (in a real extension host)', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();
  const keys = ['reflect.journalFolder', 'reflect.reminder.enabled', 'reflect.reminder.time', 'reflect.reminder.workdays', 'reflect.reminder.notify'];
  const saved = new Map<string, unknown>();
  let journal: string;

  before(async () => {
    for (const key of keys) saved.set(key, config().inspect(key)?.globalValue);
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-reminder-'));
    const g = vscode.ConfigurationTarget.Global;
    await config().update('reflect.journalFolder', journal, g);
    // Due from midnight every day, so the test does not depend on when it runs.
    await config().update('reflect.reminder.time', '00:00', g);
    await config().update('reflect.reminder.workdays', ALL_DAYS, g);
    await config().update('reflect.reminder.notify', false, g);
    await config().update('reflect.reminder.enabled', true, g);
  });

  after(async () => {
    for (const key of keys) await config().update(key, saved.get(key), vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(journal, { recursive: true, force: true });
  });

  it('reads "Retro due" when the reminder time has passed and there is no entry today', async () => {
    const s = await settle((x) => x.status === 'due', 'the retro to be due');
    assert.equal(s.text, '$(notebook) Retro due');
    assert.match(s.tooltip, /end-of-day retro for \w+day \d{4}-\d{2}-\d{2} is due/);
  });

  it('after Start Retro and a save, it is quiet and shows the streak', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startDueRetro');
    assert.ok(uri);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, uri.fsPath);
    await editor!.edit((e) => e.insert(editor!.selection.active, 'Wrote the reminder tests'));
    await editor!.document.save();
    const s = await settle((x) => x.status === 'quiet', 'the reminder to go quiet');
    assert.equal(s.text, '$(notebook) 1');
    assert.match(s.tooltip, /Streak: 1 retro/);
    assert.match(s.tooltip, /Next retro: /);
  });

  it('hides the streak when reflect.streak.show is off', async () => {
    await config().update('reflect.streak.show', false, vscode.ConfigurationTarget.Global);
    try {
      const s = await settle((x) => x.text === '$(notebook)', 'the streak to disappear');
      assert.doesNotMatch(s.tooltip, /Streak/);
    } finally {
      await config().update('reflect.streak.show', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('turned off, it stops: quiet, "Reminders are off"', async () => {
    await config().update('reflect.reminder.enabled', false, vscode.ConfigurationTarget.Global);
    const s = await settle((x) => /Reminders are off/.test(x.tooltip), 'reminders to be off');
    assert.equal(s.status, 'quiet');
    await config().update('reflect.reminder.enabled', true, vscode.ConfigurationTarget.Global);
  });

  it('Snooze Reminder hides a due retro', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-reminder-'));
    await config().update('reflect.journalFolder', other, vscode.ConfigurationTarget.Global);
    try {
      await settle((x) => x.status === 'due', 'a due retro in an empty journal');
      await vscode.commands.executeCommand('reflect.snoozeReminder', 'snooze');
      const s = await settle((x) => x.status === 'quiet', 'the snooze');
      assert.match(s.tooltip, /Reminder snoozed/);
    } finally {
      await config().update('reflect.journalFolder', journal, vscode.ConfigurationTarget.Global);
      rmSync(other, { recursive: true, force: true });
    }
  });
});
