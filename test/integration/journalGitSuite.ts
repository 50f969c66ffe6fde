// What the journal-repository suites share: git in a temp folder, the settings they change, the
// waits, and one suite setup (a git identity for a clean machine, auto-commit on, auto-push off,
// every setting and temp folder put back afterwards).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor as poll } from './polling';

const EXTENSION_ID = 'reflect-team.reflect';
/** Longer than the 2 s quiet period plus a file watcher's delay. */
const COMMIT_TIMEOUT_MS = 15_000;

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

export function subjects(repo: string): string[] {
  try {
    return git(repo, ['log', '--format=%s']).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

export const waitFor = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> => poll(what, probe, COMMIT_TIMEOUT_MS, 200);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface GitExtensionExports {
  enabled: boolean;
  getAPI(v: 1): { repositories: { rootUri: vscode.Uri }[] };
}

export function openInSourceControl(folder: string): boolean {
  const exports = vscode.extensions.getExtension<GitExtensionExports>('vscode.git')?.exports;
  const real = realpathSync(folder);
  return !!exports?.enabled && exports.getAPI(1).repositories.some((r) => r.rootUri.fsPath === real);
}

/** Types at the end of an open entry and saves, as a user would. */
export async function typeAndSave(file: string, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  assert.ok(await editor.edit((e) => e.insert(end, text)));
  assert.ok(await doc.save());
}

export interface JournalGitSuite {
  /** A journal folder path (not created) in a temp folder of its own, removed after the suite. */
  freshJournal(): string;
  /** The journal folder setting as the suite found it. */
  originalJournal(): string;
}

/** Call inside a describe(): the hooks every journal-repository suite needs. */
export function journalGitSuite(): JournalGitSuite {
  const temps: string[] = [];
  const savedEnv: Record<string, string | undefined> = {};
  const IDENTITY: Record<string, string> = {
    GIT_AUTHOR_NAME: 'Journal Tester',
    GIT_AUTHOR_EMAIL: 'journal@reflect.test',
    GIT_COMMITTER_NAME: 'Journal Tester',
    GIT_COMMITTER_EMAIL: 'journal@reflect.test',
  };
  let originalJournal: string | undefined;

  before(async () => {
    // A clean CI machine has no git identity; VS Code's Git extension passes the host's
    // environment on to git, so this gives every commit (ours and the extension's) an author.
    for (const [k, v] of Object.entries(IDENTITY)) {
      savedEnv[k] = process.env[k];
      process.env[k] = v;
    }
    originalJournal = vscode.workspace.getConfiguration().get<string>('reflect.journalFolder');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await setting('reflect.git.autoCommit', true);
    await setting('reflect.git.autoPush', false);
  });

  after(async () => {
    await setting('reflect.journalFolder', originalJournal ?? '~/reflect-journal');
    await setting('reflect.git.autoCommit', undefined);
    await setting('reflect.git.autoPush', undefined);
    await setting('git.enabled', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  return {
    freshJournal: () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-repo-'));
      temps.push(dir);
      return path.join(dir, 'journal');
    },
    originalJournal: () => originalJournal ?? '~/reflect-journal',
  };
}
