import * as assert from 'node:assert/strict';
import { parseGoals } from '../../../../src/core/growth/goals';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { goalEvidence } from '../../../../src/core/review/goalEvidence';

type Sections = Partial<Record<'wins' | 'drains' | 'goals' | 'setbacks', string[]>>;
const HEADINGS = { wins: 'What went well?', drains: 'What drained me?', goals: 'Progress on my goals', setbacks: "What didn't go well?" };

const entry = (date: string, sections: Sections): IndexedEntry => {
  const body = Object.entries(sections)
    .map(([group, lines]) => `## ${HEADINGS[group as keyof Sections]}\n${lines.map((l) => `- ${l}`).join('\n')}\n`)
    .join('\n');
  return { ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, `---\ntype: end-of-day\n---\n${body}`), mtimeMs: 0, size: 0 };
};

/** Ana, a frontend engineer: twenty ordinary days that mention tests a lot and goals rarely. */
const background = (): IndexedEntry[] =>
  Array.from({ length: 20 }, (_, i) =>
    entry(`2026-03-${String(i + 2).padStart(2, '0')}`, {
      wins: [i % 2 ? 'fixed the flaky login test' : 'merged the date picker refactor', `paired with Kofi on ticket ${i}`],
      drains: [i % 3 ? 'tests timing out on CI' : 'standup ran long'],
    }),
  );

const PERIOD = { from: '2026-03-01', to: '2026-04-30' };
const one = (goalsMd: string, entries: IndexedEntry[]) => goalEvidence(parseGoals(goalsMd), entries, PERIOD)[0];

