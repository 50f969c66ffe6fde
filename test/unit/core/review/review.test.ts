import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseGoals } from '../../../../src/core/growth/goals';
import { IndexedEntry, JournalIndex } from '../../../../src/core/journal/journalIndex';
import { findPatterns } from '../../../../src/core/review/patterns';
import { normalizeReminderSettings } from '../../../../src/core/reminders/reminderSchedule';
import { renderReview, retrosDue } from '../../../../src/core/review/review';
import { hasRetroIn } from '../../../../src/core/reminders/reminderSchedule';
import { REPO_ROOT, tempDir } from '../../fixtures';

// A hand-written journal: 43 retros from July to October 2026 of an engineer shipping payments v2.
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'journal');
const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'review-2026-07-to-10.golden.md');
const schedule = normalizeReminderSettings({ sprintStart: '2026-07-06', sprintLength: 14 }).settings;

async function fixtureEntries(): Promise<IndexedEntry[]> {
  const index = new JournalIndex(FIXTURE, path.join(tempDir(), 'index'));
  await index.load();
  return index.entries();
}

const goals = parseGoals(readFileSync(path.join(FIXTURE, 'goals.md'), 'utf8'));

describe('reviews', () => {
  it('renders the review of four months exactly as the golden file', async () => {
    const review = await renderReview({
      entries: await fixtureEntries(),
      goals,
      period: { from: '2026-07-01', to: '2026-10-31', label: 'July to October 2026' },
      schedule,
      today: '2026-11-25',
    });
    // UPDATE_GOLDEN=1 rewrites the golden file; read the diff before committing it.
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, review);
    assert.equal(review, readFileSync(GOLDEN, 'utf8'));
  });

  it('finds the recurring themes, each with the entries it came from', async () => {
    const entries = (await fixtureEntries()).filter((e) => e.date >= '2026-07-01' && e.date <= '2026-10-31');
    const patterns = findPatterns(entries);
    const drains = patterns.filter((p) => p.group === 'drains').map((p) => [p.label, p.entries]);
    assert.deepEqual(drains[0], ['meetings', 12]);
    const meetings = patterns.find((p) => p.group === 'drains' && p.label === 'meetings')!;
    assert.ok(meetings.sources.every((s) => s.text.includes(s.match) && /meeting|sync|back-to-back/i.test(s.match)));
    assert.equal(new Set(meetings.sources.map((s) => s.path)).size, 12);
    // "Pairing with Ana", "mentoring the new hire": one theme, however it was written.
    assert.ok(patterns.some((p) => p.group === 'energizers' && p.label === 'mentoring' && p.sources.some((s) => /pairing/i.test(s.match))));
    assert.ok(patterns.every((p) => p.entries >= 3));
  });

  it('counts retros written against retros due', async () => {
    const has = hasRetroIn(await fixtureEntries());
    assert.deepEqual(retrosDue({ from: '2026-07-01', to: '2026-07-03', label: '' }, schedule, has), { due: 3, written: 2 });
  });

  it('says so plainly for an empty period', async () => {
    const review = await renderReview({ entries: await fixtureEntries(), goals: [], period: { from: '2025-01-01', to: '2025-01-31', label: 'January 2025' }, schedule, today: '2026-11-25' });
    assert.match(review, /^0 entries; 0 of 23 due retros written \(0%\)\. 0 wins, 0 pieces of feedback, 0 lessons\.$/m);
    assert.match(review, /_No wins written down in this period\._/);
    assert.match(review, /_No theme came up in three or more entries of one kind\._/);
    assert.match(review, /_No energy ratings in this period\._/);
  });

  it('handles a period with a single entry', async () => {
    const review = await renderReview({ entries: await fixtureEntries(), goals, period: { from: '2026-07-23', to: '2026-07-23', label: 'One day' }, schedule, today: '2026-11-25' });
    assert.match(review, /^1 entry; 1 of 1 due retro written \(100%\)\. 1 win, 0 pieces of feedback, 1 lesson\.$/m);
    assert.match(review, /### July 2026\n\n- Gave a lightning talk on feature flags to the team \(\[2026-07-23\]\(\.\.\/entries\/2026\/2026-07-23-end-of-day\.md#L12\)\)/);
    assert.match(review, /- \[ \] Give a talk at the internal tech day \(due 2026-12-10\): 2 lines about it, last on 23 Jul: "Practised the talk outline with the team to give a talk at the internal tech day"; written about in 1 entry/);
  });
});
