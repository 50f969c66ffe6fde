// The review's Influence section over the hand-written people journal (test/unit/core/people/fixtures):
// feedback asked and what came of it, promises to people kept and on time, and feedback received
// never counting a request.
import * as assert from 'node:assert/strict';
import { feedbackThemes } from '../../../../src/core/review/feedbackThemes';
import { influenceLines } from '../../../../src/core/review/influence';
import { fixtureJournalCopy, readJournal } from '../people/peopleJournal';

describe('review: influence', () => {
  it('counts requests, answers and follow-ups, and promises kept on time, with the lines that show them', async () => {
    const journal = await readJournal(fixtureJournalCopy());
    const lines = influenceLines(journal.entries, { from: '2026-11-16', to: '2026-12-10' }, '2026-12-10', journal);
    const text = lines.join('\n');
    assert.match(text, /^\*\*Feedback asked:\*\* 4 requests to 2 people; 1 answered, 2 to follow up\.$/m);
    assert.match(text, /^- Priya Kumar, about the design doc: answered 4 Dec \(\[2026-12-03\]\(\.\.\/entries\/2026\/2026-12-03-end-of-day\.md#L12\)\)$/m);
    assert.match(text, /^- Sam Lee, about my incident review: follow-up due/m);
    assert.match(text, /^\*\*Promises to people:\*\* Promises kept: 2 of 4, 1 on time\.$/m);
    assert.match(text, /^- Send @priya the on-call handover notes by Fri · due 27 Nov, kept 1 Dec, late/m);
    assert.match(text, /^- Send @priya the talk slides by tomorrow · due 9 Dec, open, overdue/m);
    assert.match(text, /^- Send Sam the runbook draft by Monday · due 7 Dec, open, overdue/m);
    assert.equal(text.split('on-call handover notes').length - 1, 1, 'a promise carried into later retros is one promise');
    assert.doesNotMatch(text, /sharding plan/, 'a promise kept on time is counted, not listed');
  });

  it('counts the help given, and to whom', () => {
    const entries = [
      { date: '2026-12-01', path: 'entries/2026/2026-12-01-end-of-day.md', type: 'end-of-day', tags: [], mtimeMs: 0, size: 0, followUps: [],
        items: [{ group: 'helping' as const, text: 'Paired with @sam on his first on-call handover', line: 9 }, { group: 'wins' as const, text: 'Shipped it', line: 5 }] },
      { date: '2026-12-02', path: 'entries/2026/2026-12-02-end-of-day.md', type: 'end-of-day', tags: [], mtimeMs: 0, size: 0, followUps: [],
        items: [{ group: 'helping' as const, text: 'Reviewed Ana\'s design doc the same day', line: 7 }] },
    ];
    const lines = influenceLines(entries as unknown as Parameters<typeof influenceLines>[0], { from: '2026-12-01', to: '2026-12-31' }, '2026-12-10', undefined);
    assert.equal(lines[0], '**Help given:** 2 times, to 1 person.');
    assert.equal(lines[2], '- Paired with @sam on his first on-call handover ([2026-12-01](../entries/2026/2026-12-01-end-of-day.md#L10))');
  });

  it('says nothing when nothing was asked and no promise had a day', async () => {
    const journal = await readJournal(fixtureJournalCopy());
    assert.deepEqual(influenceLines(journal.entries, { from: '2025-01-01', to: '2025-01-31' }, '2026-12-10', journal), []);
  });

  it('feedback themes quote what was said, never a request for feedback', async () => {
    const journal = await readJournal(fixtureJournalCopy());
    const { themes, other } = feedbackThemes(journal.entries, { from: '2026-11-16', to: '2026-12-10' });
    const quotes = [...themes.flatMap((t) => t.quotes), ...other].map((q) => q.text);
    assert.ok(quotes.some((q) => /risks section needs owners/.test(q)), quotes.join('\n'));
    assert.ok(!quotes.some((q) => /^Asked /.test(q)), quotes.join('\n'));
  });
});
