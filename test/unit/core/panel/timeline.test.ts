// The timeline's filters: periods in local calendar days, types and tags as the user picks them.
import * as assert from 'node:assert/strict';
import { filterTimeline, periodRange, timelineFacets } from '../../../../src/core/panel/timeline';
import { WEDNESDAY_EVENING } from '../../fixtures';

describe('journal panel: timeline filters', () => {
  it('offers types by use and tags once each, alphabetically', () => {
    const e = (type: string, tags: string[]) => ({ type, tags, date: '2026-01-01', path: `entries/${type}${tags.join()}.md`, frontMatter: {}, items: [], followUps: [], mtimeMs: 0, size: 0 });
    const entries = [e('weekly', ['Rust']), e('end-of-day', ['#rust', 'go']), e('end-of-day', ['Apple'])];
    assert.deepEqual(timelineFacets(entries), { types: ['end-of-day', 'weekly'], tags: ['Apple', 'go', 'Rust'] });
    assert.equal(filterTimeline(entries, { type: '', tag: 'RUST', period: 'all' }, WEDNESDAY_EVENING).length, 2);
  });

  it('period ranges in local calendar days', () => {
    assert.deepEqual(periodRange('last90', WEDNESDAY_EVENING), { from: '2026-08-28', to: '2026-11-25' });
    assert.deepEqual(periodRange('thisYear', WEDNESDAY_EVENING), { from: '2026-01-01', to: '2026-12-31' });
  });
});
