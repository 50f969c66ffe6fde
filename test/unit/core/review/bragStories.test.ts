import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { BragStory, bragStories, isAboutJournal, topicTerms } from '../../../../src/core/review/bragStories';

type Sections = { wins?: string[]; feedback?: string[]; goals?: string[]; energizers?: string[]; drains?: string[] };

const HEADINGS: Record<keyof Sections, string> = {
  wins: 'What went well?',
  feedback: 'Feedback I got or asked for',
  goals: 'Progress on my goals',
  energizers: 'What energized me?',
  drains: 'What drained me?',
};

const entry = (date: string, sections: Sections, tags: string[] = []): IndexedEntry => {
  const body = (Object.keys(sections) as (keyof Sections)[])
    .map((k) => `## ${HEADINGS[k]}\n${(sections[k] ?? []).map((l) => `- ${l}`).join('\n')}\n`)
    .join('\n');
  return { ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, `---\ndate: ${date}\ntype: end-of-day\ntags: [${tags.join(', ')}]\n---\n${body}`), mtimeMs: 0, size: 0 };
};

const ALL = { from: '2026-01-01', to: '2026-12-31' };
const winsOf = (s: BragStory): string[] => s.wins.map((w) => w.text);
const storyWith = (stories: BragStory[], text: string): BragStory => {
  const s = stories.find((x) => x.wins.some((w) => w.text === text));
  assert.ok(s, `no story holds "${text}"`);
  return s;
};

