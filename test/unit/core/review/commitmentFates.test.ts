import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { actionOf, CommitmentFate, commitmentFates, keptRate } from '../../../../src/core/review/commitmentFates';

/** An entry of type `type` on `date`, from its Markdown body (sections written as a user would). */
const entry = (date: string, body: string, type = 'end-of-day'): IndexedEntry => ({
  ...summarizeEntry(`entries/2027/${date}-${type}.md`, `---\ntype: ${type}\ndate: ${date}\n---\n${body}`),
  mtimeMs: 0,
  size: 0,
});
/** A hand-written note with no front matter and no "Last time". */
const note = (date: string, body: string): IndexedEntry => ({ ...summarizeEntry(`entries/2027/${date}.md`, body), mtimeMs: 0, size: 0 });
const list = (items: string[]): string => items.map((i) => `- ${i}`).join('\n');
const retro = (parts: { lastTime?: string[]; wins?: string[]; setbacks?: string[]; changes?: string[] }): string =>
  [
    parts.lastTime ? `## Last time\n${list(parts.lastTime)}\n` : '',
    parts.wins ? `## What went well?\n${list(parts.wins)}\n` : '',
    parts.setbacks ? `## What didn't go well?\n${list(parts.setbacks)}\n` : '',
    parts.changes ? `## One thing I'll do differently\n${list(parts.changes)}\n` : '',
  ].join('\n');

const fateOf = (fates: CommitmentFate[], fragment: string): CommitmentFate => {
  const found = fates.find((f) => f.text.includes(fragment));
  assert.ok(found, `no commitment "${fragment}" in ${JSON.stringify(fates.map((f) => f.text))}`);
  return found;
};

