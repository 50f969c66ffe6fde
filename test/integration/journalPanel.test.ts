// The Journal panel's extension side in a real extension host: messages go through the same
// handler the webview's messages reach (ReflectApi.journalPanel.request), and writes go through
// VS Code's editors exactly as the panel's would.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso, waitFor } from './polling';
import type { ToWebview } from '../../src/shared/protocol';

interface ReflectApi {
  journalPanel: {
    request(message: unknown): Promise<ToWebview[]>;
    /** Resolves once the view's real webview has started and posted `ready`. */
    whenReady(): Promise<void>;
  };
}

/** The view as package.json contributes it, read from the installed extension. */
interface ViewContribution {
  id: string;
  type?: string;
}

/** `promise`, or a rejection naming `what` once `ms` have passed without it settling. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function panel(): Promise<ReflectApi['journalPanel']> {
  const ext = vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect');
  assert.ok(ext);
  return (await ext.activate()).journalPanel;
}

/** Every file below `dir` with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    try {
      out[name] = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('Journal panel (in a real extension host)', () => {
  let journal: string;
  let originalJournal: string | undefined;
  const old = 'entries/2020/2020-03-10-end-of-day.md';

  before(async () => {
    originalJournal = vscode.workspace.getConfiguration().get<string>('reflect.journalFolder');
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-panel-'));
    mkdirSync(path.join(journal, 'entries', '2020'), { recursive: true });
    writeFileSync(path.join(journal, old), '---\ntype: end-of-day\ndate: 2020-03-10\nenergy: 2\n---\n## What went well?\n- Migrated the billing cron to Kubernetes\n');
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', journal, vscode.ConfigurationTarget.Global);
    const p = await panel();
    await waitFor('the index of the new journal', async () => {
      const [reply] = await p.request({ type: 'ready' });
      return reply?.type === 'journal' && reply.status.state === 'ready' && reply.status.total === 1 ? reply : undefined;
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', originalJournal ?? '~/reflect-journal', vscode.ConfigurationTarget.Global);
    rmSync(journal, { recursive: true, force: true });
  });

  it('is a view in the Reflect container that VS Code can show', async function () {
    this.timeout(40_000);
    const ext = vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect');
    assert.ok(ext);
    const views = (ext.packageJSON as { contributes: { views: Record<string, ViewContribution[]> } }).contributes.views.reflect ?? [];
    assert.ok(views.some((v) => v.id === 'reflect.journal' && v.type === 'webview'), 'reflect.journal is a webview view in the Reflect container');
    const p = await panel();
    await vscode.commands.executeCommand('reflect.journal.focus');
    // Only the webview script itself posts `ready`: this fails if the view never shows, or its
    // script never runs (a CSP or a missing dist/webview.js).
    await within(30_000, "the Journal view's webview to start and post `ready`", p.whenReady());
  });

  it('quick capture and energy go through the editor when today\'s entry has unsaved changes, and keep them', async () => {
    const p = await panel();
    const file = path.join(journal, 'entries', todayIso().slice(0, 4), `${todayIso()}-end-of-day.md`);
    assert.deepEqual(await p.request({ type: 'capture', requestId: 1, kind: 'win', text: 'Unblocked the release' }), [
      { type: 'written', requestId: 1, ok: true, message: "Win added to today's entry." },
    ]);
    assert.match(readFileSync(file, 'utf8'), /## What went well\?\n- Unblocked the release\n/);

    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'unsaved words\n'));
    assert.equal(doc.isDirty, true);
    const onDisk = readFileSync(file, 'utf8');

    const [lesson] = await p.request({ type: 'capture', requestId: 2, kind: 'lesson', text: 'Retries need jitter' });
    assert.deepEqual(lesson, { type: 'written', requestId: 2, ok: true, message: "Lesson added in the editor, where today's entry has unsaved changes: save it to keep it." });
    const [energy] = await p.request({ type: 'setEnergy', requestId: 3, energy: 3 });
    assert.equal(energy.type === 'written' && energy.ok, true);
    assert.equal(readFileSync(file, 'utf8'), onDisk, 'the file on disk is untouched while the user has unsaved text');
    assert.match(doc.getText(), /## What did I learn\?\n- Retries need jitter\n/);
    assert.match(doc.getText(), /^energy: 3 # 1 \(drained\) to 5 \(energized\)$/m);
    assert.match(doc.getText(), /unsaved words/);
    await doc.save();
    assert.match(readFileSync(file, 'utf8'), /Retries need jitter[\s\S]*unsaved words/);
  });

  it('the timeline shows the new entry first, and search narrows it', async () => {
    const p = await panel();
    const query = (text: string) => ({ type: 'query', requestId: 4, query: { text, type: '', tag: '', period: 'all' }, offset: 0, limit: 50 });
    // The save above reaches the index through VS Code's save event: wait for it, as the panel does.
    const all = await waitFor("today's saved entry in the timeline", async () => {
      const [reply] = await p.request(query(''));
      return reply?.type === 'page' && reply.total === 2 && reply.rows[0].energy === 3 ? reply : undefined;
    });
    assert.deepEqual(all.rows.map((r) => [r.date, r.energy]), [
      [todayIso(), 3],
      ['2020-03-10', 2],
    ]);
    const [found] = await p.request(query('kubernetes'));
    assert.ok(found.type === 'page');
    assert.deepEqual(found.rows.map((r) => [r.id, r.preview]), [[old, 'Migrated the billing cron to Kubernetes']]);
  });

  it('opens an indexed entry in the editor, and nothing for a path it was handed', async () => {
    const p = await panel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outside = path.join(path.dirname(journal), `${path.basename(journal)}-outside.md`);
    writeFileSync(outside, 'not yours to open');
    try {
      const before = snapshot(journal);
      for (const message of [
        { type: 'openInEditor', id: `../${path.basename(outside)}` },
        { type: 'openInEditor', id: outside },
        { type: 'openInEditor', id: 'entries/2020/2020-03-11-end-of-day.md' },
        { type: 'openInEditor', id: old, path: outside },
        { type: 'openLink', url: 'command:workbench.action.terminal.new' },
        { type: 'capture', requestId: 5, kind: 'win', text: 'x'.repeat(10 * 1024 * 1024) },
      ]) {
        assert.deepEqual(await p.request(message), [], JSON.stringify(message).slice(0, 80));
      }
      assert.equal(vscode.window.activeTextEditor, undefined, 'no editor was opened');
      assert.deepEqual(snapshot(journal), before, 'nothing was written');

      await p.request({ type: 'openInEditor', id: old });
      const editor = await waitFor('the entry in an editor', async () => vscode.window.activeTextEditor);
      assert.equal(editor.document.uri.fsPath, path.join(journal, old));
    } finally {
      rmSync(outside, { force: true });
    }
  });
});
