// The one vocabulary of note kinds: the tables that the tree, quick capture and the panel are
// derived from must agree with each other and with how headings are recognized.
import * as assert from 'node:assert/strict';
import { normalizeHeading, SECTION_HEADINGS, sectionKindOf } from '../../../src/core/journal/sections';
import { CAPTURE_KINDS, captureBullet, captureNoun, CAPTURES, GROUP_LABELS, GROWTH_GROUPS, groupOfSection, SectionKind, SECTIONS } from '../../../src/shared/noteKinds';
import { addBulletEdit, applyLineEdit } from '../../../src/core/journal/entryEdits';
import { summarizeEntry } from '../../../src/core/journal/entrySummary';

const sectionKinds = Object.keys(SECTIONS) as SectionKind[];

describe('note kinds', () => {
  it('every capture kind writes to a section that exists, and CAPTURE_KINDS lists them all in order', () => {
    assert.deepEqual(CAPTURE_KINDS, Object.keys(CAPTURES));
    for (const kind of CAPTURE_KINDS) assert.ok(sectionKinds.includes(CAPTURES[kind].section), `${kind} → ${CAPTURES[kind].section}`);
    const labels = CAPTURE_KINDS.map((k) => CAPTURES[k].label);
    assert.equal(new Set(labels).size, labels.length, 'two capture kinds with one label');
  });

  it('every Growth Notes group is fed by at least one section, and has a label', () => {
    for (const group of GROWTH_GROUPS) {
      const feeding = sectionKinds.filter((kind) => groupOfSection(kind) === group);
      assert.ok(feeding.length > 0, `no section feeds ${group}`);
      assert.ok(GROUP_LABELS[group], `${group} has no label`);
    }
    assert.deepEqual(Object.keys(GROUP_LABELS).sort(), [...GROWTH_GROUPS].sort());
  });

  it('groupOfSection answers what SECTIONS says, and only with real groups', () => {
    for (const kind of sectionKinds) {
      const spec: { heading: string; group?: string } = SECTIONS[kind];
      assert.equal(groupOfSection(kind), spec.group, kind);
      const group = groupOfSection(kind);
      if (group) assert.ok(GROWTH_GROUPS.includes(group), `${kind} feeds unknown group ${group}`);
    }
    assert.equal(groupOfSection('wentWell'), 'wins');
    assert.equal(groupOfSection('workedOn'), undefined, 'the commit list is not a growth note');
  });

  it('Helped: a capture kind writing to "Helped others", the section of the Helping others group', () => {
    assert.equal(CAPTURES.helped.section, 'helped');
    assert.equal(CAPTURES.helped.label, 'Helped');
    assert.match(CAPTURES.helped.placeholder, /helped/i);
    assert.equal(SECTIONS.helped.heading, 'Helped others');
    assert.equal(groupOfSection('helped'), 'helping');
    assert.equal(GROUP_LABELS.helping, 'Helping others');
    assert.equal(GROWTH_GROUPS[GROWTH_GROUPS.length - 1], 'helping', 'shown after the commitments, beside the people groups');
    for (const heading of ['Helped others', 'Helped', 'Who I helped', 'Mentoring', 'Helping others']) assert.equal(sectionKindOf(heading), 'helped', heading);
  });

  it('SECTION_HEADINGS is derived for every section, and each heading is recognized as its own kind', () => {
    assert.deepEqual(Object.keys(SECTION_HEADINGS).sort(), [...sectionKinds].sort());
    for (const kind of sectionKinds) {
      assert.equal(SECTION_HEADINGS[kind], SECTIONS[kind].heading);
      assert.equal(sectionKindOf(SECTION_HEADINGS[kind]), kind, `"${SECTION_HEADINGS[kind]}"`);
    }
    const normalized = sectionKinds.map((k) => normalizeHeading(SECTION_HEADINGS[k]));
    assert.equal(new Set(normalized).size, normalized.length, 'two kinds whose headings look alike');
  });

  it('a Promise capture is a task under the commitments, so ticking it later keeps it; For my 1:1 gets its own heading', () => {
    const entry = "---\ntype: end-of-day\ndate: 2026-12-03\n---\n## One thing I'll do differently\n- \n";
    const promised = applyLineEdit(entry, addBulletEdit(entry, CAPTURES.promise.section, captureBullet('promise', 'Send @sam the runbook by Fri')));
    assert.match(promised, /^- \[ \] Send @sam the runbook by Fri$/m);
    const summary = summarizeEntry('entries/2026/2026-12-03-end-of-day.md', promised);
    assert.ok(summary.items.some((i) => i.group === 'changes' && i.text === 'Send @sam the runbook by Fri'), JSON.stringify(summary.items));
    const noted = applyLineEdit(promised, addBulletEdit(promised, CAPTURES.oneOnOne.section, captureBullet('oneOnOne', 'Ask about the promotion timeline')));
    assert.match(noted, /## For my 1:1\n- Ask about the promotion timeline/);
    assert.equal(captureNoun('helped'), 'Help');
    assert.equal(captureNoun('win'), 'Win');
  });
});
