// Long runs of what the people patterns look for, in every place they look: each line is read in
// milliseconds (a line is cut to 2,000 characters before any pattern, and no pattern backtracks).
import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { parseAnswers } from '../../../../src/core/people/feedbackAnswers';
import { parseRequests } from '../../../../src/core/people/feedbackRequests';
import { oneOnOneNotesIn, prepareOneOnOne } from '../../../../src/core/people/oneOnOne';
import { parsePeople, peopleIn } from '../../../../src/core/people/peopleNames';
import { dueDateIn, promisesIn } from '../../../../src/core/people/promises';

const RUNS = ['@', '@a.', '- [ ] Asked ', ' about ', ': “', '"', "'s feedback", ' (follow up 2026-12-08)', 'by ', 'by end of ', '- ', '  - How I took it: ', 'Priya K ', '#1on1 ', ' '];
const LINE = 100_000;

describe('people: hostile lines', function () {
  this.timeout(60_000);
  const people = parsePeople('- Priya Kumar: @priya, Priya K, PK\n- Sam\n');

  for (const run of RUNS) {
    it(`reads ${LINE / 1000} KB lines of ${JSON.stringify(run)} quickly`, () => {
      const line = run.repeat(Math.ceil(LINE / run.length));
      const text = `---\ntype: end-of-day\n---\n## Feedback I got or asked for\n- [ ] Asked ${line}\n- ${line}\n  - How I took it: ${line}\n## One thing I'll do differently\n- [ ] ${line}\n## For my 1:1\n- ${line}\n`;
      const started = performance.now();
      parseRequests(text, '2026-12-03');
      parseAnswers(text, '2026-12-03');
      oneOnOneNotesIn(text, '2026-12-03', 'e.md');
      peopleIn(line, people);
      dueDateIn(line, '2026-12-03');
      const entry = { ...summarizeEntry('entries/2026/2026-12-03-end-of-day.md', text), mtimeMs: 0, size: text.length };
      const promises = promisesIn([entry], people);
      const doc = prepareOneOnOne({ person: 'Priya', since: '2026-12-01', today: '2026-12-10', entries: [entry], requests: parseRequests(text, '2026-12-03'),
        answers: parseAnswers(text, '2026-12-03'), promises, goals: [{ title: 'Speak up in design reviews', done: false, tags: [], line: 0 }], previous: text, people });
      assert.match(doc, /^# 1:1 with Priya Kumar/m);
      parsePeople(`- ${line}: ${line}\n`);
      const ms = performance.now() - started;
      assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    });
  }
});
