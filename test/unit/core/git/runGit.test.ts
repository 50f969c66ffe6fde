// Reflect's git runs in an environment a parent git may have left behind (VS Code started as git's
// commit editor): the journal's commit must stay in the journal, dated now.
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitEnvironment, runGit } from '../../../../src/core/git/runGit';
import { git, makeRepo, tempDir } from '../../fixtures';

describe('runGit', () => {
  const saved: Record<string, string | undefined> = {};
  const inherit = (vars: Record<string, string>): void => {
    for (const [k, v] of Object.entries(vars)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("commits in the journal, dated now, when git's own variables point at the work repository", async () => {
    const work = makeRepo(tempDir());
    const journal = makeRepo(tempDir());
    writeFileSync(path.join(journal, 'entry.md'), '# Entry\n');
    inherit({
      GIT_DIR: path.join(work, '.git'),
      GIT_INDEX_FILE: path.join(work, '.git', 'index'),
      GIT_WORK_TREE: work,
      GIT_AUTHOR_DATE: '2001-01-01T00:00:00',
      GIT_COMMITTER_DATE: '2001-01-01T00:00:00',
      GIT_CONFIG_PARAMETERS: "'core.hooksPath'='/nonexistent'",
    });
    await runGit(journal, ['add', '--', 'entry.md']);
    await runGit(journal, ['commit', '--quiet', '-m', 'journal: entry']);
    for (const k of Object.keys(saved)) delete process.env[k];
    assert.equal(existsSync(path.join(work, '.git', 'index')), false, 'the work repository was not touched');
    assert.match(git(journal, ['log', '--format=%s']), /journal: entry/);
    const year = Number(git(journal, ['log', '-1', '--format=%ad', '--date=format:%Y']).trim());
    assert.ok(year >= 2026, `dated now, not ${year}`);
  });

  it("keeps the user's own environment, identity included", () => {
    const env = gitEnvironment({ PATH: '/bin', GIT_AUTHOR_NAME: 'Me', GIT_SSH_COMMAND: 'ssh -i key', GIT_INDEX_FILE: 'x', GIT_CONFIG_KEY_0: 'a', GIT_CONFIG_VALUE_0: 'b' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.GIT_AUTHOR_NAME, 'Me');
    assert.equal(env.GIT_SSH_COMMAND, 'ssh -i key');
    assert.equal(env.GIT_INDEX_FILE, undefined);
    assert.equal(env.GIT_CONFIG_KEY_0, undefined);
    assert.equal(env.GIT_TERMINAL_PROMPT, '0');
  });
});
