// Real git repositories for the sync tests: an isolated git config, a work repository, a journal
// repository as Set Up leaves it.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CliJournalRepo, initRepository } from '../../../../src/core/sync/journalRepoGit';
import { git, tempDir } from '../../fixtures';

/** Git sees only this config: an identity, no signing, no hooks from the machine running the tests. */
export function isolateGitConfig(): void {
  const saved: Record<string, string | undefined> = {};
  const keys = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'];
  before(() => {
    const dir = tempDir('reflect-gitconfig-');
    const config = path.join(dir, 'gitconfig');
    writeFileSync(config, '[user]\n\tname = Journal Tester\n\temail = journal@reflect.test\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');
    for (const k of keys) saved[k] = process.env[k];
    process.env.GIT_CONFIG_GLOBAL = config;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
}

export function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An outer "work" repository with one commit, like the project a user has open. */
export function workRepo(root: string): string {
  mkdirSync(root, { recursive: true });
  git(root, ['init', '--quiet']);
  write(path.join(root, 'src', 'app.ts'), 'export {};\n');
  git(root, ['add', '--', 'src']);
  git(root, ['commit', '--quiet', '-m', 'work']);
  return root;
}

/** A journal repository as Set Up leaves it: initialized, marked, first commit made. */
export async function journalRepo(folder: string): Promise<CliJournalRepo> {
  await initRepository(folder);
  const repo = new CliJournalRepo(folder);
  await repo.markJournal();
  write(path.join(folder, 'README.md'), '# journal\n');
  await repo.commit(await repo.pendingChanges(['README.md']), 'journal: start');
  return repo;
}

export const log = (repo: string): string[] => git(repo, ['log', '--format=%s']).trim().split('\n').filter(Boolean);

/** Every Markdown file under `dir`, sorted: the fixture journals' files for the merge tests. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
    });
}
