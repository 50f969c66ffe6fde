// The people part of Growth Notes as the tree shows it: requests open then answered, open promises
// by due date, and each person with their feedback, requests, promises, help and last day seen.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { parseAnswers } from '../../../../src/core/people/feedbackAnswers';
import { parseRequests } from '../../../../src/core/people/feedbackRequests';
import { parsePeople } from '../../../../src/core/people/peopleNames';
import { PeopleReader } from '../../../../src/core/people/peopleJournal';
import { PeopleRow, peopleView, PeopleViewInput } from '../../../../src/core/people/peopleView';
import { tempDir } from '../../fixtures';

const FILES: Record<string, string> = {
  // Tuesday.
  '2026-12-01': [
    '## Feedback I got or asked for',
    '- [ ] Asked @sam about the incident review: “Was the timeline clear?” (follow up 2026-12-03)',
    '- [ ] Asked @priya about the design doc (follow up 2026-12-08)',
    '- From Ana: Clearer PR descriptions, please',
    '',
    '## Helped others',
    '- Paired with @sam on the flaky deploy test',
    '- Reviewed the onboarding doc',
    '',
    "## One thing I'll do differently",
    '- [ ] Share the roadmap with @priya by 2026-12-10',
    '- [ ] send @sam the runbook by Fri',
    '',
  ].join('\n'),
  '2026-12-02': [
    '## Feedback I got or asked for',
    "- @priya's feedback on the design doc: “The risks section needs owners.”",
    '  - How I took it: Fair.',
    '',
    '## What went well?',
    '- Lunch with Dana',
    '',
  ].join('\n'),
};
const PEOPLE = '- Priya Kumar: @priya, PK\n- Sam Lee: @sam\n- Dana\n- Omar\n';

const rel = (date: string): string => `entries/2026/${date}-end-of-day.md`;

function input(today: string, extra: Partial<PeopleViewInput> = {}): PeopleViewInput {
  const entries: IndexedEntry[] = Object.entries(FILES).map(([date, text]) => ({ ...summarizeEntry(rel(date), text), mtimeMs: 1, size: text.length }));
  return {
    today,
    entries,
    requests: Object.entries(FILES).flatMap(([date, text]) => parseRequests(text, date, rel(date))),
    answers: Object.entries(FILES).flatMap(([date, text]) => parseAnswers(text, date, rel(date))),
    people: parsePeople(PEOPLE),
    ...extra,
  };
}

const shown = (rows: readonly PeopleRow[]): string[][] => rows.map((r) => [r.label, r.description]);
const lineOf = (date: string, start: string): number => FILES[date].split('\n').findIndex((l) => l.startsWith(start));

