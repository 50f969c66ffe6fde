import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { parsePeople } from '../../../../src/core/people/peopleNames';
import { dueDateIn, PersonPromise, promiseOutcomes, promisesIn, promiseStats, promiseSummary, ticksIn } from '../../../../src/core/people/promises';

const PEOPLE = parsePeople('- Sam Lee: @sam, Samuel\n- Priya Kumar: @priya, PK\n');
const WEDNESDAY = '2026-12-02';

function entry(date: string, sections: Record<string, string[]>): ReturnType<typeof summarizeEntry> {
  const body = Object.entries(sections).map(([heading, lines]) => `## ${heading}\n${lines.join('\n')}\n`).join('\n');
  return summarizeEntry(`entries/2026/${date}-end-of-day.md`, `---\ntype: end-of-day\n---\n${body}`);
}
const CHANGE = "One thing I'll do differently";

describe('promises to people', () => {
  it('reads the day a promise is due by, from the date of the entry it is written in', () => {
    const due = (text: string, date = WEDNESDAY): string | undefined => dueDateIn(text, date)?.due;
    assert.equal(due('send Sam the runbook by Fri'), '2026-12-04');
    assert.equal(due('send Sam the runbook by Friday'), '2026-12-04');
    assert.equal(due('send Sam the runbook by FRI.'), '2026-12-04');
    assert.equal(due('send Sam the runbook by 2026-12-05'), '2026-12-05');
    assert.equal(due('send Sam the runbook by tomorrow'), '2026-12-03');
    assert.equal(due('send Sam the runbook by end of week'), '2026-12-04');
    assert.equal(due('send Sam the runbook by the end of the week'), '2026-12-04');
    assert.equal(due('send Sam the runbook by EOD'), WEDNESDAY);
    assert.equal(due('send Sam the runbook by end of month'), '2026-12-31');
    assert.equal(due('send Sam the runbook by Monday'), '2026-12-07');
    assert.equal(dueDateIn('send Sam the runbook by Fri', WEDNESDAY)?.words, 'by Fri');
  });

  it('a weekday is the next one after the entry’s day; the end of the week is that week’s Friday', () => {
    const due = (text: string, date: string): string | undefined => dueDateIn(text, date)?.due;
    assert.equal(due('by Wednesday', WEDNESDAY), '2026-12-09', 'written on a Wednesday: next week’s');
    assert.equal(due('by Fri', '2026-12-04'), '2026-12-11', 'written on a Friday: next week’s');
    assert.equal(due('by end of week', '2026-12-04'), '2026-12-04', 'on a Friday: that day');
    assert.equal(due('by end of week', '2026-12-05'), '2026-12-11', 'on a Saturday: the next Friday');
    assert.equal(due('by tomorrow', '2026-12-31'), '2027-01-01');
  });

  it('no day, no due date: "soon", "by friends", a date that does not exist', () => {
    for (const text of ['send Sam the runbook soon', 'stand by friends', 'by monthly review', 'by 2026-02-30', 'done by Sam']) assert.equal(dueDateIn(text, WEDNESDAY), undefined, text);
    assert.equal(dueDateIn('by Fri', 'not a date'), undefined);
  });

  it('finds the commitments that name someone and a day, in commitment sections only', () => {
    const entries = [
      entry(WEDNESDAY, {
        [CHANGE]: ['- [ ] send @sam the runbook by Fri', '- [ ] Review Samuel’s PR by tomorrow', '- [ ] Write the runbook by Fri', '- [ ] Pair with PK more often'],
        'What went well?': ['- Promised @priya the slides by Fri'],
      }),
      entry('2026-12-03', { [CHANGE]: ['- [ ] Send @sam the runbook by Fri'], 'Start doing': ['- [ ] Share notes with PK by end of week'] }),
    ];
    const promises = promisesIn(entries, PEOPLE);
    assert.deepEqual(promises.map((p) => [p.text, p.people, p.due, p.date]), [
      ['send @sam the runbook by Fri', ['Sam Lee'], '2026-12-04', WEDNESDAY],
      ['Review Samuel’s PR by tomorrow', ['Sam Lee'], '2026-12-03', WEDNESDAY],
      ['Share notes with PK by end of week', ['Priya Kumar'], '2026-12-04', '2026-12-03'],
    ], 'no person, no day, not a commitment, or the same words again: not a new promise');
    assert.deepEqual(promisesIn(entries).map((p) => p.people), [['Sam']], 'without the alias list only handles name someone');
  });

  it('ticking keeps a promise: where it was written or in a later "Last time"; on time when that entry is dated by the due day', () => {
    const entries = [
      entry('2026-11-30', { [CHANGE]: ['- [x] Send @sam the runbook by tomorrow', '- [ ] Review @priya’s doc by Wed', '- [ ] Demo to @dana by Thu', '- [ ] Call @lee by Tue'] }),
      entry(WEDNESDAY, { 'Last time': ['- [x] Review @priya’s doc by Wed', '- [ ] Demo to @dana by Thu', '- [ ] Call @lee by Tue'] }),
      entry('2026-12-04', { 'Last time': ['- [x] Demo to @dana by Thu', '- [ ] Call @lee by Tue'] }),
    ];
    const promises = promisesIn(entries, PEOPLE);
    const outcomes = promiseOutcomes(promises, ticksIn(entries));
    assert.deepEqual(outcomes.map((o) => [o.promise.text, o.promise.due, o.kept, o.onTime]), [
      ['Send @sam the runbook by tomorrow', '2026-12-01', '2026-11-30', true],
      ['Review @priya’s doc by Wed', '2026-12-02', '2026-12-02', true],
      ['Demo to @dana by Thu', '2026-12-03', '2026-12-04', false],
      ['Call @lee by Tue', '2026-12-01', undefined, false],
    ]);
    assert.deepEqual(promiseStats(promises, ticksIn(entries)), { kept: 3, total: 4, onTime: 2 });
  });

  it('a tick written before the promise was made does not keep it', () => {
    const promise: PersonPromise = { text: 'Call @lee by Tue', people: ['Lee'], due: '2026-12-08', dueWords: 'by Tue', date: '2026-12-03', path: 'p.md', line: 5 };
    assert.deepEqual(promiseStats([promise], [{ text: 'call @lee  by tue', date: '2026-12-01' }]), { kept: 0, total: 1, onTime: 0 });
    assert.deepEqual(promiseStats([promise], [{ text: 'call @lee  by tue', date: '2026-12-09' }]), { kept: 1, total: 1, onTime: 0 }, 'same words, any case and spacing');
  });

  it('says it as the review will: "promises kept: 9 of 11, 7 on time"', () => {
    const promises: PersonPromise[] = Array.from({ length: 11 }, (_, i) => ({ text: `Send @sam item ${i} by Fri`, people: ['Sam'], due: '2026-12-04', dueWords: 'by Fri', date: WEDNESDAY, path: 'p.md', line: i }));
    const ticks = promises.slice(0, 9).map((p, i) => ({ text: p.text, date: i < 7 ? '2026-12-04' : '2026-12-07' }));
    assert.equal(promiseSummary(promiseStats(promises, ticks)), 'promises kept: 9 of 11, 7 on time');
  });
});
