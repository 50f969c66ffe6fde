import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadUserTemplates, parseUserTemplate, substituteVariables, toTypeSlug } from '../../../../src/core/retro/userTemplates';
import { tempDir } from '../../fixtures';

const values = { date: '2026-11-25', weekday: 'Wednesday', workspace: 'shop', sprint: 'Sprint 3', commits: '- api: x' };

describe('user templates', () => {
  it('finds every Markdown template in <journal>/templates, sorted by name', async () => {
    const journal = tempDir();
    mkdirSync(path.join(journal, 'templates'));
    writeFileSync(path.join(journal, 'templates', 'b.md'), '---\nname: Zed review\ntype: zed\n---\n## Q\n- \n');
    writeFileSync(path.join(journal, 'templates', 'a.md'), '---\nname: Alpha\n---\n## Q\n- \n');
    writeFileSync(path.join(journal, 'templates', 'notes.txt'), 'not a template');
    const templates = await loadUserTemplates(journal);
    assert.deepEqual(templates.map((t) => [t.label, t.type, t.id]), [
      ['Alpha', 'alpha', 'user:a.md'],
      ['Zed review', 'zed', 'user:b.md'],
    ]);
  });

  it('has no templates when the folder does not exist', async () => {
    assert.deepEqual(await loadUserTemplates(path.join(tempDir(), 'missing')), []);
  });

  it('keeps a template with broken front matter usable, named after its file, and says why', () => {
    const t = parseUserTemplate('/j/templates/Deep Work.md', '---\nname: [oops\n---\n## Focus\n- \n');
    assert.equal(t.label, 'Deep Work');
    assert.equal(t.type, 'deep-work');
    assert.match(t.problems[0], /front matter could not be read/);
  });

  it('replaces a type that cannot be a file name and says so', () => {
    const t = parseUserTemplate('/j/templates/x.md', '---\nname: Retro\ntype: ../../etc\n---\n');
    assert.equal(t.type, 'retro');
    assert.match(t.problems[0], /type/);
  });

  it('makes file-safe type slugs', () => {
    assert.equal(toTypeSlug('On-call Week!'), 'on-call-week');
    assert.equal(toTypeSlug('Café ☕ retro'), 'cafe-retro');
    assert.equal(toTypeSlug('!!!'), 'retro');
  });

  it('substitutes each known variable wherever it appears, spaces inside braces allowed', () => {
    const result = substituteVariables('{{date}} {{ weekday }} {{workspace}} {{sprint}}\n{{commits}}\n{{date}}', values);
    assert.equal(result.text, '2026-11-25 Wednesday shop Sprint 3\n- api: x\n2026-11-25');
    assert.deepEqual(result.unknown, []);
  });

  it('leaves unknown variables exactly as written and lists each once', () => {
    const result = substituteVariables('{{mood}} {{ mood }} {{Date}} {single}', values);
    assert.equal(result.text, '{{mood}} {{ mood }} {{Date}} {single}');
    assert.deepEqual(result.unknown, ['mood', 'Date']);
  });
});
