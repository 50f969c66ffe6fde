import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../../../src/core/journal/frontMatter';
import { firstAnswerPosition, renderBuiltInRetro, renderUserRetro } from '../../../../src/core/retro/retroDraft';
import { listItems, splitSections } from '../../../../src/core/journal/sections';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '../../../../src/core/retro/retroTemplates';
import { parseUserTemplate } from '../../../../src/core/retro/userTemplates';
import { WEDNESDAY_EVENING } from '../../fixtures';

const commits = {
  kind: 'commits' as const,
  commits: [
    { repo: 'api', hash: 'a1', subject: 'Fix login timeout', date: '2026-11-25T10:00:00Z' },
    { repo: 'web', hash: 'b2', subject: 'Add retry to sync job', date: '2026-11-25T11:00:00Z' },
  ],
};

describe('built-in retro templates', () => {
  it('offers end of day, end of sprint (three formats) and weekly', () => {
    assert.deepEqual(
      BUILT_IN_TEMPLATES.map((t) => t.label),
      ['End of day', 'End of sprint', 'End of sprint: Start / Stop / Continue', 'End of sprint: 4Ls', 'Weekly'],
    );
  });

  it('writes an end-of-day retro: front matter, the day\'s commits, one section per prompt', () => {
    const draft = renderBuiltInRetro(builtInTemplate('end-of-day')!, { date: WEDNESDAY_EVENING, workspace: 'shop', workedOn: commits });
    const { data, body } = parseMarkdown(draft.text);
    assert.deepEqual(data, { type: 'end-of-day', date: '2026-11-25', workspace: 'shop', energy: null, tags: [] });
    assert.match(draft.text, /^energy: # 1 \(drained\) to 5 \(energized\)$/m);
    assert.deepEqual(
      splitSections(body).map((s) => s.heading),
      [
        'Worked on',
        'What went well?',
        "What didn't go well?",
        'What did I learn?',
        'What energized me?',
        'What drained me?',
        'Feedback I got or asked for',
        'Progress on my goals',
        "One thing I'll do differently",
      ],
    );
    assert.deepEqual(listItems(splitSections(body)[0]).map((i) => i.text), ['api: Fix login timeout', 'web: Add retry to sync job']);
    assert.match(body, /^# End of day · Wednesday 2026-11-25$/m);
  });

  it('asks whom you helped once a week or sprint, never in the short daily retro', () => {
    const headings = (id: string): string[] => splitSections(parseMarkdown(renderBuiltInRetro(builtInTemplate(id)!, { date: WEDNESDAY_EVENING, workspace: 'shop' }).text).body).map((s) => s.heading);
    assert.ok(!headings('end-of-day').includes('Helped others'));
    for (const id of ['sprint', 'weekly']) {
      const h = headings(id);
      assert.equal(h[h.indexOf('Feedback I got or asked for') + 1], 'Helped others', id);
    }
    assert.ok(!headings('sprint-start-stop-continue').includes('Helped others') && !headings('sprint-4ls').includes('Helped others'), 'the focused formats keep their shape');
  });

  it('puts the cursor at the end of the first answer bullet, under "What went well?"', () => {
    const draft = renderBuiltInRetro(builtInTemplate('end-of-day')!, { date: WEDNESDAY_EVENING, workspace: 'shop', workedOn: commits });
    const lines = draft.text.split('\n');
    assert.equal(lines[draft.cursor.line - 1], '## What went well?');
    assert.equal(lines[draft.cursor.line], '- ');
    assert.equal(draft.cursor.character, 2);
  });

  it('says in one line why "Worked on" is empty', () => {
    const draft = renderBuiltInRetro(builtInTemplate('end-of-day')!, {
      date: WEDNESDAY_EVENING,
      workspace: 'shop',
      workedOn: { kind: 'none', reason: 'No commits by you since the start of today.' },
    });
    const worked = splitSections(parseMarkdown(draft.text).body)[0];
    assert.deepEqual(worked.lines.filter((l) => l.trim()), ['_No commits by you since the start of today._']);
  });

  it('numbers a sprint retro and records where the sprint began', () => {
    const sprint = { number: 12, start: new Date(2026, 10, 12), end: new Date(2026, 10, 25) };
    const draft = renderBuiltInRetro(builtInTemplate('sprint')!, { date: WEDNESDAY_EVENING, workspace: 'shop', sprint, since: sprint.start, workedOn: commits });
    const { data, body } = parseMarkdown(draft.text);
    assert.equal(data.type, 'sprint');
    assert.equal(data.sprint, 12);
    assert.equal(data.since, '2026-11-12');
    assert.match(body, /_Sprint 12 \(2026-11-12 to 2026-11-25\)_/);
    assert.equal(splitSections(body)[1].heading, 'The sprint as a whole');
  });

  it('writes the 4Ls and Start/Stop/Continue formats as sprint retros with the commitment section', () => {
    for (const id of ['sprint-4ls', 'sprint-start-stop-continue']) {
      const draft = renderBuiltInRetro(builtInTemplate(id)!, { date: WEDNESDAY_EVENING, workspace: 'shop' });
      const headings = splitSections(parseMarkdown(draft.text).body).map((s) => s.heading);
      assert.equal(parseMarkdown(draft.text).data.type, 'sprint');
      assert.ok(headings.includes("One thing I'll do differently"), id);
    }
    const fourLs = splitSections(parseMarkdown(renderBuiltInRetro(builtInTemplate('sprint-4ls')!, { date: WEDNESDAY_EVENING, workspace: 'x' }).text).body);
    assert.deepEqual(fourLs.slice(1, 5).map((s) => s.heading), ['Liked', 'Learned', 'Lacked', 'Longed for']);
  });

  it('opens with "Last time" carrying open commitments as unticked tasks; the cursor skips it', () => {
    const draft = renderBuiltInRetro(builtInTemplate('end-of-day')!, {
      date: WEDNESDAY_EVENING,
      workspace: 'shop',
      carried: { date: '2026-11-24', items: ['Block focus time', 'Ask for review earlier'] },
    });
    const sections = splitSections(parseMarkdown(draft.text).body);
    assert.equal(sections[0].heading, 'Last time');
    assert.deepEqual(listItems(sections[0]).map((i) => [i.text, i.checked]), [
      ['Block focus time', false],
      ['Ask for review earlier', false],
    ]);
    assert.equal(draft.text.split('\n')[draft.cursor.line - 1], '## What went well?');
  });
});

describe('user template rendering', () => {
  const template = parseUserTemplate(
    '/j/templates/oncall.md',
    '---\nname: On-call week\ntype: oncall\nperiod: week\ntags: [oncall]\n---\n# On call · {{weekday}} {{date}} · {{workspace}}\n\n## Pages\n{{commits}}\n\n## What hurt?\n- \n\n{{mood}} and {{ mood }}\n',
  );

  it('fills the variables, keeps unknown ones as written and names them', () => {
    const draft = renderUserRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop', since: new Date(2026, 10, 19), workedOn: commits });
    assert.match(draft.text, /^# On call · Wednesday 2026-11-25 · shop$/m);
    assert.match(draft.text, /^- api: Fix login timeout$/m);
    assert.match(draft.text, /^\{\{mood\}\} and \{\{ mood \}\}$/m);
    assert.deepEqual(draft.unknownVariables, ['mood']);
  });

  it('carries its own front matter keys into the entry but not its name or period', () => {
    const { data } = parseMarkdown(renderUserRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop', since: new Date(2026, 10, 19) }).text);
    assert.deepEqual(data, { type: 'oncall', date: '2026-11-25', since: '2026-11-19', workspace: 'shop', energy: null, tags: ['oncall'] });
    assert.match(renderUserRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop' }).text, /^tags: \[ oncall \]$|^tags: \[oncall\]$/m);
  });

  it('inserts "Last time" under the title and puts the cursor in the first prompt', () => {
    const draft = renderUserRetro(template, { date: WEDNESDAY_EVENING, workspace: 'shop', carried: { date: '2026-11-18', items: ['Write the runbook'] } });
    const body = parseMarkdown(draft.text).body;
    assert.deepEqual(splitSections(body).map((s) => s.heading), ['Last time', 'Pages', 'What hurt?']);
    assert.match(body, /^\s*# On call/);
    assert.match(draft.text, /- \[ \] Write the runbook\n\n## Pages\n/);
    // "Pages" holds only {{commits}} output here (empty), so the first empty line under it is the answer line.
    assert.equal(draft.text.split('\n')[draft.cursor.line - 1], '## Pages');
  });
});

describe('firstAnswerPosition', () => {
  it('falls back to the end of the first prompt heading, then to the end of the text', () => {
    assert.deepEqual(firstAnswerPosition('## Notes\ntext\n## Other\n'), { line: 0, character: 8 });
    assert.deepEqual(firstAnswerPosition('just text'), { line: 0, character: 9 });
  });
});
