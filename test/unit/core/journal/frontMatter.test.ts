import * as assert from 'node:assert/strict';
import { parseMarkdown, renderFrontMatter } from '../../../../src/core/journal/frontMatter';

describe('front matter', () => {
  it('reads YAML front matter and the body after it', () => {
    const parsed = parseMarkdown('---\ntype: end-of-day\ndate: 2026-11-25\nenergy: 4\ntags: [focus, oncall]\n---\n# Title\n- a\n');
    assert.deepEqual(parsed.data, { type: 'end-of-day', date: '2026-11-25', energy: 4, tags: ['focus', 'oncall'] });
    assert.equal(parsed.body, '# Title\n- a\n');
    assert.equal(parsed.bodyLine, 6);
    assert.equal(parsed.error, undefined);
  });

  it('tolerates a BOM and CRLF line endings', () => {
    const parsed = parseMarkdown('\ufeff---\r\ntype: weekly\r\n---\r\n## What went well?\r\n- shipped\r\n');
    assert.deepEqual(parsed.data, { type: 'weekly' });
    assert.equal(parsed.body, '## What went well?\n- shipped\n');
  });

  it('treats a file without front matter as all body', () => {
    const parsed = parseMarkdown('# Just notes\n---\nnot front matter\n');
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.body, '# Just notes\n---\nnot front matter\n');
  });

  it('keeps the body and reports why when the YAML is broken', () => {
    const parsed = parseMarkdown('---\ntype: [unclosed\n---\nbody\n');
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.body, 'body\n');
    assert.ok(parsed.error);
  });

  it('reads a YAML alias bomb as broken front matter, without expanding it or throwing', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const parsed = parseMarkdown(`---\n${levels.join('\n')}\n---\n## Wins\n- still read\n`);
    assert.deepEqual(parsed.data, {});
    assert.match(parsed.error ?? '', /could not be read/);
    assert.equal(parsed.body, '## Wins\n- still read\n');
  });

  it('reports an unclosed block instead of swallowing the file', () => {
    const parsed = parseMarkdown('---\ntype: x\nno end\n');
    assert.match(parsed.error ?? '', /closing/);
    assert.equal(parsed.body, '---\ntype: x\nno end\n');
  });

  it('rejects front matter that is not a mapping', () => {
    assert.match(parseMarkdown('---\n- a\n- b\n---\n').error ?? '', /key: value/);
  });

  it('renders an empty energy field with a comment, and quotes values YAML would misread', () => {
    const text = renderFrontMatter({ type: 'end-of-day', date: '2026-11-25', workspace: 'api: v2', energy: null, tags: [] }, { energy: '1 (drained) to 5 (energized)' });
    assert.equal(text, '---\ntype: end-of-day\ndate: 2026-11-25\nworkspace: "api: v2"\nenergy: # 1 (drained) to 5 (energized)\ntags: []\n---\n');
    assert.deepEqual(parseMarkdown(text + 'body').data, { type: 'end-of-day', date: '2026-11-25', workspace: 'api: v2', energy: null, tags: [] });
  });
});
