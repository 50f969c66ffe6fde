// The people groups of Growth Notes in the real extension host: Feedback asked (open, then
// answered), Promises (open, by due date), Helping others and People → each person with their
// lines; a click opens the line where it was written.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { todayIso, waitFor } from './polling';

interface ReflectApi {
  growthNotes: vscode.TreeDataProvider<unknown>;
}

interface Shown {
  node: unknown;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

async function tree(): Promise<vscode.TreeDataProvider<unknown>> {
  const ext = vscode.extensions.getExtension<ReflectApi>('reflect-team.reflect');
  assert.ok(ext);
  return (await ext.activate()).growthNotes;
}

async function level(parent?: unknown): Promise<Shown[]> {
  const provider = await tree();
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await provider.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { node, item, label, description: String(item.description ?? '') };
    }),
  );
}

const find = async (label: string, parent?: unknown): Promise<Shown | undefined> => (await level(parent)).find((n) => n.label === label);
const setting = (key: string, value: unknown): Thenable<void> => vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);

function isoDaysFromToday(n: number): string {
  const d = new Date();
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

describe('Growth Notes: feedback asked, promises, help and people (in a real extension host)', () => {
  let journal: string;
  let entry: string;
  const written = isoDaysFromToday(-2);
  const saved = new Map<string, unknown>();
  const keys = ['reflect.journalFolder', 'reflect.dayStartsAt', 'reflect.git.autoCommit'];
  const lines = [
    '---',
    'type: end-of-day',
    `date: ${written}`,
    '---',
    '## Feedback I got or asked for',
    `- [ ] Asked @sam about the incident review (follow up ${isoDaysFromToday(-1)})`,
    `- [ ] Asked @priya about the design doc (follow up ${isoDaysFromToday(1)})`,
    "- @priya's feedback on the design doc: “The risks section needs owners.”",
    '  - How I took it: Fair.',
    '',
    '## Helped others',
    '- Paired with @sam on the flaky deploy test',
    '',
    "## One thing I'll do differently",
    `- [ ] Share the roadmap with @priya by ${isoDaysFromToday(30)}`,
    '- [ ] send @sam the runbook by Fri',
    '',
  ];

  before(async () => {
    for (const key of keys) saved.set(key, vscode.workspace.getConfiguration().inspect(key)?.globalValue);
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-people-tree-'));
    entry = path.join(journal, 'entries', written.slice(0, 4), `${written}-end-of-day.md`);
    mkdirSync(path.dirname(entry), { recursive: true });
    writeFileSync(entry, lines.join('\n'));
    writeFileSync(path.join(journal, 'people.md'), '# People\n\n- Sam Lee: @sam\n- Priya Kumar: @priya\n');
    await setting('reflect.git.autoCommit', false);
    await setting('reflect.dayStartsAt', '00:00');
    await setting('reflect.journalFolder', journal);
  });

  after(async () => {
    for (const key of keys) await setting(key, saved.get(key));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(journal, { recursive: true, force: true });
  });

  it('Feedback asked lists the open request first, "follow-up due" when its day has come, then the answered one', async () => {
    const asked = await waitFor('Feedback asked to count the two requests', async () => {
      const g = await find('Feedback asked');
      return g?.description === '1 due · 1 answered' ? g : undefined;
    });
    const rows = await level(asked.node);
    assert.deepEqual(rows.map((r) => r.label), ['Sam Lee about the incident review', 'Priya Kumar about the design doc']);
    assert.match(rows[0].description, /^follow-up due · asked \d+ \w{3}$/);
    assert.match(rows[1].description, /^answered \d+ \w{3}$/);
    assert.equal(rows[0].item.contextValue, 'row.asked.due', 'Record Feedback is offered on it');
  });

  it('Promises lists the open promises, the soonest due first', async () => {
    const promises = await find('Promises');
    assert.ok(promises);
    assert.match(promises.description, /^2( · 1 overdue)?$/);
    assert.deepEqual((await level(promises.node)).map((r) => r.label), ['send @sam the runbook by Fri', `Share the roadmap with @priya by ${isoDaysFromToday(30)}`]);
  });

  it('Helping others holds the Helped lines', async () => {
    const helping = await find('Helping others');
    assert.equal(helping?.description, '1');
    assert.deepEqual((await level(helping!.node)).map((r) => r.label), ['Paired with @sam on the flaky deploy test']);
  });

  it('People → Sam Lee: the request, the promise and the help; clicking one opens its line', async () => {
    const people = await find('People');
    assert.ok(people);
    assert.deepEqual((await level(people.node)).map((p) => p.label).sort(), ['Priya Kumar', 'Sam Lee']);
    const sam = (await find('Sam Lee', people.node))!;
    assert.match(sam.description, /^last seen \d+ \w{3} · 2 open$/);
    const rows = await level(sam.node);
    assert.deepEqual(rows.map((r) => r.label), ['Asked about the incident review', 'send @sam the runbook by Fri', 'Paired with @sam on the flaky deploy test']);
    assert.match(rows[2].description, /^helped · \d+ \w{3}$/);

    const click = rows[1].item.command!;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    const editor = await waitFor('the entry to open', async () => (vscode.window.activeTextEditor?.document.uri.fsPath === entry ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, lines.indexOf('- [ ] send @sam the runbook by Fri'));

    const priya = (await find('Priya Kumar', people.node))!;
    assert.deepEqual((await level(priya.node)).map((r) => [r.label, r.description.replace(/\d+ \w{3}/, 'D')]), [
      ['“The risks section needs owners.”', 'feedback · D'],
      ['Asked about the design doc', 'answered D'],
      [`Share the roadmap with @priya by ${isoDaysFromToday(30)}`, 'promise · due D'],
    ]);
  });

  it("Add Help writes under Helped others in today's entry; it shows under Helping others and under the person", async () => {
    const file = await vscode.commands.executeCommand<string>('reflect.addHelp', 'Walked @sam through the on-call handbook');
    assert.equal(path.basename(file ?? ''), `${todayIso()}-end-of-day.md`);
    assert.match(readFileSync(file!, 'utf8'), /## Helped others\n- Walked @sam through the on-call handbook\n/);
    await waitFor('the help under Helping others', async () => ((await find('Helping others'))?.description === '2' ? true : undefined));
    const sam = await waitFor('the help under Sam Lee', async () => {
      const people = await find('People');
      const s = people && (await find('Sam Lee', people.node));
      return s && (await level(s.node)).length === 4 ? s : undefined;
    });
    assert.equal((await level(sam.node))[2].label, 'Walked @sam through the on-call handbook', 'help given, newest first');
  });

  it('a name added to people.md shows under People without an entry changing', async () => {
    writeFileSync(path.join(journal, 'people.md'), '# People\n\n- Sam Lee: @sam\n- Priya Kumar: @priya\n- Dana Ito\n');
    await waitFor('Dana Ito under People', async () => {
      const people = await find('People');
      return people && (await find('Dana Ito', people.node)) ? true : undefined;
    });
  });
});
