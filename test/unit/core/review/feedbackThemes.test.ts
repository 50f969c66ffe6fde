import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { arcOf, feedbackThemes, reactionIn, splitFeedback, themeOf } from '../../../../src/core/review/feedbackThemes';
import { toneOf } from '../../../../src/core/review/feedbackTone';

/** An end-of-day entry with the given sections, as the index stores it. */
const entry = (date: string, sections: Record<string, string[]>): IndexedEntry => ({
  ...summarizeEntry(
    `entries/${date.slice(0, 4)}/${date}-end-of-day.md`,
    Object.entries(sections)
      .map(([heading, lines]) => `## ${heading}\n${lines.map((l) => `- ${l}`).join('\n')}\n`)
      .join('\n'),
  ),
  mtimeMs: 0,
  size: 0,
});
const feedback = (date: string, ...lines: string[]): IndexedEntry => entry(date, { 'Feedback I got or asked for': lines });

describe('feedbackThemes', () => {
  describe('splitFeedback', () => {
    it('keeps who said it in what was said and moves the reaction after a full stop apart', () => {
      assert.deepEqual(splitFeedback('@kwame said my PR descriptions were too long, "a wall of text". ouch. fair though'), {
        said: '@kwame said my PR descriptions were too long, "a wall of text"',
        reaction: 'ouch. fair though',
        from: 'kwame',
      });
    });

    it('reads "Name: quote" and a quote that ends its own sentence', () => {
      assert.deepEqual(splitFeedback('Ines: "the migration guide was the clearest thing I read all week". made my day'), {
        said: 'Ines: "the migration guide was the clearest thing I read all week"',
        reaction: 'made my day',
        from: 'Ines',
      });
      assert.deepEqual(splitFeedback('Bo: "cut the intro. lead with the ask." I felt a bit silly'), {
        said: 'Bo: "cut the intro. lead with the ask."',
        reaction: 'I felt a bit silly',
        from: 'Bo',
      });
    });

    it('reads "from X —", "feedback from X:", "X (context):", "X\'s review called", "my manager said"', () => {
      assert.equal(splitFeedback('from Bo — the demo ran long and lost the room').from, 'Bo');
      assert.equal(splitFeedback('Feedback from Hal: my estimates keep slipping').from, 'Hal');
      assert.equal(splitFeedback('Hal (retro): I went quiet when the plan changed').from, 'Hal');
      assert.equal(splitFeedback('@kwame (in standup): your summary saved us ten minutes').from, 'kwame');
      assert.equal(splitFeedback('Hal\'s review called the design "solid but slow"').from, 'Hal');
      assert.equal(splitFeedback('my manager said the launch plan was thorough').from, 'my manager');
      assert.equal(splitFeedback('Ines also said the checklist helped').from, 'Ines');
      assert.equal(splitFeedback('Ines (my lead) said the checklist helped').from, 'Ines');
      assert.equal(splitFeedback('Hal: great job on the launch').from, 'Hal');
    });

    it('cuts at "tbh" and other words only the user would write', () => {
      assert.deepEqual(splitFeedback('Ines said the API review was thorough tbh I expected worse'), {
        said: 'Ines said the API review was thorough',
        reaction: 'tbh I expected worse',
        from: 'Ines',
      });
      assert.deepEqual(splitFeedback('Hal (retro): I went quiet when the plan changed, honestly he has a point'), {
        said: 'Hal (retro): I went quiet when the plan changed',
        reaction: 'honestly he has a point',
        from: 'Hal',
      });
    });

    it('keeps a sentence that goes on with the report, and moves a closing aside of the user apart', () => {
      assert.deepEqual(splitFeedback('Ines said the rollout notes were vague. She also said the checklist helped'), {
        said: 'Ines said the rollout notes were vague. She also said the checklist helped',
        from: 'Ines',
      });
      assert.deepEqual(splitFeedback('Bo: "best pairing session this month" (I\'ll take it)'), {
        said: 'Bo: "best pairing session this month"',
        reaction: "(I'll take it)",
        from: 'Bo',
      });
      assert.deepEqual(splitFeedback('Hal said the runbook was out of date (in the incident review)'), {
        said: 'Hal said the runbook was out of date (in the incident review)',
        from: 'Hal',
      });
    });

    it('names no one when no one is named, and takes no heading word or verb for a name', () => {
      assert.deepEqual(splitFeedback('the onboarding doc I wrote got shared in #eng'), { said: 'the onboarding doc I wrote got shared in #eng' });
      assert.equal(splitFeedback('Note: "ship it" was my call').from, undefined);
      assert.equal(splitFeedback('Told Ines the launch slips a week').from, undefined);
      assert.equal(splitFeedback('Everyone said the demo went well').from, undefined);
      assert.equal(splitFeedback('Followup on infra: ship the fix friday').from, undefined);
    });

    it('finds a reaction the user left in what was said', () => {
      assert.equal(reactionIn('Ines said my doc was long, ugh'), 'ugh');
      assert.equal(reactionIn('Bo: "I felt lost in the meeting"'), undefined);
      assert.equal(reactionIn('Hal said the plan was clear'), undefined);
    });
  });

  describe('themes and tone', () => {
    it('files a quote under the theme its words name, and says which words did it', () => {
      const cases: [string, string | undefined, string[]][] = [
        ['my review comments read as nitpicky', 'code-review', ['review', 'comments']],
        ['should have raised the vendor risk sooner', 'speaking-up', ['raised', 'risk']],
        ['your status update was easy to skim', 'communication', ['status update']],
        ['the caching approach has no tests', 'technical-quality', ['approach', 'tests']],
        ['you kept the outage channel calm', 'incidents', ['outage']],
        ['great pairing on the flaky build', 'collaboration', ['pairing']],
        ['we shipped before the deadline', 'delivery', ['shipped', 'deadline']],
        ['the intern you onboarded is thriving', 'mentoring', ['intern', 'onboarded']],
        ['lovely chat about nothing much', undefined, []],
      ];
      for (const [text, key, words] of cases) {
        const m = themeOf(text);
        assert.equal(m === undefined ? undefined : ['code-review', 'speaking-up', 'communication', 'technical-quality', 'incidents', 'collaboration', 'delivery', 'mentoring'][m.theme], key, text);
        assert.deepEqual(m?.words ?? [], words, text);
      }
    });

    it('lets a phrase outweigh its words: a design review is not a code review, a sprint review is neither', () => {
      assert.deepEqual(themeOf('ran the design review on time')?.words, ['design review']);
      assert.equal(themeOf('went over it at sprint review'), undefined);
    });

    it('reads tone from cue words, flipped by a negation just before them', () => {
      const tones: [string, string][] = [
        ['the handover notes were not clear', 'critical'],
        ['your reviews are no longer harsh', 'positive'],
        ['the estimate should be clearer', 'critical'],
        ['you should have looped me in', 'critical'],
        ['the doc was too long', 'critical'],
        ['the doc was not too long', 'positive'],
        ['thanks for the walkthrough', 'positive'],
        ['with no summary at the top it was rough', 'critical'],
        ['I sent it to the team as well', 'neutral'],
        ['it was kind of a long meeting', 'neutral'],
        ['we talked about the roadmap', 'neutral'],
      ];
      for (const [text, tone] of tones) assert.equal(toneOf(text).tone, tone, text);
      assert.deepEqual(toneOf('the handover notes were not clear').words, ['were not clear']);
    });

    it('reads the arc from tones in date order, neutral ones left out', () => {
      assert.equal(arcOf(['critical', 'critical', 'neutral', 'positive', 'positive']), 'critical-to-positive');
      assert.equal(arcOf(['positive', 'neutral', 'positive']), 'positive');
      assert.equal(arcOf(['critical']), 'critical');
      assert.equal(arcOf(['positive', 'critical']), 'positive-to-critical');
      assert.equal(arcOf(['critical', 'positive', 'critical']), 'mixed');
      assert.equal(arcOf(['neutral']), 'mixed');
    });
  });

  describe('feedbackThemes', () => {
    const journal = [
      feedback('2026-05-20', 'Bo: "your reviews are way kinder now, thanks"'),
      feedback('2026-03-04', '@kwame said my review comments felt terse. stung, but fair'),
      feedback('2026-03-18', 'Ines said my reviews are harsh and come with no suggestion. great, more homework'),
      feedback('2026-04-10', 'Kwame: "the last review was thorough and kind"', 'he also said the PR template helps'),
      feedback('2026-04-15', 'lovely chat about nothing much'),
      entry('2026-04-22', {
        'What went well?': ['Ines said the handover was clean', 'told Ines the demo slips a week, she was fine'],
        "What didn't go well?": ['Hal said he is out on Friday'],
        "One thing I'll do differently": ['Ask Bo said the tests were great'],
      }),
    ];

    it('gives each theme its quotes in date order, who said them, the arc and one sentence', () => {
      const { themes } = feedbackThemes(journal, {});
      const reviews = themes.find((t) => t.key === 'code-review');
      assert.ok(reviews);
      assert.equal(reviews.label, 'Code reviews');
      assert.deepEqual(reviews.quotes.map((q) => [q.date, q.tone, q.from]), [
        ['2026-03-04', 'critical', 'kwame'],
        ['2026-03-18', 'critical', 'Ines'],
        ['2026-04-10', 'positive', 'Kwame'],
        ['2026-04-10', 'neutral', 'Kwame'],
        ['2026-05-20', 'positive', 'Bo'],
      ]);
      assert.deepEqual(reviews.from, ['Kwame', 'Ines', 'Bo']);
      assert.equal(reviews.arc, 'critical-to-positive');
      assert.equal(reviews.summary, 'Critical in Mar (Kwame, Ines), positive since Apr (Kwame, Bo)');
      assert.deepEqual(reviews.words, ['review', 'comments', 'pr']);
    });

    it('keeps how the user took it out of what was said, its theme and its tone', () => {
      const ines = feedbackThemes(journal, {}).themes.flatMap((t) => t.quotes).find((q) => q.date === '2026-03-18');
      assert.equal(ines?.said, 'Ines said my reviews are harsh and come with no suggestion');
      assert.equal(ines?.reaction, 'great, more homework');
      assert.equal(ines?.tone, 'critical');
    });

    it('takes a line of another group that names who judged the work, and nothing else from there', () => {
      const { themes, other } = feedbackThemes(journal, {});
      const all = [...themes.flatMap((t) => t.quotes), ...other];
      assert.deepEqual(
        all.filter((q) => q.group !== 'feedback').map((q) => [q.group, q.said]),
        [['wins', 'Ines said the handover was clean']],
      );
      assert.deepEqual(other.map((q) => q.said), ['lovely chat about nothing much']);
    });

    it('keeps only the quotes of the period', () => {
      const { themes, other } = feedbackThemes(journal, { from: '2026-04-01', to: '2026-04-30' });
      const dates = [...themes.flatMap((t) => t.quotes), ...other].map((q) => q.date).sort();
      assert.deepEqual(dates, ['2026-04-10', '2026-04-10', '2026-04-15', '2026-04-22']);
      assert.deepEqual(feedbackThemes(journal, { from: '2027-01-01' }), { themes: [], other: [] });
    });

    it('gives the same result whatever order the entries come in', () => {
      assert.deepEqual(feedbackThemes([...journal].reverse(), {}), feedbackThemes(journal, {}));
    });
  });
});
