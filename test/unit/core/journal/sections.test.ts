import * as assert from 'node:assert/strict';
import { entryPreview, searchableText } from '../../../../src/core/panel/entrySearch';
import { editDistance, headingOf, sectionKindOf, splitSections } from '../../../../src/core/journal/sections';
import { groupOfSection } from '../../../../src/shared/noteKinds';

const groupOf = (heading: string): string | undefined => {
  const kind = sectionKindOf(heading);
  return kind && (groupOfSection(kind) ?? kind);
};

describe('headings by meaning', () => {
  it('knows the synonyms people write for each kind of note', () => {
    const cases: [string, string | undefined][] = [
      ['Highlights', 'wins'],
      ['Went well', 'wins'],
      ['The good', 'wins'],
      ['Continue doing', 'wins'],
      ['Lowlights', 'setbacks'],
      ["What didn't go well?", 'setbacks'],
      ['What hurt?', 'setbacks'],
      ['meh', 'setbacks'],
      ['Lacked', 'setbacks'],
      ['Longed for', 'setbacks'],
      ['TIL', 'lessons'],
      ['Today I learned', 'lessons'],
      ['Next time', 'changes'],
      ['Try', 'changes'],
      ['Start doing', 'changes'],
      ['Stop doing', 'changes'],
      ['What gave me energy', 'energizers'],
      ['Feedback', 'feedback'],
      ['Last time', 'lastTime'],
      ['Worked on', 'workedOn'],
      ['The sprint as a whole', 'sprintOverall'],
      ['Helped others', 'helping'],
      ['Helped', 'helping'],
      ['Who I helped', 'helping'],
      ['🤝 Mentoring', 'helping'],
      ['People I helped this week', 'helping'],
      ['Unblocked teammates', 'helping'],
      ['What helped me focus', undefined],
      ['Random thoughts', undefined],
      ['Monday standup', undefined],
    ];
    for (const [heading, group] of cases) assert.equal(groupOf(heading), group, heading);
  });

  it('ignores case, punctuation, emoji and curly quotes', () => {
    assert.equal(groupOf('## 🎉 WINS!!'.replace(/^## /, '')), 'wins');
    assert.equal(groupOf('😩 What drained me'), 'drains');
    assert.equal(groupOf('💡 TIL'), 'lessons');
    assert.equal(groupOf('What didn’t go well'), 'setbacks');
  });

  it('forgives a small typo, but not a different word', () => {
    assert.equal(groupOf('What drainned me'), 'drains');
    assert.equal(groupOf('What wnet well'), 'wins');
    assert.equal(groupOf('What did I lern?'), 'lessons');
    assert.equal(editDistance('drainned', 'drained'), 1);
    assert.equal(editDistance('wnet', 'went'), 1, 'an adjacent swap is one edit');
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'stops counting past the limit');
  });

  it('reads ### headings like ## ones; an unknown ### stays inside its section; an unknown # ends it', () => {
    const md = ['### went well', '- shipped it', '### details', '- more on it', '### drained', '- pager', '# Appendix', '- not a note'].join('\n');
    const sections = splitSections(md);
    assert.deepEqual(
      sections.map((s) => [s.kind, s.lines.filter((l) => l.startsWith('- '))]),
      [
        ['wentWell', ['- shipped it', '- more on it']],
        ['drained', ['- pager']],
      ],
    );
  });

  it('takes a heading with closing #s and no backtracking on a hostile line', () => {
    assert.equal(splitSections('## Wins ##\n- a')[0].heading, 'Wins');
    const hostile = `## a${' '.repeat(20_000)}x`;
    const started = process.hrtime.bigint();
    splitSections(hostile);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1000, 'a 20,000-space heading splits in well under a second');
  });

  it('parses a heading line by hand: level, text, closing #s, CR, and nothing that is not a heading', () => {
    assert.deepEqual(headingOf('## What went well? ##'), { level: 2, text: 'What went well?' });
    assert.deepEqual(headingOf('### drained\r'), { level: 3, text: 'drained' });
    assert.deepEqual(headingOf('##'), { level: 2, text: '' });
    assert.deepEqual(headingOf('# C# tips'), { level: 1, text: 'C# tips' });
    assert.equal(headingOf('#tag'), undefined);
    assert.equal(headingOf('####### seven'), undefined);
  });

  it('search and previews stay fast on a hostile heading line (once cubic: 15 s at 4,000 spaces)', () => {
    const body = `# a${' '.repeat(20_000)}x\n## What went well?\n- shipped`;
    const started = process.hrtime.bigint();
    assert.equal(entryPreview(body), 'shipped', 'the headings are skipped, the answer is the preview');
    assert.match(searchableText(body), /shipped/);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1000, 'well under a second');
  });
});
