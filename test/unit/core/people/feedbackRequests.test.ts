import * as assert from 'node:assert/strict';
import { FeedbackAnswer, formatAnswer, parseAnswers } from '../../../../src/core/people/feedbackAnswers';
import {
  addWorkdays, dueFollowUps, FeedbackRequest, followUpStates, formatRequest, isRequestText, parseRequests, RequestInput,
} from '../../../../src/core/people/feedbackRequests';
import { parsePeople } from '../../../../src/core/people/peopleNames';

const entry = (...lines: string[]): string => `---\ntype: end-of-day\n---\n# End of day\n\n## Feedback I got or asked for\n${lines.join('\n')}\n`;
/** Lines before the first list line in `entry`. */
const FIRST = 6;

const DESIGN_DOC: RequestInput = { person: '@priya', topic: 'the design doc', question: 'Did the risks section make sense?', followUp: '2026-12-08' };

function request(over: Partial<FeedbackRequest>): FeedbackRequest {
  return { person: '@priya', topic: 'the design doc', followUp: '2026-12-08', date: '2026-12-03', line: 7, answered: false, path: 'entries/2026/2026-12-03-end-of-day.md', ...over };
}
function answer(over: Partial<FeedbackAnswer>): FeedbackAnswer {
  return { person: 'Priya', topic: 'the design doc', words: 'Add owners to the risks.', date: '2026-12-05', line: 7, path: 'entries/2026/2026-12-05-end-of-day.md', ...over };
}

