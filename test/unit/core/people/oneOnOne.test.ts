// The 1:1 document, against a golden file prepared from a small hand-written journal
// (fixtures/journal): what a user reads, section by section, and what comes back next time.
// After a deliberate change to the document, UPDATE_GOLDEN=1 rewrites the golden file: read its diff.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { carriedFrom, energyLine, latestOneOnOne, oneOnOnePath, prepareOneOnOne } from '../../../../src/core/people/oneOnOne';
import { promisesIn } from '../../../../src/core/people/promises';
import { FIXTURES, fixtureJournalCopy, PeopleJournal, readJournal } from './peopleJournal';

const GOLDEN = path.join(FIXTURES, '2026-12-10-priya-kumar.golden.md');

function prepare(journal: PeopleJournal, person: string, since: string, today: string, previous?: string): string {
  return prepareOneOnOne({ person, since, today, entries: journal.entries, requests: journal.requests, answers: journal.answers,
    promises: promisesIn(journal.entries, journal.people), goals: journal.goals, notes: journal.notes, people: journal.people, ...(previous !== undefined ? { previous } : {}) });
}

/** The lines of one `##` section of a document. */
function section(doc: string, heading: string): string[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l === `## ${heading}`);
  assert.ok(start >= 0, `no section "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
}

describe('1:1 preparation', () => {
  it('prepares the 1:1 with Priya from the journal, as the golden file has it, and writes it where the next one finds it', async () => {
    const folder = fixtureJournalCopy();
    const journal = await readJournal(folder);
    const names = readdirSync(path.join(folder, 'one-on-ones'));
    const last = latestOneOnOne(names, 'priya', '2026-12-10', journal.people);
    assert.deepEqual(last, { name: '2026-11-26-priya-kumar.md', date: '2026-11-26' });
    const previous = readFileSync(path.join(folder, 'one-on-ones', last!.name), 'utf8');
    const doc = prepare(journal, '@priya', last!.date, '2026-12-10', previous);
    const file = oneOnOnePath(folder, 'Priya Kumar', '2026-12-10');
    assert.equal(file, path.join(folder, 'one-on-ones', '2026-12-10-priya-kumar.md'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, doc);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, doc);
    assert.equal(readFileSync(file, 'utf8'), readFileSync(GOLDEN, 'utf8'));
  });

  it('quotes their words only, lists requests and promises to that person, and what I noted for the 1:1 without its tag', async () => {
    const journal = await readJournal(fixtureJournalCopy());
    const doc = prepare(journal, 'Priya Kumar', '2026-11-26', '2026-12-10');
    const feedback = section(doc, 'Feedback received').join('\n');
    assert.match(feedback, /Priya Kumar: “The risks section needs owners\. Otherwise it reads well\.”/);
    assert.match(feedback, /Dana said the rollout notes were vague/);
    for (const reaction of ['rushed', 'Stung', 'tbh', 'fair', 'How I took it']) assert.ok(!feedback.includes(reaction), `"${reaction}" is a reaction`);
    assert.deepEqual(section(doc, 'Promises to Priya Kumar').map((l) => l.slice(0, 5) + l.slice(l.indexOf(' · '))), [
      '- [x] · due 27 Nov, kept 1 Dec, late',
      '- [x] · due 4 Dec, kept 4 Dec, on time',
      '- [ ] · due 9 Dec, open, overdue',
    ]);
    assert.ok(!doc.includes('runbook draft'), 'a promise to Sam is not one to Priya');
    const asked = section(doc, 'Feedback I asked for');
    assert.ok(asked.some((l) => l.startsWith('- [x] Priya Kumar, about the design doc') && l.endsWith('answered 4 Dec')), asked.join('\n'));
    assert.ok(asked.some((l) => l.startsWith('- [ ] Sam Lee, about the on-call runbook') && l.endsWith('follow up was due 8 Dec')), asked.join('\n'));
    assert.deepEqual(section(doc, 'For my 1:1'), ['- Unblocked Sam on the ledger migration · 1 Dec', '- Ask about the promotion timeline · 1 Dec', '- Paged at 3am twice this week · 9 Dec']);
    assert.deepEqual(section(doc, 'Carried from last time'), ['Nothing carried.'], 'no previous 1:1 given');
    assert.deepEqual(section(doc, 'Asks'), ['- [ ] ']);
  });

  it('carries forward what was asked and not ticked, and only that, into the next 1:1', async () => {
    const folder = fixtureJournalCopy();
    const journal = await readJournal(folder);
    const first = prepare(journal, 'Priya Kumar', '2026-11-26', '2026-12-10', readFileSync(path.join(folder, 'one-on-ones', '2026-11-26-priya-kumar.md'), 'utf8'));
    assert.deepEqual(section(first, 'Carried from last time'), ['- [ ] Clarity on who owns the ledger service', '- [ ] Hiring loop load', '- [ ] Feedback on my first design review']);
    // In the meeting: one carried item is settled, and two asks are written down, one of them settled too.
    const edited = first
      .replace('- [ ] Clarity on who owns the ledger service', '- [x] Clarity on who owns the ledger service')
      .replace('## Asks\n\n- [ ] ', '## Asks\n\n- [ ] Headcount for Q1\n- [x] A mentor outside the team\n\n## To discuss\n\n- The on-call load');
    writeFileSync(oneOnOnePath(folder, '@priya', '2026-12-10', journal.people), edited);
    const names = readdirSync(path.join(folder, 'one-on-ones'));
    const last = latestOneOnOne(names, 'PK', '2026-12-24', journal.people);
    assert.deepEqual(last, { name: '2026-12-10-priya-kumar.md', date: '2026-12-10' });
    const next = prepare(journal, 'Priya Kumar', last!.date, '2026-12-24', readFileSync(path.join(folder, 'one-on-ones', last!.name), 'utf8'));
    assert.deepEqual(section(next, 'Carried from last time'), ['- [ ] Hiring loop load', '- [ ] Feedback on my first design review', '- [ ] Headcount for Q1', '- [ ] The on-call load']);
    assert.deepEqual(carriedFrom(next), ['Hiring loop load', 'Feedback on my first design review', 'Headcount for Q1', 'The on-call load'], 'and on to the one after');
  });

  it('a 1:1 with someone else finds only their documents', () => {
    assert.equal(latestOneOnOne(['2026-12-01-sam-lee.md', '2026-12-03-priya-kumar-2.md', 'notes.md'], 'Priya Kumar', '2026-12-24'), undefined);
    assert.deepEqual(latestOneOnOne(['2026-11-01-priya-kumar.md', '2026-12-01-priya-kumar.md', '2026-12-24-priya-kumar.md'], 'Priya Kumar', '2026-12-24'), { name: '2026-12-01-priya-kumar.md', date: '2026-12-01' });
  });

  it('energy: the average, and a trend only when the second half differs by half a point or more', () => {
    const e = (energy: number[]): { date: string; path: string; energy: number }[] => energy.map((n, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, path: 'p', energy: n }));
    assert.equal(energyLine([]), 'No energy recorded.');
    assert.equal(energyLine(e([4, 2])), '3.0 on average over 2 entries; too few for a trend.');
    assert.equal(energyLine(e([4, 4, 3, 2, 2])), '3.0 on average over 5 entries; falling (4.0 in the first half, 2.0 in the second).');
    assert.equal(energyLine(e([3, 3, 3, 3.4])), '3.1 on average over 4 entries; steady (3.0 in the first half, 3.2 in the second).');
  });
});