describe('people view (Growth Notes)', () => {
  it('Feedback asked: open requests first, "follow-up due" when their day has come, then the answered ones', () => {
    const view = peopleView(input('2026-12-04'));
    assert.deepEqual(shown(view.asked), [
      ['Sam Lee about the incident review', 'follow-up due · asked 1 Dec'],
      ['Priya Kumar about the design doc', 'answered 2 Dec'],
    ]);
    assert.deepEqual(view.askedCounts, { due: 1, waiting: 0, answered: 1 });
    assert.deepEqual(view.asked.map((r) => [r.state, r.path, r.line]), [
      ['due', rel('2026-12-01'), lineOf('2026-12-01', '- [ ] Asked @sam')],
      ['done', rel('2026-12-01'), lineOf('2026-12-01', '- [ ] Asked @priya')],
    ]);
    assert.match(view.asked[0].tooltip, /“Was the timeline clear\?”/);
    // Before its day, a request is waiting.
    assert.deepEqual(shown(peopleView(input('2026-12-02')).asked)[0], ['Sam Lee about the incident review', 'asked 1 Dec · follow up 3 Dec']);
  });

  it('Promises: the open ones, soonest due first; overdue once the day has passed; a ticked one goes', () => {
    assert.deepEqual(shown(peopleView(input('2026-12-04')).promises), [
      ['send @sam the runbook by Fri', 'due today'],
      ['Share the roadmap with @priya by 2026-12-10', 'due 10 Dec'],
    ]);
    const later = peopleView(input('2026-12-07'));
    assert.deepEqual(shown(later.promises)[0], ['send @sam the runbook by Fri', 'overdue · due 4 Dec']);
    assert.equal(later.overdue, 1);
    assert.equal(later.promises[0].line, lineOf('2026-12-01', '- [ ] send @sam'));

    const ticked = input('2026-12-07');
    const text = `## Last time\n- [x] send @sam the runbook by Fri\n`;
    ticked.entries = [...ticked.entries, { ...summarizeEntry(rel('2026-12-03'), text), mtimeMs: 1, size: text.length }];
    assert.deepEqual(shown(peopleView(ticked).promises), [['Share the roadmap with @priya by 2026-12-10', 'due 10 Dec']]);
  });

  it('People: each person with feedback from them, requests to them, promises to them and help given, most recently seen first', () => {
    const view = peopleView(input('2026-12-04'));
    assert.deepEqual(view.people.map((p) => [p.name, p.description]), [
      ['Dana', 'last seen 2 Dec'],
      ['Priya Kumar', 'last seen 2 Dec · 1 open'],
      ['Ana', 'last seen 1 Dec'],
      ['Sam Lee', 'last seen 1 Dec · 2 open'],
      ['Omar', 'not in an entry yet'],
    ]);
    const sam = view.people.find((p) => p.name === 'Sam Lee')!;
    assert.deepEqual(shown(sam.rows), [
      ['Asked about the incident review', 'follow-up due · asked 1 Dec'],
      ['send @sam the runbook by Fri', 'promise · due today'],
      ['Paired with @sam on the flaky deploy test', 'helped · 1 Dec'],
    ]);
    assert.deepEqual(sam.rows.map((r) => r.line), [lineOf('2026-12-01', '- [ ] Asked @sam'), lineOf('2026-12-01', '- [ ] send @sam'), lineOf('2026-12-01', '- Paired')]);
    assert.match(sam.tooltip, /1 request, 1 promise, helped 1 time\. Last seen 1 Dec\./);
    const priya = view.people.find((p) => p.name === 'Priya Kumar')!;
    assert.deepEqual(shown(priya.rows), [
      ['“The risks section needs owners.”', 'feedback · 2 Dec'],
      ['Asked about the design doc', 'answered 2 Dec'],
      ['Share the roadmap with @priya by 2026-12-10', 'promise · due 10 Dec'],
    ]);
    assert.equal(priya.rows[0].line, lineOf('2026-12-02', "- @priya's feedback"), 'their words, never the reaction under them');
    const ana = view.people.find((p) => p.name === 'Ana')!;
    assert.deepEqual(ana.rows.map((r) => [r.kind, r.line]), [['feedback', lineOf('2026-12-01', '- From Ana')]]);
    assert.deepEqual(view.people.find((p) => p.name === 'Dana')!.rows, [], 'in people.md and named in a win: seen, with nothing to list');
  });

  it('a period keeps what was written in it, and what is still open from before it', () => {
    const view = peopleView(input('2026-12-04', { period: { from: '2026-12-02' } }));
    assert.deepEqual(shown(view.asked), [['Sam Lee about the incident review', 'follow-up due · asked 1 Dec']]);
    assert.equal(view.promises.length, 2);
    const sam = view.people.find((p) => p.name === 'Sam Lee')!;
    assert.deepEqual(sam.rows.map((r) => r.kind), ['asked', 'promise'], 'the help of 1 Dec is outside the period');
    assert.equal(sam.lastSeen, '2026-12-01', 'the last day seen is not narrowed');
    assert.equal(view.people.find((p) => p.name === 'Ana'), undefined, 'named only before the period, and not in people.md');
  });

  it('an empty journal has nothing to show', () => {
    const view = peopleView({ today: '2026-12-04', entries: [], requests: [], answers: [] });
    assert.deepEqual(view, { asked: [], askedCounts: { due: 0, waiting: 0, answered: 0 }, promises: [], overdue: 0, people: [] });
  });
});

describe('people reader', () => {
  it('reads an entry again only when the index says it changed, and forgets removed ones', async () => {
    const journal = tempDir('reflect-people-view-');
    mkdirSync(path.join(journal, 'entries', '2026'), { recursive: true });
    writeFileSync(path.join(journal, 'people.md'), PEOPLE);
    const entries = Object.entries(FILES).map(([date, text]): IndexedEntry => {
      writeFileSync(path.join(journal, ...rel(date).split('/')), text);
      return { ...summarizeEntry(rel(date), text), mtimeMs: 1, size: text.length };
    });
    const reader = new PeopleReader();
    const first = await reader.read(journal, entries);
    assert.deepEqual(first.requests.map((r) => r.person), ['@sam', '@priya']);
    assert.deepEqual(first.answers.map((a) => a.words), ['The risks section needs owners.']);
    assert.equal(first.people.byKey.get('sam'), 'Sam Lee');

    // Changed on disk, but the index has not seen it: the last reading stands.
    const file = path.join(journal, ...rel('2026-12-01').split('/'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('Asked @sam', 'Asked @omar'));
    assert.deepEqual((await reader.read(journal, entries)).requests.map((r) => r.person), ['@sam', '@priya']);
    // The index saw it: read again.
    const changed = entries.map((e) => (e.path === rel('2026-12-01') ? { ...e, mtimeMs: 2 } : e));
    assert.deepEqual((await reader.read(journal, changed)).requests.map((r) => r.person), ['@omar', '@priya']);
    // Removed from the index: its lines go.
    const removed = await reader.read(journal, changed.filter((e) => e.path !== rel('2026-12-01')));
    assert.deepEqual([removed.requests.length, removed.answers.length], [0, 1]);
    rmSync(journal, { recursive: true, force: true });
  });
});
