import * as assert from 'node:assert/strict';
import { appendGoalEdit, markGoalDoneEdit, newGoalsFile, parseGoals } from '../../../../src/core/growth/goals';
import { applyLineEdit } from '../../../../src/core/journal/entryEdits';

const GOALS = '# Goals\n\n- [ ] Give a tech talk due: 2027-03-31 #speaking\n- [x] Ship payments v2 #delivery\n* [ ] Mentor a new hire\n- not a task\n';

describe('goals', () => {
  it('reads task-list goals with status, due date and tags', () => {
    assert.deepEqual(parseGoals(GOALS), [
      { title: 'Give a tech talk', done: false, due: '2027-03-31', tags: ['speaking'], line: 2 },
      { title: 'Ship payments v2', done: true, tags: ['delivery'], line: 3 },
      { title: 'Mentor a new hire', done: false, tags: [], line: 4 },
    ]);
  });

  it('ticks exactly the goal on the given line, refusing a line that changed', () => {
    const done = applyLineEdit(GOALS, markGoalDoneEdit(GOALS, 2)!);
    assert.match(done, /^- \[x\] Give a tech talk due: 2027-03-31 #speaking$/m);
    assert.equal(done.replace('[x] Give', '[ ] Give'), GOALS);
    assert.equal(markGoalDoneEdit(GOALS, 3), undefined, 'already done');
    assert.equal(markGoalDoneEdit(GOALS, 5), undefined, 'not a goal');
    const crlf = GOALS.replace(/\n/g, '\r\n');
    assert.equal(applyLineEdit(crlf, markGoalDoneEdit(crlf, 2)!), done.replace(/\n/g, '\r\n'));
  });

  it('appends a goal, creating the file\'s title when it is new', () => {
    assert.equal(newGoalsFile('Learn Rust', '2027-01-31'), '# Goals\n\n- [ ] Learn Rust due: 2027-01-31\n');
    const text = '# Goals\n\n- [ ] A\n\n\n';
    assert.equal(applyLineEdit(text, appendGoalEdit(text, '  B  ')), '# Goals\n\n- [ ] A\n- [ ] B\n\n\n');
  });
});
