import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { AnswerInput, formatAnswer, isAnswerText, parseAnswers, parseFeedbackCommitment } from '../../../../src/core/people/feedbackAnswers';
import { openCommitments } from '../../../../src/core/retro/followThrough';
import { commitmentFates } from '../../../../src/core/review/commitmentFates';
import { feedbackThemes } from '../../../../src/core/review/feedbackThemes';

const FEEDBACK = '## Feedback I got or asked for';
const CHANGE = "## One thing I'll do differently";
const entryText = (feedback: string[], change: string[] = []): string =>
  `---\ntype: end-of-day\n---\n# End of day\n\n${FEEDBACK}\n${feedback.join('\n')}\n\n${CHANGE}\n${change.join('\n')}\n`;
const indexed = (date: string, text: string): IndexedEntry => ({ ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, text), mtimeMs: 0, size: text.length });

const PRIYA: AnswerInput = {
  person: 'Priya',
  topic: 'the design doc',
  words: 'The risks section needs owners. Otherwise it reads well.',
  reaction: 'Stung a bit, tbh. She is right, I rushed it.',
  action: 'Name an owner for every risk',
};

describe('feedback answers', () => {
  it('writes their words as a bullet, how I took it as a sub-bullet, and what I will do as a commitment', () => {
    assert.deepEqual(formatAnswer(PRIYA), {
      lines: ['- Priya\'s feedback on the design doc: “The risks section needs owners. Otherwise it reads well.”', '  - How I took it: Stung a bit, tbh. She is right, I rushed it.'],
      commitment: "- [ ] Name an owner for every risk (because of Priya's feedback on the design doc)",
    });
    assert.deepEqual(formatAnswer({ person: '@sam', words: 'Great demo' }), { lines: ["- @sam's feedback: “Great demo”"] });
  });

  it('reads back exactly what it wrote: person, topic, words, reaction, and the lines they are on', () => {
    const inputs: AnswerInput[] = [
      PRIYA,
      { person: '@sam', words: 'Great demo' },
      { person: 'Lee Ann', topic: 'Q3: the plan', words: 'Say "no" more often. How I took it: that is my line, not hers.', reaction: '“Fine”' },
    ];
    const text = entryText(inputs.flatMap((i) => formatAnswer(i).lines));
    const answers = parseAnswers(text, '2026-12-04', 'e.md');
    assert.deepEqual(answers, [
      { person: 'Priya', topic: 'the design doc', words: PRIYA.words, reaction: PRIYA.reaction, date: '2026-12-04', line: 6, reactionLine: 7, path: 'e.md' },
      { person: '@sam', words: 'Great demo', date: '2026-12-04', line: 8, path: 'e.md' },
      { person: 'Lee Ann', topic: 'Q3: the plan', words: inputs[2].words, reaction: '“Fine”', date: '2026-12-04', line: 9, reactionLine: 10, path: 'e.md' },
    ]);
    const again = answers.map((a) => formatAnswer({ person: a.person, words: a.words, ...(a.topic ? { topic: a.topic } : {}), ...(a.reaction ? { reaction: a.reaction } : {}) }).lines);
    assert.deepEqual(again, inputs.map((i) => formatAnswer({ ...i, action: undefined }).lines));
  });

  it('keeps the words and the reaction apart: neither ever holds the other', () => {
    for (const a of parseAnswers(entryText(formatAnswer(PRIYA).lines), '2026-12-04')) {
      assert.ok(!a.words.includes('Stung') && !a.words.includes('rushed'), a.words);
      assert.ok(!a.reaction?.includes('owners'), a.reaction);
    }
    // Line breaks in either can't start a line of their own.
    const [words, reaction] = formatAnswer({ person: 'Dana', words: 'Too long.\n  - How I took it: fake', reaction: 'Hmm.\n- another bullet' }).lines;
    assert.equal(words, '- Dana\'s feedback: “Too long. - How I took it: fake”');
    assert.equal(reaction, '  - How I took it: Hmm. - another bullet');
  });

  it('the review’s feedback themes quote only their words, and hear who said them; the reaction never reaches them', () => {
    const { lines, commitment } = formatAnswer(PRIYA);
    const entry = indexed('2026-12-04', entryText(lines, [commitment!]));
    assert.deepEqual(entry.items.filter((i) => i.group === 'feedback').map((i) => i.text), [lines[0].slice(2)], 'the sub-bullet is not a note of its own');
    const { themes, other } = feedbackThemes([entry], {});
    const quotes = [...themes.flatMap((t) => t.quotes), ...other];
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].from, 'Priya');
    assert.equal(quotes[0].reaction, undefined);
    assert.ok(!quotes[0].said.includes('Stung') && !quotes[0].said.includes('tbh'), quotes[0].said);
    assert.ok(quotes[0].said.includes('The risks section needs owners'), quotes[0].said);
  });

  it('what I will do becomes a commitment that follow-through carries and keeps by its action, not by the feedback it came from', () => {
    const { lines, commitment } = formatAnswer(PRIYA);
    const made = entryText(lines, [commitment!]);
    assert.deepEqual(openCommitments(made), ["Name an owner for every risk (because of Priya's feedback on the design doc)"]);
    const later = (line: string): IndexedEntry => indexed('2026-12-07', `---\ntype: end-of-day\n---\n## What went well?\n- ${line}\n`);
    // A few other lines, as any journal has: follow-through weighs words by how rare they are.
    const other = indexed('2026-12-05', '---\ntype: end-of-day\n---\n## What went well?\n- Fixed the flaky checkout test\n- Lunch with the new hires\n');
    const fate = (line: string): string => commitmentFates([indexed('2026-12-04', made), other, later(line)], {})[0].fate;
    assert.equal(fate("Shipped the design doc after Priya's feedback"), 'open', 'the design doc shipping is not adding owners');
    assert.equal(fate('Named an owner for every risk in the doc'), 'kept');
  });

  it('reads the commitment back to its action, person and topic', () => {
    assert.deepEqual(parseFeedbackCommitment(formatAnswer(PRIYA).commitment!.slice(6)), { action: 'Name an owner for every risk', person: 'Priya', topic: 'the design doc' });
    assert.deepEqual(parseFeedbackCommitment("Pair more (because of @sam's feedback)"), { action: 'Pair more', person: '@sam' });
    assert.equal(parseFeedbackCommitment('Pair more (because I want to)'), undefined);
  });

  it('also reads a line typed by hand, and nothing that is not recorded feedback', () => {
    const typed = parseAnswers(entryText(['* Dana’s feedback on onboarding: "Too fast."', '    * how i took it: fair']), '2026-12-04');
    assert.deepEqual(typed.map((a) => [a.person, a.topic, a.words, a.reaction]), [['Dana', 'onboarding', 'Too fast.', 'fair']]);
    const none = parseAnswers(entryText([
      '- Dana said the doc was vague', // free text: the themes read it, this does not
      "- Dana's feedback on the doc was vague", // no quoted words
      "- [ ] Dana's feedback: “a task is not an answer”",
      '```',
      "- Dana's feedback: “in a code block”",
      '```',
    ]), '2026-12-04');
    assert.deepEqual(none, []);
    assert.ok(isAnswerText("Priya's feedback on the design doc: “Owners.”"));
    assert.ok(!isAnswerText('Priya said the doc was great'));
  });

  it('a reaction belongs to the answer above it only: not across a blank line and another bullet', () => {
    const answers = parseAnswers(entryText(["- Dana's feedback: “Slow down.”", '- a note', '  - How I took it: this is about the note']), '2026-12-04');
    assert.equal(answers[0].reaction, undefined);
  });
});
