// The ids the code uses against the names package.json contributes: a command, view or setting
// renamed on one side only would fail at run time (a command not found, a view that never shows,
// a setting that always reads its default). src/vscode/ids.ts imports nothing, so it loads in Node.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommandId, ContextKey, SettingKey, ViewId } from '../../../src/vscode/ids';
import { REPO_ROOT } from '../fixtures';

interface MenuItem {
  command: string;
  when?: string;
}

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsWelcome?: { view: string; contents: string }[];
    configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[];
    menus: Record<string, MenuItem[]>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;

const sorted = (values: Iterable<string>): string[] => [...values].sort();
/** Values in `a` that are not in `b`. */
const missingFrom = (a: Iterable<string>, b: Iterable<string>): string[] => {
  const set = new Set(b);
  return sorted(new Set([...a].filter((v) => !set.has(v))));
};
const duplicates = (values: string[]): string[] => sorted(new Set(values.filter((v, i) => values.indexOf(v) !== i)));

const commandIds = Object.values(CommandId);
const contributedCommands = contributes.commands.map((c) => c.command);
const contributedViews = Object.values(contributes.views).flatMap((views) => views.map((v) => v.id));
const configurations = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
const contributedSettings = configurations.flatMap((c) => Object.keys(c.properties));
const menuItems = Object.entries(contributes.menus).flatMap(([menu, items]) => items.map((item) => ({ menu, ...item })));
const whenClauses = menuItems.map((m) => m.when ?? '').filter(Boolean);

describe('ids and package.json', () => {
  it('every CommandId is a contributed command, and every contributed command is a CommandId', () => {
    assert.deepEqual(missingFrom(commandIds, contributedCommands), [], 'in ids.ts, not in package.json');
    assert.deepEqual(missingFrom(contributedCommands, commandIds), [], 'in package.json, not in ids.ts');
    assert.deepEqual(duplicates(contributedCommands), [], 'contributed twice');
    assert.deepEqual(duplicates(commandIds), [], 'two CommandIds with one value');
  });

  it('ViewId values are exactly the contributed views', () => {
    assert.deepEqual(sorted(Object.values(ViewId)), sorted(contributedViews));
    assert.deepEqual(duplicates(contributedViews), []);
  });

  it('SettingKey values are exactly the contributed settings', () => {
    const keys = Object.values(SettingKey);
    assert.deepEqual(missingFrom(keys, contributedSettings), [], 'read by the code, not contributed (always its default)');
    assert.deepEqual(missingFrom(contributedSettings, keys), [], 'contributed, never read through SettingKey');
    assert.deepEqual(duplicates(keys), []);
  });

  it('every command in a menu, and every command: link in a view\'s welcome, exists', () => {
    assert.ok(menuItems.length > 0, 'package.json has menus');
    const unknown = menuItems.filter((m) => !contributedCommands.includes(m.command) || !commandIds.some((id) => id === m.command));
    assert.deepEqual(unknown.map((m) => `${m.menu}: ${m.command}`), []);
    const links = (contributes.viewsWelcome ?? []).flatMap((w) => [...w.contents.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]));
    assert.ok(links.length > 0, 'the welcome content links to commands');
    assert.deepEqual(missingFrom(links, commandIds), []);
  });

  it('when-clauses and welcome content name only Reflect\'s own views and context keys', () => {
    const viewIds: string[] = Object.values(ViewId);
    const views = whenClauses.flatMap((w) => [...w.matchAll(/\bview\s*==\s*([\w.-]+)/g)].map((m) => m[1]));
    assert.ok(views.length > 0);
    assert.deepEqual(missingFrom(views, viewIds), [], 'a menu for a view that does not exist never shows');
    assert.deepEqual(missingFrom((contributes.viewsWelcome ?? []).map((w) => w.view), viewIds), []);
    // Any other `reflect.…` name in a when-clause is a context key Reflect must set.
    const keys = whenClauses.flatMap((w) => [...w.matchAll(/\breflect\.[\w.-]+/g)].map((m) => m[0])).filter((k) => !viewIds.includes(k));
    assert.ok(keys.length > 0);
    assert.deepEqual(missingFrom(keys, Object.values(ContextKey)), []);
  });

  it('the settings an untrusted workspace may not set are real settings', () => {
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    assert.ok(restricted.length > 0);
    assert.deepEqual(missingFrom(restricted, contributedSettings), []);
  });
});
