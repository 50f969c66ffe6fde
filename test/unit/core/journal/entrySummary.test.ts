import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { headingGroups } from '../../../../src/core/journal/templateSections';
import { renderBuiltInRetro } from '../../../../src/core/retro/retroDraft';
import { BUILT_IN_TEMPLATES } from '../../../../src/core/retro/retroTemplates';
import { WEDNESDAY_EVENING } from '../../fixtures';

const answer = (text: string, heading: string, bullet: string): string => text.replace(`## ${heading}\n- `, `## ${heading}\n- ${bullet}`);

describe('growth notes extraction', () => {
  it('extracts wins, feedback, lessons, energizers, drains, goal progress and commitments from every built-in template', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      let text = renderBuiltInRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop' }).text;
      text = answer(text, 'What went well?', 'Shipped the login fix');
      text = answer(text, 'Liked', 'Pairing with Sam');
      text = answer(text, 'Feedback I got or asked for', 'Sam: clearer PR descriptions');
      text = answer(text, 'What did I learn?', 'Retries need jitter');
      text = answer(text, 'Learned', 'Retries need jitter');
      text = answer(text, 'What energized me?', 'Deep work morning');
      text = answer(text, 'What drained me?', 'Three meetings after lunch');
      text = answer(text, 'Progress on my goals', 'Drafted the talk outline');
      text = answer(text, "One thing I'll do differently", 'Decline the optional sync');
      text = answer(text, 'Start doing', 'Writing design notes');
      text = answer(text, 'Helped others', 'Walked @sam through the deploy');
      const summary = summarizeEntry('entries/2026/2026-11-25-x.md', text);
      const groups = new Set(summary.items.map((i) => i.group));
      for (const group of ['feedback', 'energizers', 'drains', 'goals', 'changes']) assert.ok(groups.has(group as never), `${template.id} lacks ${group}`);
      if (template.id !== 'sprint-start-stop-continue') assert.ok(groups.has('wins') && groups.has('lessons'), template.id);
      assert.equal(groups.has('helping'), template.id === 'sprint' || template.id === 'weekly', `${template.id}: Helped others`);
      const drain = summary.items.find((i) => i.group === 'drains')!;
      assert.equal(text.split('\n')[drain.line], '- Three meetings after lunch', `${template.id}: line numbers point at the bullet`);
    }
  });

  it('dates an entry by its name, then its front matter; reads type, energy and tags from front matter', () => {
    const s = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', '---\ndate: 2026-11-24\ntype: weekly\nenergy: 4\ntags: [focus, oncall]\nsprint: 7\n---\n');
    assert.deepEqual([s.date, s.type, s.energy, s.tags], ['2026-11-25', 'weekly', 4, ['focus', 'oncall']]);
    assert.equal(summarizeEntry('entries/2026/offsite.md', '---\ndate: 2026-11-24\n---\n').date, '2026-11-24');
    assert.equal(summarizeEntry('entries/2026/2026-08-26.md', '## Highlights\n- a\n').date, '2026-08-26');
    assert.equal(summarizeEntry('entries/2026/offsite.md', '## Highlights\n- a\n').date, '', 'no date: the index asks the journal history');
    assert.deepEqual(s.frontMatter, { date: '2026-11-24', type: 'weekly', energy: 4, tags: ['focus', 'oncall'], sprint: 7 });
    const bare = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', '## What went well?\n- a\n');
    assert.deepEqual([bare.date, bare.type, bare.energy, bare.tags], ['2026-11-25', 'end-of-day', undefined, []]);
    assert.equal(summarizeEntry('entries/2026/2026-11-25-end-of-day.md', '---\nenergy: 9\n---\n').energy, undefined);
  });

  it('still shows a file with broken front matter, dated by its name, and says why', () => {
    const s = summarizeEntry('entries/2026/2026-11-20-end-of-day.md', '---\ndate: [oops\n---\n## Wins\n- still counted\n');
    assert.equal(s.date, '2026-11-20');
    assert.ok(s.error);
    assert.deepEqual(s.items.map((i) => [i.group, i.text, i.line]), [['wins', 'still counted', 4]]);
  });

  it('handles CRLF, a BOM, other heading levels and nested bullets', () => {
    const text = '\ufeff---\r\ntype: end-of-day\r\n---\r\n# Day\r\n## What went well?\r\n- top\r\n  - nested detail\r\n### Sub heading\r\n- under h3 still counts\r\n# Other\r\n- not in a section\r\n';
    const s = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', text);
    assert.deepEqual(s.items.map((i) => [i.text, i.line]), [
      ['top', 5],
      ['under h3 still counts', 8],
    ]);
  });

  it('reads a 5 MB entry completely', () => {
    const bullets = Array.from({ length: 100_000 }, (_, i) => `- Win number ${i} ${'x'.repeat(40)}`);
    const text = `---\ntype: end-of-day\n---\n## What went well?\n${bullets.join('\n')}\n## What drained me?\n- The size of this entry\n`;
    assert.ok(text.length > 5_000_000);
    const s = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', text);
    assert.equal(s.items.filter((i) => i.group === 'wins').length, 100_000);
    assert.deepEqual(s.items[s.items.length - 1], { group: 'drains', text: 'The size of this entry', line: 100_005 });
  });

  it('lets a user template map its own headings with `sections:` front matter', () => {
    const s = summarizeEntry('entries/2026/2026-11-25-oncall.md', '---\nsections:\n  Pages that went fine: wins\n  Ouch: drains\n  Bogus: nonsense\n---\n## Pages that went fine\n- quiet night\n## Ouch\n- 3am page\n## Bogus\n- ignored\n');
    assert.deepEqual(s.items.map((i) => [i.group, i.text]), [
      ['wins', 'quiet night'],
      ['drains', '3am page'],
    ]);
  });

  it('files the headings of an entry by its type\'s template map, matched by meaning like any heading', () => {
    const templates = new Map([['oncall', headingGroups({ 'What hurt': 'drains', 'Shout-outs': 'wins' })]]);
    const text = '---\ntype: oncall\n---\n## What hurt?\n- 3am page\n## SHOUT OUTS!\n- Sam\n## What went well?\n- quiet day\n';
    const s = summarizeEntry('entries/2026/2026-11-25-oncall.md', text, '', templates);
    assert.deepEqual(s.items.map((i) => [i.group, i.text]), [
      ['drains', '3am page'],
      ['wins', 'Sam'],
      ['wins', 'quiet day'],
    ]);
    const other = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', text.replace('type: oncall', 'type: end-of-day'), '', templates);
    assert.deepEqual(other.items.map((i) => i.group), ['setbacks', 'wins'], 'another type: read by meaning only ("Shout outs" means nothing)');
    // The type from the file name counts as much as the front matter's.
    assert.equal(summarizeEntry('entries/2026/2026-11-25-oncall.md', '## What hurt\n- x\n', '', templates).items[0].group, 'drains');
  });

  it('lets an older entry\'s own `sections:` (copied from its template) win over the template\'s, heading by heading', () => {
    const templates = new Map([['oncall', headingGroups({ 'What hurt': 'setbacks', 'Shout-outs': 'wins' })]]);
    const text = '---\ntype: oncall\nsections: { "What hurt": drains }\n---\n## What hurt\n- 3am page\n## Shout-outs\n- Sam\n';
    assert.deepEqual(summarizeEntry('entries/2026/2026-11-25-oncall.md', text, '', templates).items.map((i) => [i.group, i.text]), [
      ['drains', '3am page'],
      ['wins', 'Sam'],
    ]);
    assert.deepEqual(summarizeEntry('entries/2026/2026-11-25-oncall.md', text).items.map((i) => i.group), ['drains'], 'without templates, the entry\'s own map still applies');
  });

  it('records "Last time" follow-ups, ticked or not, and marks ticked commitments done', () => {
    const s = summarizeEntry('entries/2026/2026-11-25-end-of-day.md', "## Last time\n- [x] Pair on the flaky test\n- [ ] Block focus time\n## One thing I'll do differently\n- [x] Did it already\n- Ask earlier\n");
    assert.deepEqual(s.followUps, [
      { text: 'Pair on the flaky test', done: true },
      { text: 'Block focus time', done: false },
    ]);
    assert.deepEqual(s.items.map((i) => [i.text, i.done === true]), [
      ['Did it already', true],
      ['Ask earlier', false],
    ]);
  });
});
