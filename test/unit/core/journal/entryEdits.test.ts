import * as assert from 'node:assert/strict';
import { addBulletEdit, applyLineEdit, setEnergyEdit } from '../../../../src/core/journal/entryEdits';
import { renderBuiltInRetro } from '../../../../src/core/retro/retroDraft';
import { builtInTemplate } from '../../../../src/core/retro/retroTemplates';
import { WEDNESDAY_EVENING } from '../../fixtures';

const add = (text: string, kind: Parameters<typeof addBulletEdit>[1], bullet: string): string => applyLineEdit(text, addBulletEdit(text, kind, bullet));

describe('adding a bullet under a heading', () => {
  it('fills the empty placeholder of a fresh retro, then appends after the last item', () => {
    const fresh = renderBuiltInRetro(builtInTemplate('end-of-day')!, { date: WEDNESDAY_EVENING, workspace: 'shop' }).text;
    const once = add(fresh, 'wentWell', 'Shipped the fix');
    assert.match(once, /## What went well\?\n- Shipped the fix\n\n## What didn't/);
    const twice = add(once, 'wentWell', 'Helped Sam');
    assert.match(twice, /## What went well\?\n- Shipped the fix\n- Helped Sam\n\n## What didn't/);
    assert.equal(twice.split('\n').length, fresh.split('\n').length + 1);
  });

  it('keeps nested lines with the item they belong to', () => {
    const text = '## Feedback I got or asked for\n- From Ana: tighter PRs\n  - she meant the diff size\n\n## Next\n';
    assert.equal(add(text, 'feedback', 'From Sam: more context'), '## Feedback I got or asked for\n- From Ana: tighter PRs\n  - she meant the diff size\n- From Sam: more context\n\n## Next\n');
  });

  it('adds the section at the end when the entry does not have it', () => {
    assert.equal(add('## What went well?\n- a\n', 'learned', 'Jitter'), '## What went well?\n- a\n\n## What did I learn?\n- Jitter\n');
  });

  it('keeps CRLF line endings and flattens a multi-line capture to one bullet', () => {
    assert.equal(add('## What went well?\r\n- a\r\n', 'wentWell', 'two\nlines'), '## What went well?\r\n- a\r\n- two lines\r\n');
  });

  it('never lets a capture start a heading of its own: a lone CR or a Unicode line separator is folded too', () => {
    for (const sep of ['\r', '\u2028', '\u2029', '\r\r\n']) {
      const out = add('## What went well?\n- a\n', 'wentWell', `hello${sep}## Injected${sep}- x`);
      assert.equal(out, '## What went well?\n- a\n- hello ## Injected - x\n', JSON.stringify(sep));
    }
  });
});

describe('setting today\'s energy', () => {
  it('sets energy in the front matter, keeping the template\'s comment and the line endings', () => {
    const template = '---\ntype: end-of-day\nenergy: # 1 (drained) to 5 (energized)\ntags: []\n---\n# x\n';
    assert.equal(applyLineEdit(template, setEnergyEdit(template, 4)!), template.replace('energy: #', 'energy: 4 #'));
    const set = '---\r\nenergy: 2\r\n---\r\nbody\r\n';
    assert.equal(applyLineEdit(set, setEnergyEdit(set, 5)!), '---\r\nenergy: 5\r\n---\r\nbody\r\n');
    assert.equal(setEnergyEdit(set, 2), undefined, 'already 2: nothing to do');
    assert.equal(applyLineEdit('---\ntype: x\n---\nbody', setEnergyEdit('---\ntype: x\n---\nbody', 3)!), '---\ntype: x\nenergy: 3\n---\nbody');
    assert.equal(applyLineEdit('Just notes\n', setEnergyEdit('Just notes\n', 1)!), '---\nenergy: 1\n---\nJust notes\n');
    assert.throws(() => setEnergyEdit('---\nenergy:\n  3\n---\n', 4), /spans several lines/);
    assert.throws(() => setEnergyEdit('---\nenergy: 3\n', 4), /no closing ---/);
  });
});
