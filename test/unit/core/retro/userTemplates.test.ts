import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from '../../../../src/core/journal/frontMatter';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { NO_TEMPLATE_SECTIONS } from '../../../../src/core/journal/templateSections';
import { renderUserRetro } from '../../../../src/core/retro/retroDraft';
import { loadTemplateSections, loadUserTemplates, parseUserTemplate, substituteVariables, toTypeSlug } from '../../../../src/core/retro/userTemplates';
import { tempDir, WEDNESDAY_EVENING } from '../../fixtures';

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

  describe('sections: a template\'s headings mapped to Growth Notes groups', () => {
    const ONCALL = '---\nname: On call\ntype: oncall\ntags: [oncall]\nsections: { "What hurt": drains, "Shout-outs": wins }\n---\n## What hurt\n- \n\n## Shout-outs\n- \n';

    it('keeps the map on the template, never among the keys copied into entries', () => {
      const t = parseUserTemplate('/j/templates/oncall.md', ONCALL);
      assert.deepEqual(t.extraFrontMatter, { tags: ['oncall'] });
      assert.deepEqual([...t.sections], [
        ['what hurt', 'drains'],
        ['shout outs', 'wins'],
      ]);
      assert.deepEqual(t.problems, []);
    });

    it('writes new entries without a sections block, and the template\'s map still files their bullets', async () => {
      const journal = tempDir();
      mkdirSync(path.join(journal, 'templates'));
      writeFileSync(path.join(journal, 'templates', 'oncall.md'), ONCALL);
      const [template] = await loadUserTemplates(journal);
      const text = renderUserRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop' })
        .text.replace('## What hurt\n- ', '## What hurt\n- 3am page')
        .replace('## Shout-outs\n- ', '## Shout-outs\n- Sam took the handover');
      const { data } = parseMarkdown(text);
      assert.equal('sections' in data, false, 'no sections: in the entry');
      assert.doesNotMatch(text, /^sections:/m);
      assert.deepEqual(data.tags, ['oncall'], 'other extra keys are still copied');
      const summary = summarizeEntry('entries/2026/2026-11-25-oncall.md', text, '', (await loadTemplateSections(journal)).byType);
      assert.deepEqual(summary.items.map((i) => [i.group, i.text]), [
        ['drains', '3am page'],
        ['wins', 'Sam took the handover'],
      ]);
    });

    it('says which mapped heading names no group, and keeps the rest', () => {
      const t = parseUserTemplate('/j/templates/x.md', '---\nsections:\n  Ouch: Drains\n  Bogus: nonsense\n---\n');
      assert.deepEqual([...t.sections], [['ouch', 'drains']], 'a group is read without regard to case');
      assert.equal(t.problems.length, 1);
      assert.match(t.problems[0], /"Bogus" to "nonsense"/);
      assert.match(parseUserTemplate('/j/templates/y.md', '---\nsections: [a, b]\n---\n').problems[0], /not a map/);
      assert.deepEqual(parseUserTemplate('/j/templates/z.md', '---\nsections:\n---\n').problems, [], 'an empty sections: says nothing');
    });

    it('gathers every template\'s map by the type Start Retro writes, with a digest that follows the maps', async () => {
      const journal = tempDir();
      const folder = path.join(journal, 'templates');
      mkdirSync(folder);
      assert.deepEqual(await loadTemplateSections(journal), NO_TEMPLATE_SECTIONS);
      writeFileSync(path.join(folder, 'oncall.md'), ONCALL);
      writeFileSync(path.join(folder, 'weekly.md'), '---\nname: Weekly Check-in\nsections: { Shipped: wins }\n---\n');
      writeFileSync(path.join(folder, 'plain.md'), '---\nname: Plain\n---\n## Q\n- \n');
      const first = await loadTemplateSections(journal);
      assert.deepEqual([...first.byType.keys()].sort(), ['oncall', 'weekly-check-in'], 'the slug of its name, like Start Retro; no map, no entry');
      assert.equal(first.byType.get('weekly-check-in')?.get('shipped'), 'wins');
      assert.notEqual(first.digest, '');
      assert.equal((await loadTemplateSections(journal)).digest, first.digest, 'the same maps, the same digest');
      writeFileSync(path.join(folder, 'weekly.md'), '---\nname: Weekly Check-in\nsections: { Shipped: lessons }\n---\n');
      assert.notEqual((await loadTemplateSections(journal)).digest, first.digest);
    });

    it('never reads a template that is a link, nor a templates folder that is one', async () => {
      const journal = tempDir();
      const outside = tempDir();
      writeFileSync(path.join(outside, 'secret.md'), '---\nname: Leaked\nsections: { "What hurt": wins }\n---\n## What hurt\n- PRIVATE\n');
      mkdirSync(path.join(journal, 'templates'));
      writeFileSync(path.join(journal, 'templates', 'oncall.md'), ONCALL);
      symlinkSync(path.join(outside, 'secret.md'), path.join(journal, 'templates', 'linked.md'));
      assert.deepEqual((await loadUserTemplates(journal)).map((t) => t.label), ['On call']);
      assert.deepEqual([...(await loadTemplateSections(journal)).byType.keys()], ['oncall']);

      const linkedFolder = tempDir();
      symlinkSync(outside, path.join(linkedFolder, 'templates'));
      assert.deepEqual(await loadUserTemplates(linkedFolder), []);
      assert.deepEqual(await loadTemplateSections(linkedFolder), NO_TEMPLATE_SECTIONS);
    });
  });
});