describe('commitmentFates', () => {
  it('keeps a commitment ticked in the next "Last time", with the ticked item as evidence', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['pair with Jonas on the flaky e2e suite'] })),
        entry('2027-03-02', retro({ lastTime: ['[x] pair with Jonas on the flaky e2e suite'], wins: ['lunch was nice'] })),
      ],
      {},
    );
    assert.equal(fates.length, 1);
    const f = fates[0];
    assert.deepEqual([f.fate, f.on, f.reason, f.date], ['kept', '2027-03-02', 'ticked on 2 Mar', '2027-03-01']);
    assert.deepEqual(f.evidence, { date: '2027-03-02', path: 'entries/2027/2027-03-02-end-of-day.md', text: '[x] pair with Jonas on the flaky e2e suite' });
  });

  it('follows the chain across a hand-written entry that has no "Last time"', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['pair with Jonas on the flaky e2e suite'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] pair with Jonas on the flaky e2e suite'] })),
        note('2027-03-03', 'Long day of meetings. Nothing much to say.\n'),
        entry('2027-03-04', retro({ lastTime: ['[x] pair with Jonas on the flaky e2e suite'] })),
      ],
      {},
    );
    assert.deepEqual([fates[0].fate, fates[0].on], ['kept', '2027-03-04']);
  });

  it('keeps a commitment shown done by a later win in other words, with that line as evidence', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['write the migration runbook'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] write the migration runbook'], wins: ['fixed the login redirect'] })),
        entry('2027-03-03', retro({ lastTime: ['[ ] write the migration runbook'], wins: ['migration runbook merged, Leon already used it'] })),
      ],
      {},
    );
    const f = fates[0];
    assert.deepEqual([f.fate, f.on, f.evidence?.text, f.evidence?.line], ['kept', '2027-03-03', 'migration runbook merged, Leon already used it', 8]);
    assert.equal(f.reason, 'done: migration runbook merged, Leon already used it');
  });

  it('reads a future "write" and a past "wrote" as the same word outside wins, but not "started"', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['write the accessibility audit summary', 'draft the onboarding checklist'] })),
        entry('2027-03-02', `## What gave me energy?\n- wrote the accessibility audit summary in one go\n\n## Last time\n- [ ] draft the onboarding checklist\n`),
        entry('2027-03-03', retro({ lastTime: ['[ ] draft the onboarding checklist'], wins: ['started the onboarding checklist draft'] })),
      ],
      {},
    );
    assert.deepEqual([fateOf(fates, 'audit').fate, fateOf(fates, 'audit').on], ['kept', '2027-03-02']);
    assert.equal(fateOf(fates, 'onboarding').fate, 'open', 'a started draft is not a finished one');
  });

  it('drops a commitment left out of the next "Last time" unticked, on that date', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['read one RFC a week'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] read one RFC a week'] })),
        entry('2027-03-03', retro({ changes: ['clean up the storybook warnings'] })),
        entry('2027-03-04', retro({ lastTime: ['[ ] clean up the storybook warnings'] })),
      ],
      {},
    );
    const f = fateOf(fates, 'RFC');
    assert.deepEqual([f.fate, f.on, f.reason, f.evidence], ['dropped', '2027-03-04', 'left out of Last time on 4 Mar', undefined]);
    assert.equal(fateOf(fates, 'storybook').fate, 'open');
  });

  it('is not dropped by a "Last time" of another kind of retro, which never carries it', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-05', retro({ changes: ['book a design crit for the settings page'] }), 'weekly'),
        entry('2027-03-08', retro({ changes: ['answer the a11y bug reports'] })),
        entry('2027-03-09', retro({ lastTime: ['[ ] answer the a11y bug reports'] })),
      ],
      {},
    );
    assert.deepEqual([fateOf(fates, 'design crit').fate, fateOf(fates, 'design crit').reason], ['open', 'not mentioned again']);
  });

  it('drops a commitment a later line gives up, with that line', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['timebox code review to 45 minutes a day'] })),
        entry('2027-03-02', retro({ setbacks: ['the review timebox lasted two days, gave up on it'] })),
      ],
      {},
    );
    const f = fates[0];
    assert.deepEqual([f.fate, f.on, f.evidence?.text], ['dropped', '2027-03-02', 'the review timebox lasted two days, gave up on it']);
    assert.match(f.reason, /^given up: /);
  });

  it('leaves open a commitment still carried at the end, and says when it was last carried', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['migrate the date picker to the new design tokens'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] migrate the date picker to the new design tokens'] })),
        entry('2027-03-03', retro({ lastTime: ['[ ] migrate the date picker to the new design tokens'] })),
      ],
      {},
    );
    assert.deepEqual([fates[0].fate, fates[0].on, fates[0].reason], ['open', undefined, 'still carried on 3 Mar']);
  });

  it('does not take one shared common word as evidence', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['review the checkout PR before lunch'], wins: ['checkout conversion up 2%'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] review the checkout PR before lunch'], wins: ['review of the search page went fine', 'shipped the checkout banner'] })),
      ],
      {},
    );
    assert.equal(fates[0].fate, 'open');
  });

  it('does not count the condition of a commitment as doing it', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['nudge the platform team daily until the CDN certificate is renewed'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] nudge the platform team daily until the CDN certificate is renewed'], wins: ['CDN certificate renewed by someone else'] })),
        entry('2027-03-03', retro({ lastTime: ['[ ] something else'] })),
      ],
      {},
    );
    assert.deepEqual([fates[0].fate, fates[0].on], ['dropped', '2027-03-03']);
    assert.equal(actionOf('when a PR goes past 3 rounds, suggest a call'), 'suggest a call');
  });

  it('does not take a line months later as evidence for a commitment left behind', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['write the migration runbook'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] something else'] })),
        entry('2027-06-01', retro({ wins: ['migration runbook for the v3 schema merged'] })),
      ],
      {},
    );
    assert.deepEqual([fates[0].fate, fates[0].on], ['dropped', '2027-03-02']);
  });

  it('reads Start and Stop items as commitments; a Stop is kept by a line that says it did not happen', () => {
    const sprint = `## Start doing\n- demo the feature flags at the sprint review\n\n## Stop doing\n- Stop: booking meetings over focus blocks\n`;
    const fates = commitmentFates(
      [
        entry('2027-03-05', sprint, 'sprint'),
        entry('2027-03-08', retro({ wins: ['fixed the tooltip flicker'], setbacks: ['booked meetings over my focus blocks again'] })),
        entry('2027-03-10', retro({ wins: ['no meetings booked over my focus blocks all week', 'demoed the feature flags at the sprint review'] })),
      ],
      {},
    );
    assert.deepEqual(
      fates.map((f) => [f.text, f.fate, f.on]),
      [
        ['demo the feature flags at the sprint review', 'kept', '2027-03-10'],
        ['Stop: booking meetings over focus blocks', 'kept', '2027-03-10'],
      ],
    );
  });

  it('counts a commitment written in the past tense as already done', () => {
    const fates = commitmentFates([entry('2027-03-01', retro({ changes: ['Told Mira I would lead the retro'] }))], {});
    assert.deepEqual([fates[0].fate, fates[0].on, fates[0].reason], ['kept', '2027-03-01', 'done when written']);
  });

  it('lists only the period, oldest first, but judges from every later entry', () => {
    const entries = [
      entry('2027-03-09', retro({ changes: ['ship the dark mode toggle'] })),
      entry('2027-02-27', retro({ changes: ['set up the visual regression job'] })),
      entry('2027-03-01', retro({ changes: ['shadow Kofi on the release'] })),
      entry('2027-03-02', retro({ lastTime: ['[x] shadow Kofi on the release'] })),
      entry('2027-03-20', retro({ wins: ['dark mode toggle shipped to everyone'] })),
    ];
    const fates = commitmentFates(entries, { from: '2027-03-01', to: '2027-03-31' });
    assert.deepEqual(
      fates.map((f) => [f.date, f.fate]),
      [
        ['2027-03-01', 'kept'],
        ['2027-03-09', 'kept'],
      ],
    );
    assert.deepEqual(commitmentFates(entries, { from: '2027-03-21' }), []);
  });

  it('gives the same commitment written again the fate of the newer one', () => {
    const fates = commitmentFates(
      [
        entry('2027-03-01', retro({ changes: ['add tests before fixing a bug'] })),
        entry('2027-03-02', retro({ lastTime: ['[ ] add tests before fixing a bug'], changes: ['add tests before fixing a bug'] })),
        entry('2027-03-03', retro({ lastTime: ['[x] add tests before fixing a bug'] })),
      ],
      {},
    );
    assert.deepEqual(
      fates.map((f) => [f.date, f.fate, f.on]),
      [
        ['2027-03-01', 'kept', '2027-03-03'],
        ['2027-03-02', 'kept', '2027-03-03'],
      ],
    );
    assert.equal(fates[0].reason, 'written again on 2 Mar, then ticked on 3 Mar');
  });

  it('gives the kept rate of the commitments decided', () => {
    const f = (fate: CommitmentFate['fate']): CommitmentFate => ({ text: 'x', date: '2027-03-01', path: 'p', line: 0, fate, reason: '' });
    assert.deepEqual(keptRate([f('kept'), f('kept'), f('kept'), f('dropped'), f('open')]), { kept: 3, dropped: 1, open: 1, rate: 0.75 });
    assert.deepEqual(keptRate([f('open')]), { kept: 0, dropped: 0, open: 1, rate: 0 });
  });
});