describe('goalEvidence', () => {
  it('finds the lines about a goal in other word forms, oldest first', () => {
    const entries = [
      ...background(),
      entry('2026-04-02', { wins: ['published the audit of our accessibility issues'] }),
      entry('2026-03-25', { goals: ['accessible colour contrast on all buttons now'] }),
      entry('2026-03-27', { setbacks: ['the a11y audit slipped a week'] }),
    ];
    const g = one('- [ ] Publish an accessibility audit of the checkout', entries);
    assert.deepEqual(g.lines.map((l) => [l.date, l.group]), [
      ['2026-03-25', 'goals'],
      ['2026-03-27', 'setbacks'],
      ['2026-04-02', 'wins'],
    ]);
    assert.deepEqual(g.matchedBy[0], ['accessible']);
    assert.equal(g.verdict, 'open');
  });

  it('reads a short form of a goal word ("cert" for "certification"), but not a longer word that starts like one', () => {
    const entries = [...background(), entry('2026-03-11', { goals: ['booked the cert exam for April'] }), entry('2026-03-12', { wins: ['a retroactive fix to the price rules'] })];
    assert.deepEqual(one('- [ ] Get the cloud security certification', entries).lines.map((l) => l.text), ['booked the cert exam for April']);
    assert.deepEqual(one('- [ ] Run the guild retro', entries).lines, []);
  });

  it('does not take one common word for the goal, but takes a rare one', () => {
    const entries = [...background(), entry('2026-03-30', { wins: ['added tests for the settings page', 'coverage report now runs on every PR'] })];
    const g = one('- [ ] Raise frontend test coverage', entries);
    // "test" is in most of Ana's lines: alone it says nothing about the goal; "coverage" is rare.
    assert.deepEqual(g.lines.map((l) => l.text), ['coverage report now runs on every PR']);
  });

  it('counts two of the goal words together even when each is common', () => {
    const entries = [...background(), entry('2026-03-30', { wins: ['the login test on CI is finally stable'] })];
    assert.deepEqual(one('- [ ] Make the CI login test stable', entries).lines.map((l) => l.date), [
      ...Array.from({ length: 10 }, (_, i) => `2026-03-${String(2 * i + 3).padStart(2, '0')}`),
      '2026-03-30',
    ]);
  });

  it('finds a line by the goal tag written in it', () => {
    const entries = [...background(), entry('2026-03-28', { wins: ['fixed focus rings on the menu #a11y'] })];
    const g = one('- [ ] Publish an accessibility audit #a11y', entries);
    assert.deepEqual(g.lines.map((l) => l.text), ['fixed focus rings on the menu #a11y']);
  });

  it('flags a goal that entries show achieved, and never calls it done', () => {
    const entries = [...background(), entry('2026-03-24', { goals: ['presented the design system talk on my own'] })];
    const g = one('- [ ] Present the design system at the guild', entries);
    assert.equal(g.verdict, 'looks-achieved');
    assert.equal(g.because?.date, '2026-03-24');
    assert.equal(g.cue, 'on my own');
    assert.match(g.note, /^looks achieved — mark done\? 24 Mar: "presented the design system talk on my own" \("on my own"\)$/);
  });

  it('reads a number under the goal target as reached, and one above it as not', () => {
    const goal = '- [ ] Get the bundle under 200kb';
    const above = [...background(), entry('2026-03-10', { goals: ['bundle at 260kb, under 300kb at least'] })];
    assert.equal(one(goal, above).verdict, 'open');
    const under = [...above, entry('2026-03-20', { goals: ['bundle under 180kb after dropping moment.js'] })];
    const g = one(goal, under);
    assert.equal(g.verdict, 'looks-achieved');
    assert.equal(g.cue, 'under 180kb');
  });

  it('flags a goal given up on, and lets a later achievement win over an earlier doubt', () => {
    const goal = '- [ ] Learn Rust with the rustlings exercises';
    const dropped = [...background(), entry('2026-03-12', { goals: ['rustlings: 20 of 94'] }), entry('2026-03-19', { goals: ['giving up on rustlings, no time this quarter'] })];
    const g = one(goal, dropped);
    assert.equal(g.verdict, 'abandoned');
    assert.match(g.note, /^looks abandoned — 19 Mar: "giving up on rustlings, no time this quarter" \("giving up"\)/);
    const back = [...dropped, entry('2026-04-10', { goals: ['finished rustlings after all'] })];
    assert.equal(one(goal, back).verdict, 'looks-achieved');
  });

  it('does not read "not done" or "almost finished" as achieved', () => {
    const entries = [...background(), entry('2026-03-20', { goals: ['rustlings not done yet', 'rustlings almost finished'] })];
    assert.equal(one('- [ ] Learn Rust with the rustlings exercises', entries).verdict, 'open');
  });

  it('gives a cue line to the goal it names most strongly', () => {
    const goals = parseGoals('- [ ] Learn Rust with the rustlings exercises\n- [ ] Ship the checkout redesign');
    const entries = [...background(), entry('2026-03-20', { goals: ['not doing the rust exercises, the checkout work comes first'] })];
    const [rust, checkout] = goalEvidence(goals, entries, PERIOD);
    assert.equal(rust.verdict, 'abandoned');
    assert.equal(checkout.lines.length, 1);
    assert.equal(checkout.verdict, 'open');
  });

  it('calls a ticked goal done, whatever the lines say', () => {
    const entries = [...background(), entry('2026-03-20', { goals: ['giving up on rustlings for a week'] })];
    const g = one('- [x] Learn Rust with the rustlings exercises', entries);
    assert.equal(g.verdict, 'done');
    assert.equal(g.because, undefined);
    assert.match(g.note, /^done \(ticked in goals\.md\)/);
  });

  it('says when nothing was written, and when nothing was written lately', () => {
    assert.deepEqual(
      [one('- [ ] Write a blog post about hydration', background())].map((g) => [g.verdict, g.lines, g.note]),
      [['open', [], 'nothing written about it in this period']],
    );
    const stale = [entry('2026-03-01', { goals: ['outlined the hydration blog post'] }), ...background(), entry('2026-04-20', { wins: ['quiet day'] })];
    assert.equal(one('- [ ] Write a blog post about hydration', stale).note, 'no progress written since 1 Mar');
    assert.deepEqual(goalEvidence([], stale, PERIOD), []);
  });

  it('reads only the period', () => {
    const entries = [...background(), entry('2026-05-04', { goals: ['finished rustlings'] })];
    assert.equal(one('- [ ] Learn Rust with the rustlings exercises', entries).lines.length, 0);
  });
});
