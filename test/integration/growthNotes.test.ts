// Growth Notes in the real extension host: the tree is read through the provider the extension
// registered (what the view renders), and items are "clicked" by running their command.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso, waitFor } from './polling';

interface ReflectApi {
  growthNotes: vscode.TreeDataProvider<unknown>;
}

async function api(): Promise<ReflectApi> {
  const ext = vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect');
  assert.ok(ext);
  return ext.activate();
}

/** The tree as a user sees it: label → description, for a level of nodes. */
async function level(tree: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<{ node: unknown; item: vscode.TreeItem; label: string }[]> {
  const nodes = (await tree.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await tree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      return { node, item, label };
    }),
  );
}

async function group(tree: vscode.TreeDataProvider<unknown>, name: string): Promise<{ node: unknown; item: vscode.TreeItem } | undefined> {
  return (await level(tree)).find((g) => g.label === name);
}

describe('Growth Notes (in a real extension host)', () => {
  let journal: string;
  let originalJournal: string | undefined;

  before(async () => {
    originalJournal = vscode.workspace.getConfiguration().get<string>('reflect.journalFolder');
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-growth-'));
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', journal, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', originalJournal ?? '~/reflect-journal', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(journal, { recursive: true, force: true });
  });

  it('an empty journal shows no groups (the view shows its welcome content)', async () => {
    const { growthNotes } = await api();
    assert.deepEqual(await level(growthNotes), []);
  });

  it('an entry written outside VS Code appears in the tree; clicking an item opens the file at that line', async () => {
    const { growthNotes } = await api();
    const file = path.join(journal, 'entries', '2020', '2020-03-10-end-of-day.md');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '---\ntype: end-of-day\ndate: 2020-03-10\n---\n## What went well?\n- Fixed the flaky deploy\n\n## What drained me?\n- Back-to-back meetings\n- Context switching\n');

    const drains = await waitFor('the Drains group to count 2', async () => {
      const g = await group(growthNotes, 'Drains');
      return g?.item.description === '2' ? g : undefined;
    });
    assert.equal((await group(growthNotes, 'Wins'))?.item.description, '1');
    const items = await level(growthNotes, drains.node);
    assert.deepEqual(items.map((i) => [i.label, i.item.description]), [
      ['Back-to-back meetings', '2020-03-10'],
      ['Context switching', '2020-03-10'],
    ]);

    const command = items[1].item.command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the entry to open', async () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.selection.active.line, 9);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '- Context switching');
  });

  it('Add Win appends to today\'s entry and the win shows under Wins', async () => {
    const { growthNotes } = await api();
    const file = await vscode.commands.executeCommand<string>('reflect.addWin', 'Mentored Sam through the first on-call');
    assert.equal(path.basename(file ?? ''), `${todayIso()}-end-of-day.md`);
    assert.match(readFileSync(file!, 'utf8'), /## What went well\?\n- Mentored Sam through the first on-call\n/);
    const wins = await waitFor('the new win', async () => {
      const g = await group(growthNotes, 'Wins');
      return g?.item.description === '2' ? g : undefined;
    });
    assert.deepEqual((await level(growthNotes, wins.node)).map((i) => i.label), ['Mentored Sam through the first on-call', 'Fixed the flaky deploy']);
  });

  it('Add Feedback into an entry open with unsaved changes goes through the editor and keeps them', async () => {
    const file = path.join(journal, 'entries', todayIso().slice(0, 4), `${todayIso()}-end-of-day.md`);
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'unsaved words\n'));
    assert.equal(doc.isDirty, true);
    const onDisk = readFileSync(file, 'utf8');

    await vscode.commands.executeCommand('reflect.addFeedback', 'Clearer PR descriptions, please', 'Ana');
    assert.equal(readFileSync(file, 'utf8'), onDisk, 'the file on disk is untouched while the user has unsaved text');
    assert.match(doc.getText(), /## Feedback I got or asked for\n- From Ana: Clearer PR descriptions, please\n/);
    assert.match(doc.getText(), /unsaved words/);
    await doc.save();
    assert.match(readFileSync(file, 'utf8'), /From Ana: Clearer PR descriptions, please[\s\S]*unsaved words/);
  });

  it('Add Goal writes goals.md; the goal shows its progress count and Mark Done ticks it', async () => {
    const { growthNotes } = await api();
    await vscode.commands.executeCommand('reflect.addGoal', 'Give a tech talk', '2027-03-31');
    const file = path.join(journal, 'entries', '2020', '2020-03-11-end-of-day.md');
    writeFileSync(file, '## Progress on my goals\n- Outlined the slides to give a tech talk\n');
    const goal = await waitFor('the goal with one retro', async () => {
      const g = await group(growthNotes, 'Goals');
      if (!g) return undefined;
      const goals = await level(growthNotes, g.node);
      return goals[0]?.item.description === 'open · 1 entry · due 2027-03-31' ? goals[0] : undefined;
    });
    assert.equal(goal.label, 'Give a tech talk');
    assert.equal(goal.item.contextValue, 'goal.open');
    // A click on the goal opens goals.md at its line.
    const click = goal.item.command!;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    const shown = vscode.window.activeTextEditor!;
    assert.equal(path.basename(shown.document.uri.fsPath), 'goals.md');
    assert.match(shown.document.lineAt(shown.selection.active.line).text, /Give a tech talk/);

    await vscode.commands.executeCommand('reflect.markGoalDone', goal.node);
    assert.match(readFileSync(path.join(journal, 'goals.md'), 'utf8'), /^- \[x\] Give a tech talk due: 2027-03-31$/m);
    await waitFor('the goal to show done', async () => {
      const g = await group(growthNotes, 'Goals');
      const goals = g ? await level(growthNotes, g.node) : [];
      return goals[0]?.item.contextValue === 'goal.done' ? true : undefined;
    });
  });

  it('Rebuild Index reads every entry again', async () => {
    const count = await vscode.commands.executeCommand<number>('reflect.rebuildIndex');
    assert.equal(count, 3);
  });

  it('an entry renamed, then deleted outside VS Code leaves the tree without a reload', async () => {
    const { growthNotes } = await api();
    const drains = async (): Promise<string[]> => {
      const g = await group(growthNotes, 'Drains');
      // Each item as the file a click opens.
      return g ? (await level(growthNotes, g.node)).map((i) => (i.item.command?.arguments?.[0] as vscode.Uri).fsPath) : [];
    };
    const from = path.join(journal, 'entries', '2020', '2020-03-10-end-of-day.md');
    const to = path.join(journal, 'entries', '2020', '2020-03-09-end-of-day.md');
    // Let the watcher settle on the files as they are, so the events below are its own.
    await new Promise((r) => setTimeout(r, 2500));
    renameSync(from, to);
    await waitFor('the drains to move to 2020-03-09', async () => {
      const list = await drains();
      return list.length === 2 && list.every((f) => f === to) ? true : undefined;
    });
    rmSync(to);
    await waitFor('the drains to go', async () => ((await drains()).length === 0 ? true : undefined));
  });

  /**
   * Points the journal setting at a new, empty `journalPath` (below a temp folder), waits until
   * the tree is empty and the journal's watchers have started, runs `body`, and points the
   * setting back at the suite's journal.
   */
  async function inNewJournal(journalPath: (tempFolder: string) => string, body: (journalFolder: string) => Promise<void>): Promise<void> {
    const { growthNotes } = await api();
    const temp = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-new-'));
    try {
      const folder = journalPath(temp);
      await vscode.workspace.getConfiguration().update('reflect.journalFolder', folder, vscode.ConfigurationTarget.Global);
      await waitFor('the empty journal', async () => ((await level(growthNotes)).length === 0 ? true : undefined));
      // As in a window that has been open a while: the watchers started, the look-again after opening done.
      await sleep(3000);
      await body(folder);
    } finally {
      await vscode.workspace.getConfiguration().update('reflect.journalFolder', journal, vscode.ConfigurationTarget.Global);
      rmSync(temp, { recursive: true, force: true });
    }
  }

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const wins = async (): Promise<string> => (await group((await api()).growthNotes, 'Wins'))?.item.description?.toString() ?? '0';

  it('a journal folder that does not exist yet: the first retro creates it and shows, and its delete is seen', async () => {
    await inNewJournal(
      (temp) => path.join(temp, 'reflect-journal'),
      async (folder) => {
        const uri = await vscode.commands.executeCommand<vscode.Uri>('reflect.startEndOfDayRetro');
        assert.ok(uri?.fsPath.startsWith(folder + path.sep));
        const editor = vscode.window.activeTextEditor!;
        await editor.edit((e) => e.insert(editor.selection.active, 'Wrote the first retro'));
        await editor.document.save();
        await waitFor('the first win', async () => ((await wins()) === '1' ? true : undefined));
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await sleep(3000);
        rmSync(uri!.fsPath);
        await waitFor('the win to go', async () => ((await wins()) === '0' ? true : undefined), 8_000);
      },
    );
  });

  it('in a new journal, an entry whose folders were created with it is still seen to go', async () => {
    await inNewJournal(
      (temp) => temp,
      async (folder) => {
        // What Start Retro does in a new journal: entries/<year>/ and the file, in one burst.
        const file = path.join(folder, 'entries', '2031', '2031-01-06-end-of-day.md');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, '## What went well?\n- Shipped the first thing of 2031\n');
        await waitFor('the new win', async () => ((await wins()) === '1' ? true : undefined));
        // A moment later, as a person would delete it: only a file event can tell.
        await sleep(3000);
        rmSync(file);
        await waitFor('the win to go', async () => ((await wins()) === '0' ? true : undefined), 8_000);
      },
    );
  });

  it('a goals.md that is a link is never read: what it points to never shows as goals', async () => {
    const { growthNotes } = await api();
    const goals = path.join(journal, 'goals.md');
    // The journal was switched back a moment ago (above): wait until its goal shows again.
    await waitFor('the goal written above', async () => {
      const g = await group(growthNotes, 'Goals');
      return g && g.item.description !== '0' ? true : undefined;
    });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-secret-'));
    const secret = path.join(outside, 'notes.md');
    writeFileSync(secret, '- [ ] zqx private goal from outside the journal\n');
    try {
      rmSync(goals, { force: true });
      symlinkSync(secret, goals);
      const goalsGroup = await waitFor('the Goals group to count 0', async () => {
        const g = await group(growthNotes, 'Goals');
        return g?.item.description === '0' ? g : undefined;
      });
      const labels = (await level(growthNotes, goalsGroup.node)).map((g) => g.label);
      assert.ok(!labels.some((l) => l.includes('zqx')), labels.join(', '));
    } finally {
      rmSync(goals, { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