describe('bragStories', () => {
  it('gathers one piece of work written three ways in three entries into one story, with its dates', () => {
    const stories = bragStories(
      [
        entry('2026-03-02', { wins: ['migrated billing to Postgres, first two tables'] }),
        entry('2026-03-09', { wins: ['billing migration: 50% of traffic on the new database', 'paired with Ana on the release notes'] }),
        entry('2026-03-16', { wins: ['billing cutover done, no errors'] }),
      ],
      ALL,
    );
    const billing = storyWith(stories, 'billing cutover done, no errors');
    assert.deepEqual(winsOf(billing), ['migrated billing to Postgres, first two tables', 'billing migration: 50% of traffic on the new database', 'billing cutover done, no errors']);
    assert.deepEqual([billing.from, billing.to], ['2026-03-02', '2026-03-16']);
    assert.ok(billing.reasons.includes('in 3 entries over 2 weeks'), billing.reasons.join(' · '));
    assert.deepEqual(winsOf(storyWith(stories, 'paired with Ana on the release notes')), ['paired with Ana on the release notes']);
  });

  it('keeps apart wins that only share a common word', () => {
    const stories = bragStories(
      [entry('2026-03-02', { wins: ['fixed the build'] }), entry('2026-03-03', { wins: ['fixed my calendar'] })],
      ALL,
    );
    assert.deepEqual(stories.map(winsOf).sort(), [['fixed my calendar'], ['fixed the build']]);
  });

  it('keeps apart two pieces of work running in the same weeks', () => {
    const stories = bragStories(
      [
        entry('2026-04-06', { wins: ['checkout redesign mockups reviewed with design', 'onboarding emails: first draft of the welcome series'] }),
        entry('2026-04-08', { wins: ['checkout redesign behind a flag on staging', 'onboarding emails scheduled in the mailer'] }),
        entry('2026-04-10', { wins: ['checkout redesign live for 10% of users'] }),
      ],
      ALL,
    );
    assert.equal(stories.length, 2);
    assert.deepEqual(winsOf(storyWith(stories, 'checkout redesign live for 10% of users')), [
      'checkout redesign mockups reviewed with design',
      'checkout redesign behind a flag on staging',
      'checkout redesign live for 10% of users',
    ]);
  });

  it('ranks work with numbers, feedback and several entries above a one-off, and says why', () => {
    const stories = bragStories(
      [
        entry('2026-05-04', { wins: ['tidied the team wiki sidebar', 'image pipeline: profiled the resize step'] }),
        entry('2026-05-11', { wins: ['image pipeline resize moved to a worker pool'] }),
        entry('2026-05-18', {
          wins: ['image pipeline p95 from 2.4s to 600ms, PR https://git.example.com/app/pull/88'],
          feedback: ['Jo: "the image pipeline work made uploads feel instant"'],
        }),
      ],
      ALL,
    );
    const [first, second] = stories;
    assert.equal(first.title, 'image pipeline p95 from 2.4s to 600ms, PR https://git.example.com/app/pull/88');
    assert.deepEqual(first.support.map((l) => [l.group, l.date]), [['feedback', '2026-05-18']]);
    for (const reason of ['in 3 entries over 2 weeks', 'feedback names it', 'numbers: 2.4s → 600ms', 'links a PR']) {
      assert.ok(first.reasons.includes(reason), `"${reason}" in ${first.reasons.join(' · ')}`);
    }
    assert.deepEqual(winsOf(second), ['tidied the team wiki sidebar']);
    assert.ok(first.score > second.score);
  });

  it('leaves out lines about keeping the journal, and only those', () => {
    assert.equal(isAboutJournal('first time trying this retro thing, let us see if it sticks'), true);
    assert.equal(isAboutJournal("wrote today's journal (small wins count, right?)"), true);
    assert.equal(isAboutJournal('kept up the journal all week'), true);
    assert.equal(isAboutJournal('published the payments retro doc for the outage'), false);
    assert.equal(isAboutJournal('shipped the search filters'), false);
    const stories = bragStories([entry('2026-06-01', { wins: ["wrote today's journal", 'shipped the search filters'] })], ALL);
    assert.deepEqual(stories.map(winsOf), [['shipped the search filters']]);
  });

  it('puts every win of the period in exactly one story, and nothing from outside it', () => {
    const entries = [
      entry('2026-06-30', { wins: ['search filters spec agreed'] }),
      entry('2026-07-01', { wins: ['search filters behind a flag', 'cleared my inbox'], energizers: ['search filters demo to sales'] }),
      entry('2026-07-02', { wins: ['search filters shipped to everyone', 'mentored Lin on the deploy tool'] }),
      entry('2026-07-03', { wins: ['deploy tool docs for Lin', 'search filters: 30% of searches use them'] }),
      entry('2026-08-01', { wins: ['search filters v2 started'] }),
    ];
    const stories = bragStories(entries, { from: '2026-07-01', to: '2026-07-31' });
    const all = stories.flatMap(winsOf).sort();
    assert.deepEqual(all, [
      'cleared my inbox',
      'deploy tool docs for Lin',
      'mentored Lin on the deploy tool',
      'search filters behind a flag',
      'search filters shipped to everyone',
      'search filters: 30% of searches use them',
    ]);
    const filters = storyWith(stories, 'search filters shipped to everyone');
    assert.deepEqual(filters.support.map((l) => l.text), ['search filters demo to sales']);
    assert.deepEqual([filters.from, filters.to], ['2026-07-01', '2026-07-03']);
  });

  it('gives the same stories in the same order whatever order the entries come in', () => {
    const entries = [
      entry('2026-09-01', { wins: ['renamed the staging bucket', 'archived the old channel'] }),
      entry('2026-09-02', { wins: ['answered the vendor survey'] }),
      entry('2026-09-03', { wins: ['sorted the printer queue'] }),
    ];
    const forward = bragStories(entries, ALL);
    const backward = bragStories([...entries].reverse(), ALL);
    assert.deepEqual(backward, forward);
    // Equal evidence: oldest first, then by title.
    assert.deepEqual(forward.map((s) => s.title), ['archived the old channel', 'renamed the staging bucket', 'answered the vendor survey', 'sorted the printer queue']);
  });

  it('is empty for a period without wins', () => {
    const entries = [entry('2026-02-02', { wins: ['shipped the search filters'], feedback: ['Jo: great filters'] })];
    assert.deepEqual(bragStories(entries, { from: '2026-03-01', to: '2026-03-31' }), []);
    assert.deepEqual(bragStories([], ALL), []);
    assert.deepEqual(bragStories([entry('2026-02-02', { feedback: ['Jo: great filters'] })], ALL), []);
  });

  it('does not tie two pieces of work together through the colleague they were done with', () => {
    const stories = bragStories(
      [
        entry('2026-04-01', { wins: ['paired with Ana on the invoice parser', 'helped Ana tune the nightly export'] }),
        entry('2026-04-02', { wins: ['invoice parser handles credit notes, thanks to Ana'] }),
        entry('2026-04-03', { wins: ['nightly export down from 40 min to 12 min with Ana'] }),
      ],
      ALL,
    );
    assert.deepEqual(winsOf(storyWith(stories, 'paired with Ana on the invoice parser')), [
      'paired with Ana on the invoice parser',
      'invoice parser handles credit notes, thanks to Ana',
    ]);
    assert.deepEqual(winsOf(storyWith(stories, 'helped Ana tune the nightly export')), [
      'helped Ana tune the nightly export',
      'nightly export down from 40 min to 12 min with Ana',
    ]);
  });

  it('puts a win that names two pieces of work with the one it names first, and calls a compound by its recurring noun', () => {
    const stories = bragStories(
      [
        entry('2026-05-01', { wins: ['sketched the billing exporter', 'checkout latency dashboard built'] }),
        entry('2026-05-05', { wins: ['exporter retries added', 'checkout latency alert tuned'] }),
        entry('2026-05-08', { wins: ['checkout latency at 210ms with the exporter running', 'shipped the billing exporter'] }),
      ],
      ALL,
    );
    const exporter = storyWith(stories, 'shipped the billing exporter');
    assert.deepEqual(winsOf(exporter), ['sketched the billing exporter', 'exporter retries added', 'shipped the billing exporter']);
    assert.equal(exporter.keywords[0], 'export');
    assert.ok(winsOf(storyWith(stories, 'checkout latency dashboard built')).includes('checkout latency at 210ms with the exporter running'));
  });

  it('folds a story whose wins mostly name a larger piece of work into it', () => {
    const stories = bragStories(
      [
        entry('2026-06-01', { wins: ['ledger import done', 'schema change drafted for the ledger', 'audit trail for the ledger'] }),
        entry('2026-06-02', { wins: ['ledger reconciliation runs nightly', 'audit log retention set to 90 days'] }),
        entry('2026-06-03', { wins: ['schema migration: ledger columns renamed', 'ledger export to finance'] }),
      ],
      ALL,
    );
    const ledger = storyWith(stories, 'ledger import done');
    assert.equal(ledger.wins.length, 5);
    assert.equal(ledger.keywords[0], 'ledger');
    // Half of its wins naming the ledger is not most of them: the audit work stays its own story.
    assert.deepEqual(winsOf(storyWith(stories, 'audit trail for the ledger')), ['audit trail for the ledger', 'audit log retention set to 90 days']);
    assert.equal(stories.length, 2);
  });

  it('does not let a meeting or a shared outcome word glue unrelated wins', () => {
    const stories = bragStories(
      [
        entry('2026-07-01', { wins: ['offsite was better than I feared', 'sprint planning ran short'] }),
        entry('2026-07-06', { wins: ['the retry budget idea from the offsite: removed 5 retries', 'wrote the planning doc for the hiring loop'] }),
      ],
      ALL,
    );
    assert.equal(stories.length, 4);
    for (const s of stories) assert.equal(s.wins.length, 1, winsOf(s).join(' | '));
  });

  it('backs a story with the feedback and goal lines whose subject is its work, and only those', () => {
    const stories = bragStories(
      [
        entry('2026-08-03', { wins: ['search filters behind a flag'] }),
        entry('2026-08-04', { wins: ['search filters live'], feedback: ['Jo: the search filters are a hit with sales', 'Jo: nice haircut'], goals: ['filters goal: 30% adoption'] }),
      ],
      ALL,
    );
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].support.map((l) => l.text), ['Jo: the search filters are a hit with sales', 'filters goal: 30% adoption']);
    assert.ok(stories[0].reasons.includes('feedback names it'));
    assert.ok(stories[0].reasons.includes('goal progress names it'));
  });

  // A project whose steps are written without its name, and in the same weeks and entries, work
  // that is not a step of it, each named once with a step: onboarding a colleague and an incident.
  const project = (): IndexedEntry[] => [
    entry('2026-03-02', { wins: ['billing migration plan approved', 'onboarding Lin: laptop and access sorted'] }),
    entry('2026-03-04', { wins: ['backfill script runs per table in parallel, 6h -> 40 min', 'Lin onboarding: first ticket picked', 'runbook for the cache restore written'] }),
    entry('2026-03-06', { wins: ['billing migration steps agreed: dual-write, backfill, cutover'] }),
    entry('2026-03-09', { wins: ['backfill finished on staging, row counts match', 'INC-7 checkout outage during the cutover prep: restored in 15 min'] }),
    entry('2026-03-11', { wins: ["Lin's onboarding task: the backfill dry run, she found a bug", 'INC-7 postmortem published'] }),
    entry('2026-03-16', { wins: ['cutover checklist written, 12 steps', 'runbooks right after incidents, the INC-7 one got used'] }),
    entry('2026-03-18', { wins: ['cutover done, zero errors', 'runbook links pinned in the team channel'] }),
    entry('2026-03-20', { wins: ['billing migration: old tables frozen'] }),
    entry('2026-03-25', { wins: ['billing migration closed, old tables dropped'] }),
  ];

  it('gathers the steps of a project, written without its name, into its story', () => {
    const stories = bragStories(project(), ALL);
    const billing = storyWith(stories, 'billing migration closed, old tables dropped');
    assert.deepEqual(winsOf(billing), [
      'billing migration plan approved',
      'backfill script runs per table in parallel, 6h -> 40 min',
      'billing migration steps agreed: dual-write, backfill, cutover',
      'backfill finished on staging, row counts match',
      'cutover checklist written, 12 steps',
      'cutover done, zero errors',
      'billing migration: old tables frozen',
      'billing migration closed, old tables dropped',
    ]);
    // Named by the project, not by one of its steps; its steps' numbers still count.
    assert.match(billing.title, /^billing migration/);
    assert.ok(billing.reasons.includes('numbers: 6h → 40 min'), billing.reasons.join(' · '));
    assert.equal(stories[0], billing);
  });

  it('keeps onboarding a colleague and an incident in the same weeks out of the project', () => {
    const stories = bragStories(project(), ALL);
    // Onboarding is about Lin, even where it names a step of the project.
    assert.deepEqual(winsOf(storyWith(stories, 'onboarding Lin: laptop and access sorted')), [
      'onboarding Lin: laptop and access sorted',
      'Lin onboarding: first ticket picked',
      "Lin's onboarding task: the backfill dry run, she found a bug",
    ]);
    // An incident, named by its id, is a unit of its own, even where a win names it with a step of
    // the project ("during the cutover prep") or with the runbooks ("runbooks right after incidents").
    assert.deepEqual(winsOf(storyWith(stories, 'INC-7 postmortem published')), ['INC-7 checkout outage during the cutover prep: restored in 15 min', 'INC-7 postmortem published']);
    assert.deepEqual(winsOf(storyWith(stories, 'runbook links pinned in the team channel')), [
      'runbook for the cache restore written',
      'runbooks right after incidents, the INC-7 one got used',
      'runbook links pinned in the team channel',
    ]);
    assert.equal(stories.length, 4);
  });

  it('keeps a step your goal progress names as a story of its own, and needs a named link, not shared weeks or tags', () => {
    const entries = [
      entry('2026-05-04', { wins: ['search rewrite kicked off', 'design review booked with the staff group'] }, ['search']),
      entry('2026-05-06', { wins: ['search rewrite: design review, shadow traffic, switch-over'] }, ['search']),
      entry('2026-05-08', { wins: ['design review passed, 2 follow-ups', 'shadow traffic at 5%'], goals: ['ran the design review on my own'] }, ['search']),
      entry('2026-05-12', { wins: ['shadow traffic at 100%, results match', 'expense tool: receipts upload fixed'] }, ['search']),
      entry('2026-05-14', { wins: ['expense tool: approvals page loads in 1s'] }, ['search']),
      entry('2026-05-20', { wins: ['search rewrite live for everyone'] }, ['search']),
    ];
    const stories = bragStories(entries, ALL);
    assert.deepEqual(winsOf(storyWith(stories, 'search rewrite live for everyone')), [
      'search rewrite kicked off',
      'search rewrite: design review, shadow traffic, switch-over',
      'shadow traffic at 5%',
      'shadow traffic at 100%, results match',
      'search rewrite live for everyone',
    ]);
    assert.deepEqual(winsOf(storyWith(stories, 'design review passed, 2 follow-ups')), ['design review booked with the staff group', 'design review passed, 2 follow-ups']);
    // In the project's weeks and tagged like it, but never named with it.
    assert.deepEqual(winsOf(storyWith(stories, 'expense tool: receipts upload fixed')), ['expense tool: receipts upload fixed', 'expense tool: approvals page loads in 1s']);
  });

  it('takes a tag or a goal for the sign of a project when only one step is named with it', () => {
    const entries = (tags: string[]): IndexedEntry[] => [
      entry('2026-06-01', { wins: ['invoicing scoped with finance'] }, tags),
      entry('2026-06-03', { wins: ['rollout plan for invoicing written'] }, tags),
      entry('2026-06-05', { wins: ['beta rollout went without a page', 'invoicing API merged'] }, tags),
      entry('2026-06-09', { wins: ['invoicing live for all customers'] }, tags),
    ];
    const storyCount = (tags: string[], goals: string[] = []): number => {
      const all = entries(tags);
      if (goals.length) all.push(entry('2026-06-10', { goals }));
      return bragStories(all, ALL).length;
    };
    assert.equal(storyCount([]), 2);
    assert.equal(storyCount(['invoicing']), 1);
    assert.equal(storyCount([], ['invoicing shipped, goal done']), 1);
    assert.equal(storyCount(['oncall']), 2);
  });

  it('takes two stories that name each other in half their wins for two names of one piece of work', () => {
    const stories = bragStories(
      [
        entry('2026-09-02', { wins: ['ran INC-31 as incident commander, restored in 52 min', 'status updates every 15 min during the incident'] }),
        entry('2026-09-03', { wins: ['incident review for INC-31 went well'] }),
        entry('2026-09-04', { wins: ['INC-31 postmortem published'] }),
      ],
      ALL,
    );
    assert.equal(stories.length, 1);
  });

  it('ranks work that ended a drain higher, and shows the drain', () => {
    const stories = bragStories(
      [
        entry('2026-08-03', {
          wins: ['fixed the flaky checkout test'],
          drains: ['paged 6 times, 4 of them the same flapping disk alert', 'the checkout sync ran over', 'invoice queue stuck again, lost the morning'],
        }),
        entry('2026-08-04', { wins: ['fixed the flapping disk alert for real'] }),
        // Two months on, the stuck queue is a drain of the past.
        entry('2026-10-05', { wins: ['fixed the invoice queue'] }),
      ],
      ALL,
    );
    const alert = storyWith(stories, 'fixed the flapping disk alert for real');
    assert.equal(stories[0], alert);
    assert.ok(alert.reasons.includes('fixes what drained you'), alert.reasons.join(' · '));
    assert.deepEqual(alert.support.map((l) => [l.group, l.text]), [['drains', 'paged 6 times, 4 of them the same flapping disk alert']]);
    // One shared word ("checkout") is not the same trouble.
    assert.deepEqual(storyWith(stories, 'fixed the flaky checkout test').support, []);
    assert.deepEqual(storyWith(stories, 'fixed the invoice queue').support, []);
  });

  it('backs the story with a win in the same entry when two stories name the same work', () => {
    const stories = bragStories(
      [
        entry('2026-10-06', { wins: ['design outline: build alongside, swap the alias'] }),
        entry('2026-10-20', { wins: ['design approved'], feedback: ['Dana: you handled the pushback on the alias swap well'] }),
        entry('2026-11-04', { wins: ['cutover dry run: alias swap in 4 seconds'] }),
        entry('2026-11-11', { wins: ['cutover done, alias swapped'] }),
      ],
      ALL,
    );
    assert.deepEqual(storyWith(stories, 'design approved').support.map((l) => l.text), ['Dana: you handled the pushback on the alias swap well']);
  });

  it('reads the words that can name a piece of work: no outcome words, no counted units, identifiers kept', () => {
    assert.deepEqual(topicTerms('fixed 3 bugs in the INC-204 billing retry https://x.example.com/pull/9'), ['inc-204', 'bill', 'retri']);
    // Months and days date a line; they name no work and no person.
    assert.deepEqual(topicTerms('cutover date locked to Nov 11, before the freeze on Friday'), ['cutov', 'date', 'lock', 'freez']);
  });
});
