import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from '../../../../src/core/journal/frontMatter';
import { listItems, splitSections } from '../../../../src/core/journal/sections';
import { builtInTemplate } from '../../../../src/core/retro/retroTemplates';
import { RetroTemplate, startRetro, StartRetroRequest } from '../../../../src/core/retro/startRetro';
import { parseUserTemplate } from '../../../../src/core/retro/userTemplates';
import { commit, entriesIn, makeRepo, tempDir, WEDNESDAY_EVENING } from '../../fixtures';

function request(journal: string, template: RetroTemplate, overrides: Partial<StartRetroRequest> = {}): StartRetroRequest {
  return {
    journalFolder: journal,
    template,
    now: WEDNESDAY_EVENING,
    workspace: 'shop',
    workspaceFolders: [],
    sprint: { length: 14, start: '2026-01-05' },
    gitAllowed: true,
    entries: () => entriesIn(journal),
    ...overrides,
  };
}

const endOfDay = builtInTemplate('end-of-day')!;

describe('start retro', () => {
  it('writes today\'s end-of-day retro to entries/YYYY/YYYY-MM-DD-end-of-day.md with the day\'s commits', async () => {
    const journal = tempDir();
    const repo = path.join(tempDir(), 'shop');
    mkdirSync(repo);
    makeRepo(repo);
    commit(repo, 'Old work', new Date(2026, 10, 24, 10));
    commit(repo, 'Fix login timeout', new Date(2026, 10, 25, 10));

    const result = await startRetro(request(journal, endOfDay, { workspaceFolders: [repo] }));
    assert.equal(result.path, path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md'));
    assert.equal(result.created, true);
    const text = readFileSync(result.path, 'utf8');
    const worked = splitSections(parseMarkdown(text).body).find((s) => s.heading === 'Worked on')!;
    assert.deepEqual(listItems(worked).map((i) => i.text), ['shop: Fix login timeout']);
    assert.equal(text.split('\n')[result.cursor!.line - 1], '## What went well?');
  });

  it('opens the existing file the second time: never a copy, never an overwrite', async () => {
    const journal = tempDir();
    const first = await startRetro(request(journal, endOfDay));
    writeFileSync(first.path, 'my answers');
    const second = await startRetro(request(journal, endOfDay, { now: new Date(2026, 10, 25, 22, 0) }));
    assert.deepEqual(second, { path: first.path, created: false, unknownVariables: [] });
    assert.equal(readFileSync(first.path, 'utf8'), 'my answers');
    assert.deepEqual(readdirSync(path.dirname(first.path)), ['2026-11-25-end-of-day.md']);
  });

  it('shares one file a day between the sprint formats, and keeps types apart', async () => {
    const journal = tempDir();
    const sprint = await startRetro(request(journal, builtInTemplate('sprint')!));
    const fourLs = await startRetro(request(journal, builtInTemplate('sprint-4ls')!));
    const daily = await startRetro(request(journal, endOfDay));
    assert.equal(fourLs.path, sprint.path);
    assert.equal(fourLs.created, false);
    assert.equal(path.basename(sprint.path), '2026-11-25-sprint.md');
    assert.equal(parseMarkdown(readFileSync(sprint.path, 'utf8')).data.sprint, 24);
    assert.notEqual(daily.path, sprint.path);
  });

  it('carries the previous retro\'s open commitments of the same type into "Last time"', async () => {
    const journal = tempDir();
    const yesterday = await startRetro(request(journal, endOfDay, { now: new Date(2026, 10, 24, 17) }));
    const text = readFileSync(yesterday.path, 'utf8').replace("## One thing I'll do differently\n- ", "## One thing I'll do differently\n- Block focus time\n- [x] Done already");
    writeFileSync(yesterday.path, text);
    await startRetro(request(journal, builtInTemplate('weekly')!, { now: new Date(2026, 10, 24, 18) }));

    const today = await startRetro(request(journal, endOfDay));
    const lastTime = splitSections(parseMarkdown(readFileSync(today.path, 'utf8')).body)[0];
    assert.equal(lastTime.heading, 'Last time');
    assert.match(lastTime.lines[0], /2026-11-24/);
    assert.deepEqual(listItems(lastTime).map((i) => [i.text, i.checked]), [['Block focus time', false]]);
  });

  it('leaves "Last time" out when nothing is open', async () => {
    const journal = tempDir();
    await startRetro(request(journal, endOfDay, { now: new Date(2026, 10, 24, 17) }));
    const today = await startRetro(request(journal, endOfDay));
    assert.equal(splitSections(parseMarkdown(readFileSync(today.path, 'utf8')).body)[0].heading, 'Worked on');
  });

  it('does not run git in an untrusted workspace and says so', async () => {
    const journal = tempDir();
    const result = await startRetro(request(journal, endOfDay, { workspaceFolders: ['/nonexistent'], gitAllowed: false, gitPath: '/bin/false-git-must-not-run' }));
    assert.match(readFileSync(result.path, 'utf8'), /^_This workspace is not trusted, so Reflect did not run git in it\._$/m);
  });

  it('writes a user template\'s entry with its own type and reports unknown variables', async () => {
    const journal = tempDir();
    const template = parseUserTemplate(path.join(journal, 'templates', 'oncall.md'), '---\nname: On call\ntype: oncall\n---\n## Pages\n- \n{{pager}}\n');
    const result = await startRetro(request(journal, template));
    assert.equal(path.basename(result.path), '2026-11-25-oncall.md');
    assert.deepEqual(result.unknownVariables, ['pager']);
    assert.match(readFileSync(result.path, 'utf8'), /\{\{pager\}\}/);
  });
});