describe('feedback requests', () => {
  it('writes a request as one task line a person reads as a sentence', () => {
    assert.equal(formatRequest(DESIGN_DOC), '- [ ] Asked @priya about the design doc: “Did the risks section make sense?” (follow up 2026-12-08)');
    assert.equal(formatRequest({ person: 'Sam Lee', topic: 'my incident review', followUp: '2026-11-25' }), '- [ ] Asked Sam Lee about my incident review (follow up 2026-11-25)');
  });

  it('reads back exactly what it wrote, with the entry date, the line and whether it is ticked', () => {
    const inputs: RequestInput[] = [
      DESIGN_DOC,
      { person: 'Sam Lee', topic: 'my incident review', followUp: '2026-11-25' },
      { person: '@lee', topic: 'the Q3 plan: scope', question: 'Is “later” fine? Be blunt: I can take it.', followUp: '2027-01-04' },
    ];
    const lines = inputs.map(formatRequest);
    const text = entry(...lines, lines[0].replace('[ ]', '[x]'));
    const parsed = parseRequests(text, '2026-12-03', 'entries/2026/2026-12-03-end-of-day.md');
    assert.deepEqual(parsed.map((r) => ({ ...r })), [
      ...inputs.map((input, i) => ({ ...input, date: '2026-12-03', line: FIRST + i, answered: false, path: 'entries/2026/2026-12-03-end-of-day.md' })),
      { ...DESIGN_DOC, date: '2026-12-03', line: FIRST + 3, answered: true, path: 'entries/2026/2026-12-03-end-of-day.md' },
    ]);
    assert.deepEqual(parsed.slice(0, 3).map(formatRequest), lines, 'parse then format gives the same lines');
  });

  it('writes odd input so that it still reads back as what it says: one line, no quotes in the topic', () => {
    const line = formatRequest({ person: ' Priya\nKumar ', topic: 'the "new"\nrunbook', question: 'Clear\n  enough?', followUp: '2026-12-08' });
    assert.equal(line, '- [ ] Asked Priya Kumar about the \'new\' runbook: “Clear enough?” (follow up 2026-12-08)');
    assert.deepEqual(parseRequests(line, '2026-12-03')[0], { person: 'Priya Kumar', topic: "the 'new' runbook", question: 'Clear enough?', followUp: '2026-12-08', date: '2026-12-03', line: 0, answered: false });
  });

  it('also reads a line typed by hand: straight quotes, "follow-up:", another bullet; and nothing that is not a request', () => {
    const typed = parseRequests(entry('* [X] asked Dana about onboarding: "Too fast?" (Follow-up: 2026-12-10)'), '2026-12-03');
    assert.deepEqual(typed.map((r) => [r.person, r.topic, r.question, r.followUp, r.answered]), [['Dana', 'onboarding', 'Too fast?', '2026-12-10', true]]);
    const none = entry(
      '- [ ] Asked about the offsite (follow up 2026-12-08)', // no one asked
      '- Asked @priya about the doc (follow up 2026-12-08)', // not a task
      '- [ ] Asked @priya about the doc (follow up 2026-02-30)', // no such day
      '- [ ] Asked @priya about the doc', // no follow-up
      '```',
      '- [ ] Asked @priya about the doc (follow up 2026-12-08)', // in a code block
      '```',
    );
    assert.deepEqual(parseRequests(none, '2026-12-03'), []);
    assert.ok(isRequestText('Asked @priya about the design doc (follow up 2026-12-08)'));
    assert.ok(!isRequestText('Priya said the design doc was clear'));
  });

  it('counts workdays: three after a Thursday is the Tuesday; weekends and other days off are skipped', () => {
    assert.equal(addWorkdays('2026-12-03', 3), '2026-12-08'); // Thu → Tue
    assert.equal(addWorkdays('2026-12-04', 1), '2026-12-07'); // Fri → Mon
    assert.equal(addWorkdays('2026-12-05', 1), '2026-12-07'); // Sat → Mon
    assert.equal(addWorkdays('2026-12-29', 3), '2027-01-01'); // across the year
    assert.equal(addWorkdays('2026-12-03', 0), '2026-12-03');
    assert.equal(addWorkdays('2026-12-03', 1, [0, 1, 2, 3, 4]), '2026-12-06', 'Sunday to Thursday: Thu → Sun');
    assert.equal(addWorkdays('2026-12-03', 3, []), '2026-12-06', 'no workdays given: calendar days');
    assert.throws(() => addWorkdays('3 Dec', 3), RangeError);
  });

  it('asks again once the follow-up day has come, and not before', () => {
    const asked = [request({})];
    assert.deepEqual(dueFollowUps(asked, [], '2026-12-07'), []);
    assert.deepEqual(dueFollowUps(asked, [], '2026-12-08').map((d) => d.text), ['Ask Priya again about the design doc']);
    assert.deepEqual(dueFollowUps(asked, [], '2026-12-20').map((d) => d.text), ['Ask Priya again about the design doc'], 'still due later');
    assert.deepEqual(dueFollowUps([request({ answered: true })], [], '2026-12-20'), [], 'ticked: answered');
  });

  it('names the person as the alias list does, and lists the oldest follow-up first', () => {
    const people = parsePeople('- Priya Kumar: @priya\n- Sam Lee: @sam, Samuel\n');
    const due = dueFollowUps([request({}), request({ person: 'Samuel', topic: 'the on-call runbook', followUp: '2026-12-07', line: 8 })], [], '2026-12-08', people);
    assert.deepEqual(due.map((d) => [d.person, d.text]), [['Sam Lee', 'Ask Sam Lee again about the on-call runbook'], ['Priya Kumar', 'Ask Priya Kumar again about the design doc']]);
  });

  it('recorded feedback from the same person about the same topic closes the request; anything else leaves it due', () => {
    const asked = [request({})];
    const due = (answers: FeedbackAnswer[]): string[] => dueFollowUps(asked, answers, '2026-12-10').map((d) => d.text);
    assert.deepEqual(due([answer({})]), []);
    assert.deepEqual(due([answer({ person: 'PRIYA', topic: 'design doc v2' })]), [], 'case, and a topic that shares its words');
    assert.deepEqual(due([answer({ topic: undefined, words: 'The doc reads well but the design needs owners.' })]), [], 'no topic: the words say it');
    assert.deepEqual(due([answer({ person: 'Sam' })]), ['Ask Priya again about the design doc'], 'someone else');
    assert.deepEqual(due([answer({ topic: 'my talk rehearsal' })]), ['Ask Priya again about the design doc'], 'another topic');
    assert.deepEqual(due([answer({ date: '2026-12-01' })]), ['Ask Priya again about the design doc'], 'said before it was asked');
    // Same entry: an answer above the request came first; one below it answers it.
    const sameEntry = { date: '2026-12-03', path: 'entries/2026/2026-12-03-end-of-day.md' };
    assert.deepEqual(due([answer({ ...sameEntry, line: 6 })]), ['Ask Priya again about the design doc']);
    assert.deepEqual(due([answer({ ...sameEntry, line: 9 })]), []);
  });

  it('merges spellings through the alias list: a request to @priya is answered by "Priya K"', () => {
    const people = parsePeople('- Priya Kumar: @priya, Priya K\n');
    assert.deepEqual(dueFollowUps([request({})], [answer({ person: 'Priya K' })], '2026-12-10'), [request({})].map((r) => ({ request: r, person: 'Priya', text: 'Ask Priya again about the design doc' })), 'without the list, two people');
    assert.deepEqual(dueFollowUps([request({})], [answer({ person: 'Priya K' })], '2026-12-10', people), []);
  });

  it('an answer closes the newest open request it matches; the older one stays due', () => {
    const older = request({ date: '2026-11-20', followUp: '2026-11-25', line: 3, path: 'entries/2026/2026-11-20-end-of-day.md' });
    const newer = request({});
    const states = followUpStates([older, newer], [answer({})], '2026-12-10');
    assert.deepEqual(states.map((s) => [s.request.date, s.state, s.answer?.date]), [['2026-11-20', 'due', undefined], ['2026-12-03', 'answered', '2026-12-05']]);
    const two = followUpStates([older, newer], [answer({}), answer({ date: '2026-12-06' })], '2026-12-10');
    assert.deepEqual(two.map((s) => s.state), ['answered', 'answered'], 'a second answer closes the older one');
    assert.deepEqual(followUpStates([request({ followUp: '2026-12-11' })], [], '2026-12-10').map((s) => s.state), ['waiting']);
  });

  it('end to end: asked in one entry, answered in a later one, both written by the formats', () => {
    const asked = entry(formatRequest(DESIGN_DOC), formatRequest({ person: 'Samuel', topic: 'the runbook', followUp: '2026-12-08' }));
    const answered = entry(...formatAnswer({ person: 'Priya K', topic: 'the design doc', words: 'The risks need owners.', reaction: 'Fair.' }).lines);
    const people = parsePeople('- Priya Kumar: @priya, Priya K\n- Sam Lee: Samuel\n');
    const due = dueFollowUps(parseRequests(asked, '2026-12-03', 'a.md'), parseAnswers(answered, '2026-12-04', 'b.md'), '2026-12-08', people);
    assert.deepEqual(due.map((d) => d.text), ['Ask Sam Lee again about the runbook']);
  });
});
