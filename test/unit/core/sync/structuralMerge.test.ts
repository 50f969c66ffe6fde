import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeJournalFile, MergeResult } from '../../../../src/core/sync/structuralMerge';
import { parseMarkdown } from '../../../../src/core/journal/frontMatter';
import { REPO_ROOT } from '../../fixtures';
import { markdownFiles } from './syncFixtures';

// The laptop is this machine (ours); the desktop's commit is the later one unless a test says otherwise.
const LAPTOP = { label: 'laptop', time: Date.UTC(2026, 10, 25, 18) };
const DESKTOP = { label: 'desktop', time: Date.UTC(2026, 10, 25, 21) };

function merge(base: string | undefined, ours: string, theirs: string, name?: string): MergeResult {
  return mergeJournalFile(base, { text: ours, ...LAPTOP }, { text: theirs, ...DESKTOP }, name);
}

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

const ENTRY = lines(
  '---',
  'type: end-of-day',
  'date: 2026-11-25',
  'workspace: search-infra',
  'energy: 3 # 1 (drained) to 5 (energized)',
  'tags: [search]',
  '---',
  '',
  '# End of day · Wednesday 2026-11-25',
  '',
  '## Last time',
  '- [ ] block focus time on mornings',
  '- [ ] ask Lee about shard counts',
  '',
  '## What went well?',
  '- shipped the rebalancer',
  '',
  '## What did I learn?',
  '- fan-out dominates p99',
);

function noConflictMarkers(text: string): void {
  for (const line of text.split(/\r?\n/)) {
    assert.ok(!line.startsWith('<<<<<<<') && !line.startsWith('>>>>>>>') && line !== '=======', `conflict marker in:\n${text}`);
  }
}

describe('structural merge of journal files', () => {
  it('merges the same day edited on two machines: bullets from both, a tick from one, an edit from the other', () => {
    const ours = ENTRY.replace('- shipped the rebalancer\n', '- shipped the rebalancer\n- paired with Sam on the verifier\n').replace('- fan-out dominates p99', '- fan-out to 24 shards dominates p99');
    const theirs = ENTRY.replace('- shipped the rebalancer\n', '- shipped the rebalancer\n- design doc v2 reviewed\n').replace('- [ ] ask Lee', '- [x] ask Lee');
    const result = merge(ENTRY, ours, theirs, '2026-11-25-end-of-day.md');
    assert.equal(
      result.text,
      lines(
        '---',
        'type: end-of-day',
        'date: 2026-11-25',
        'workspace: search-infra',
        'energy: 3 # 1 (drained) to 5 (energized)',
        'tags: [search]',
        '---',
        '',
        '# End of day · Wednesday 2026-11-25',
        '',
        '## Last time',
        '- [ ] block focus time on mornings',
        '- [x] ask Lee about shard counts',
        '',
        '## What went well?',
        '- shipped the rebalancer',
        '- paired with Sam on the verifier',
        '- design doc v2 reviewed',
        '',
        '## What did I learn?',
        '- fan-out to 24 shards dominates p99',
      ),
    );
    assert.deepEqual(result.notes, ['2026-11-25-end-of-day.md: “Last time”: 1 tick from desktop', '2026-11-25-end-of-day.md: “What went well?”: 1 item from desktop']);
  });

  it('keeps every word of the real entry when the other machine only has a fresh template of the same day', () => {
    const template = lines(
      '---',
      'type: end-of-day',
      'date: 2026-11-25',
      'workspace: search-infra',
      'energy: # 1 (drained) to 5 (energized)',
      'tags: []',
      '---',
      '',
      '# End of day · Wednesday 2026-11-25',
      '',
      '## Worked on',
      '- search-infra: Rebalance shards by size',
      '',
      '## What went well?',
      '- ',
      '',
      "## What didn't go well?",
      '- ',
      '',
      '## Feedback',
      '- ',
    );
    const real = lines(
      '---',
      'type: end-of-day',
      'date: 2026-11-25',
      'workspace: search-infra',
      'energy: 4',
      'tags: [focus]',
      '---',
      '',
      '# End of day · Wednesday 2026-11-25',
      '',
      '## Worked on',
      '- search-infra: Rebalance shards by size',
      '',
      '## What went well?',
      '- shipped the rebalancer behind a flag',
      '  (Lee reviewed it in an hour)',
      '',
      "## What didn't go well?",
      '- ',
      '',
      'Long standup again. I should say no to the second sync.',
    );
    // Both machines created today's file: no common ancestor. The template's commit is the later one.
    const templateLater = mergeJournalFile(undefined, { text: template, label: 'desktop', time: 2 }, { text: real, label: 'laptop', time: 1 });
    assert.equal(templateLater.text, real);
    assert.deepEqual(templateLater.notes, ['energy: kept 4 from laptop over an empty value from desktop', '“What went well?”: 1 item from laptop', "“What didn't go well?”: 1 paragraph from laptop"]);
    assert.equal(mergeJournalFile(undefined, { text: real, label: 'laptop', time: 1 }, { text: template, label: 'desktop', time: 2 }).text, real);
    // The same with the template as the common ancestor (one machine synced it before the other wrote).
    assert.equal(merge(template, template.replace('## Feedback\n- \n', '## Feedback\n- \n- Dana: good demo\n'), real).text, real + lines('', '## Feedback', '- ', '- Dana: good demo'));
  });

  it('merges goals.md: goals ticked on one machine and added on the other', () => {
    const goals = lines(
      '# Goals',
      '',
      '- [ ] Lead the re-indexing project design review due: 2026-10-30 #reindex',
      '- [ ] Get the search p99 under 200ms #perf',
      '- [x] Mentor an intern #mentoring',
    );
    const ours = goals.replace('- [ ] Get the search p99', '- [x] Get the search p99');
    const theirs = goals.replace('- [ ] Lead the', '- [x] Lead the') + '- [ ] Give a lightning talk at the eng all-hands due: 2026-12-11 #speaking\n';
    const result = merge(goals, ours, theirs, 'goals.md');
    assert.equal(
      result.text,
      lines(
        '# Goals',
        '',
        '- [x] Lead the re-indexing project design review due: 2026-10-30 #reindex',
        '- [x] Get the search p99 under 200ms #perf',
        '- [x] Mentor an intern #mentoring',
        '- [ ] Give a lightning talk at the eng all-hands due: 2026-12-11 #speaking',
      ),
    );
    assert.deepEqual(result.notes, ['goals.md: “Goals”: 1 item from desktop, 1 tick from desktop']);
  });

  it('keeps a goal ticked on one machine and reworded on the other as one goal, ticked and reworded', () => {
    const goals = lines('# Goals', '- [ ] Get the search p99 under 200ms #perf', '- [ ] Mentor an intern');
    const ours = goals.replace('under 200ms #perf', 'under 200ms by December #perf');
    const theirs = goals.replace('- [ ] Get', '- [x] Get');
    assert.equal(merge(goals, ours, theirs).text, lines('# Goals', '- [x] Get the search p99 under 200ms by December #perf', '- [ ] Mentor an intern'));
  });

  it('lets the later commit win a value changed on both machines and keeps the other in a comment', () => {
    const base = lines('---', 'energy: 3', 'focus: search', '---', '# Goals');
    const ours = base.replace('energy: 3', 'energy: 4');
    const theirs = base.replace('energy: 3', 'energy: 2');
    const laptopLater = mergeJournalFile(base, { text: ours, label: 'laptop', time: 20 }, { text: theirs, label: 'desktop', time: 10 }, 'goals.md');
    assert.equal(laptopLater.text, lines('---', 'energy: 4', '# also on desktop: 2', 'focus: search', '---', '# Goals'));
    assert.deepEqual(laptopLater.notes, ['goals.md: energy changed on both machines; kept 4 from laptop (later), 2 noted']);
    const desktopLater = mergeJournalFile(base, { text: ours, label: 'laptop', time: 10 }, { text: theirs, label: 'desktop', time: 20 }, 'goals.md');
    assert.equal(desktopLater.text, lines('---', 'energy: 2', '# also on laptop: 4', 'focus: search', '---', '# Goals'));
    assert.deepEqual(parseMarkdown(desktopLater.text).data, { energy: 2, focus: 'search' });
    // A tie keeps this machine's value; merging the result again adds no second comment.
    const tie = mergeJournalFile(base, { text: ours, label: 'laptop', time: 10 }, { text: theirs, label: 'desktop', time: 10 });
    assert.equal(tie.text, lines('---', 'energy: 4', '# also on desktop: 2', 'focus: search', '---', '# Goals'));
    assert.equal(mergeJournalFile(base, { text: tie.text, label: 'laptop', time: 10 }, { text: theirs, label: 'desktop', time: 10 }).text, tie.text);
  });

  it('merges front matter key by key: lists as sets, one-sided changes, added and deleted keys', () => {
    const base = lines('---', 'type: sprint', 'tags: [search, oncall]', 'sprint: 14', 'mood: ok', '---', 'body');
    const ours = lines('---', 'type: sprint', 'tags: [search, oncall, focus]', 'sprint: 15', 'mood: ok', '---', 'body');
    const theirs = lines('---', 'type: sprint', 'tags: [search, reindex]', 'sprint: 14', 'workspace: "api: v2"', '---', 'body');
    const result = merge(base, ours, theirs);
    // oncall: removed on desktop, kept unchanged on the laptop, so removed; mood: deleted on desktop, unchanged here.
    assert.equal(result.text, lines('---', 'type: sprint', 'tags: [search, focus, reindex]', 'sprint: 15', 'workspace: "api: v2"', '---', 'body'));
    assert.deepEqual(result.notes, ['tags: kept the items of both machines ([search, focus, reindex])']);
    // Without a common ancestor both lists are kept whole: ours' order, then theirs' new items.
    assert.match(merge(undefined, ours, theirs).text, /^tags: \[search, oncall, focus, reindex\]$/m);
  });

  it('keeps both unreadable front matter blocks instead of rewriting broken YAML', () => {
    const base = lines('---', 'type: end-of-day', 'energy: 3', '---', '# Day');
    const ours = lines('---', 'type: end-of-day', 'energy: 4', 'workspace: "search-infra', '---', '# Day');
    const theirs = lines('---', 'type: end-of-day', 'energy: 2', '---', '# Day');
    const result = merge(base, ours, theirs);
    assert.equal(result.text, lines('---', 'type: end-of-day', 'energy: 4', 'workspace: "search-infra', '---', '', '```yaml', '---', 'type: end-of-day', 'energy: 2', '---', '```', '<!-- from desktop -->', '', '# Day'));
    assert.deepEqual(result.notes, ["front matter could not be read on laptop: kept laptop's, and desktop's in a code block under it"]);
    // Merging the other side in again (a criss-cross merge) adds no second copy of its block.
    assert.equal(merge(base, result.text, theirs).text, result.text);
    // Broken on one side but changed only on the other: the change wins as it is.
    assert.equal(merge(ours, ours, ours.replace('energy: 4', 'energy: 5') + '- more\n').text, ours.replace('energy: 4', 'energy: 5') + '- more\n');
    assert.equal(merge(ours, ours.replace('# Day', '# Day\n- here'), theirs.replace('# Day', '# Day\n- there')).text, theirs.replace('# Day', '# Day\n- here\n- there'));
  });

  it('keeps a paragraph edited on both machines twice, the other machine’s marked, and does not mark it again', () => {
    const base = lines('## Notes', 'The rollout went fine today, we moved two shards.', '', '- follow up with infra');
    const ours = base.replace('went fine today, we moved two', 'went fine today, we moved three');
    const theirs = base.replace('went fine today', 'went mostly fine today');
    const result = merge(base, ours, theirs);
    const expected = lines('## Notes', 'The rollout went fine today, we moved three shards.', '', 'The rollout went mostly fine today, we moved two shards.', '<!-- from desktop -->', '', '- follow up with infra');
    assert.equal(result.text, expected);
    assert.deepEqual(result.notes, ["“Notes”: 1 paragraph edited on both machines, both kept (desktop's marked)"]);
    assert.equal(merge(base, result.text, theirs).text, expected);
    assert.equal(merge(ours, expected, ours).text, expected);
    // Edited on one side only: that edit wins, unmarked.
    assert.equal(merge(base, ours, base + '- check the dashboards\n').text, ours + '- check the dashboards\n');
  });

  it('merges a file both machines added, with no common ancestor', () => {
    const ours = lines('# 4 Nov', '', '## Highlights', '- cutover dry run on staging', '', '## Lowlights', '- 3h analyzer review');
    const theirs = lines('# 4 Nov', '', '## Highlights', "- Sam's verifier caught a mapping bug", '- cutover dry run on staging', '', '## Next week', '- prod cutover');
    const result = merge(undefined, ours, theirs, '2026-11-04.md');
    assert.equal(
      result.text,
      lines('# 4 Nov', '', '## Highlights', "- Sam's verifier caught a mapping bug", '- cutover dry run on staging', '', '## Lowlights', '- 3h analyzer review', '', '## Next week', '- prod cutover'),
    );
    assert.deepEqual(result.notes, ['2026-11-04.md: “Highlights”: 1 item from desktop', '2026-11-04.md: “Next week”: added from desktop']);
  });

  it('keeps ours’ line endings when the other machine wrote CRLF, or the other way round', () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const ours = ENTRY.replace('- fan-out dominates p99', '- fan-out dominates p99\n- replicas lag under load');
    const theirs = ENTRY.replace('- [ ] block focus', '- [x] block focus');
    const expected = ours.replace('- [ ] block focus', '- [x] block focus');
    assert.equal(merge(ENTRY, crlf(ours), theirs).text, crlf(expected));
    assert.equal(merge(crlf(ENTRY), ours, crlf(theirs)).text, expected);
    assert.equal(merge(undefined, ours, crlf(ours)).text, ours);
    assert.equal(merge(undefined, ours.slice(0, -1), theirs).text.endsWith('- replicas lag under load\n'), true);
  });

  it('follows ours’ order of sections and puts theirs’ new section after the one it follows there', () => {
    const base = lines('# Retro', '', '## Went well', '- a', '', '## What hurt?', '- b', '', '## Try', '- c');
    const ours = lines('# Retro', '', '## Try', '- c', '', '## Went well', '- a', '', '## What hurt?', '- b');
    const theirs = lines('# Retro', '', '## Went well', '- a', '- a2', '', '## what  HURT?', '- b', '', '## Feedback', '- f', '', '## Try', '- c');
    assert.equal(merge(base, ours, theirs).text, lines('# Retro', '', '## Try', '- c', '', '## Went well', '- a', '- a2', '', '## what  HURT?', '- b', '', '## Feedback', '- f'));
  });

  it('ends the file with the blank lines it ends with, not those an empty section had in the middle of the other side', () => {
    // Both machines added "## Next" (at the top here, at the end there); the desktop's empty "## Later" is last only after the merge.
    const base = lines('## Today', '- ');
    const ours = lines('## Next', '- laptop', '', '## Today', '- ');
    const theirs = lines('## Today', '- ', '', '## Later', '', '## Next', '- desktop');
    const result = merge(base, ours, theirs);
    assert.equal(result.text, lines('## Next', '- laptop', '- desktop', '', '## Today', '- ', '', '## Later'));
    // Merging the desktop's side in again (a criss-cross merge) changes nothing: no blank line at the end.
    assert.equal(merge(base, result.text, theirs).text, result.text);
  });

  it('matches Unicode and emoji headings whatever their case and spacing', () => {
    const base = lines('## 🎉 Wins', '- shipped', '', '## Ärger & Ünfälle 😩', '- paged');
    const ours = lines('## 🎉  wins', '- shipped', '- 🚀 launched the verifier', '', '## Ärger & Ünfälle 😩', '- paged');
    const theirs = lines('## 🎉 Wins', '- shipped', '', '## ärger & ünfälle 😩', '- paged', '- 2am again 😴');
    assert.equal(merge(base, ours, theirs).text, lines('## 🎉  wins', '- shipped', '- 🚀 launched the verifier', '', '## ärger & ünfälle 😩', '- paged', '- 2am again 😴'));
  });

  it('treats the text before the first heading as a section of its own', () => {
    const base = lines('(sticky notes, mine + the ones I agreed with)', '', '## Went well', '- roadmap');
    const ours = lines('(sticky notes, mine + the ones I agreed with)', '- one more from me', '', '## Went well', '- roadmap');
    const theirs = lines('(sticky notes, mine + the ones I agreed with)', '', '## Went well', '- roadmap', '- p99 story');
    assert.equal(merge(base, ours, theirs).text, lines('(sticky notes, mine + the ones I agreed with)', '- one more from me', '', '## Went well', '- roadmap', '- p99 story'));
  });

  it('deletes an item deleted on one side and unchanged on the other, and keeps one the other side changed', () => {
    const base = lines('## Last time', '- [ ] block focus time', '- [ ] ask Lee', '- [ ] write the doc');
    const ours = lines('## Last time', '- [ ] ask Lee', '- [ ] write the doc', '- [ ] new thing');
    const theirs = lines('## Last time', '- [ ] block focus time', '- [ ] ask Lee');
    assert.equal(merge(base, ours, theirs).text, lines('## Last time', '- [ ] ask Lee', '- [ ] new thing'));
    const ticked = lines('## Last time', '- [ ] block focus time', '- [ ] ask Lee', '- [x] write the doc');
    const result = merge(base, ours.replace('- [ ] write the doc\n', ''), ticked);
    assert.equal(result.text, lines('## Last time', '- [ ] ask Lee', '- [ ] new thing', '- [x] write the doc'));
    assert.deepEqual(result.notes, ['“Last time”: kept 1 entry one machine deleted and the other changed']);
  });

  it('keeps continuation lines with their bullet and merges them as a set', () => {
    const base = lines('## What did I learn?', '- replicas lag', '  because of merges', '- shards', '');
    const ours = lines('## What did I learn?', '- replicas lag', '  because of merges', '  - and refresh interval', '- shards', '- new from laptop');
    const theirs = lines('## What did I learn?', '- replicas lag', '  because of merges', '  (seen on search-07)', '- shards', '  24 of them');
    assert.equal(
      merge(base, ours, theirs).text,
      lines('## What did I learn?', '- replicas lag', '  because of merges', '  - and refresh interval', '  (seen on search-07)', '- shards', '  24 of them', '- new from laptop'),
    );
  });

  it('never repeats an item both machines added, and a tick on either side wins', () => {
    const base = lines('## Next', '- [ ] a');
    const ours = lines('## Next', '- [ ] a', '- [ ] Call  Rafa');
    const theirs = lines('## Next', '- [x] a', '- [x] call rafa', '* plain');
    assert.equal(merge(base, ours, theirs).text, lines('## Next', '- [x] a', '- [x] Call  Rafa', '* plain'));
    // A bare "-" on one machine and an empty task on the other stay one well-formed task.
    assert.equal(merge(undefined, lines('## A', '-', '- x'), lines('## A', '- [ ]', '- x', '- y')).text, lines('## A', '- [ ]', '- x', '- y'));
  });

  it('handles numbered lists, fenced code with headings inside, and the other machine’s new paragraph', () => {
    const base = lines('## Steps', '1. drain', '2. swap', '', '```sh', '# not a heading', 'curl -XPOST :9200/_aliases', '```');
    const ours = base.replace('2. swap\n', '2. swap\n3. verify\n');
    const theirs = base.replace('2. swap\n', '2) swap\n') + lines('', 'Took four seconds.');
    assert.equal(merge(base, ours, theirs).text, lines('## Steps', '1. drain', '2) swap', '3. verify', '', '```sh', '# not a heading', 'curl -XPOST :9200/_aliases', '```', '', 'Took four seconds.'));
  });

  it('is deterministic and never leaves conflict markers, whatever both sides did', () => {
    const base = ENTRY;
    const ours = ENTRY.replace('energy: 3', 'energy: 5').replace('## What did I learn?\n- fan-out dominates p99', '## What did I learn?\nProse one.\n\n=======\n\n- x');
    const theirs = ENTRY.replace('energy: 3', 'energy: 1').replace('## What did I learn?\n- fan-out dominates p99', '## What did I learn?\nProse two, reworded.\n- y');
    const first = merge(base, ours, theirs);
    assert.deepEqual(merge(base, ours, theirs), first);
    // The user's own setext underline stays, once; the merge adds no marker of its own.
    assert.equal(first.text.split('\n').filter((line) => line === '=======').length, 1);
    for (const [o, t] of [[ours, theirs], [theirs, ours], [ENTRY, ''], ['', ENTRY], ['---\n', '---\nx: [\n']]) noConflictMarkers(merge(base, o, t).text.replace('\n=======\n', '\n'));
  });

  it('stays fast on a very long line and on text made to backtrack', () => {
    const long = 'word '.repeat(200_000);
    const base = lines('## Notes', `- ${long}`, '', long);
    const result = merge(base, lines('## Notes', `- ${long}a`, '', `${long}b`), lines('## Notes', `- ${long}c`, '', `${long}d`, `${'#'.repeat(7)}${' '.repeat(50_000)}x`, `- [${' '.repeat(50_000)}`));
    assert.ok(result.text.includes(`${long}b`) && result.text.includes(`${long}d`));
    const spaces = ' \t'.repeat(100_000);
    assert.ok(merge(undefined, `#${spaces}#${spaces}\n- ${spaces}[x]${spaces}\n`, `## a${spaces}#\n1.${spaces}\n`).text.length > 0);
  });
});

describe('structural merge: identities over the fixture journal', () => {
  const fixtures = markdownFiles(path.join(REPO_ROOT, 'test', 'eval', 'fixtures'));
  const other = (i: number): string => readFileSync(fixtures[(i + 1) % fixtures.length], 'utf8');

  it('finds the fixture files', () => {
    assert.ok(fixtures.length > 50);
  });

  it('merge(base, X, X), merge(base, base, X) and merge(base, X, base) are X', () => {
    fixtures.forEach((file, i) => {
      const x = readFileSync(file, 'utf8');
      for (const base of [other(i), undefined]) assert.equal(merge(base, x, x).text, x, file);
      assert.equal(merge(other(i), other(i), x).text, x, file);
      assert.equal(merge(other(i), x, other(i)).text, x, file);
    });
  });

  it('rebuilds every fixture byte for byte when each machine appended its own section', () => {
    for (const file of fixtures) {
      const x = readFileSync(file, 'utf8');
      const ours = `${x}\n## From the laptop\n- l\n`;
      const theirs = `${x}\n## From the desktop\n- d\n`;
      const expected = `${x}\n## From the laptop\n- l\n\n## From the desktop\n- d\n`;
      for (const base of [x, undefined]) assert.equal(merge(base, ours, theirs).text, expected, file);
      const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
      assert.equal(merge(x, crlf(ours), theirs).text, crlf(expected), file);
    }
  });

  it('keeps every line of each fixture entry against a fresh template of the same entry', () => {
    for (const file of fixtures.filter((f) => f.includes(`${path.sep}entries${path.sep}`))) {
      const real = readFileSync(file, 'utf8');
      const template = templateOf(real);
      for (const [ours, theirs] of [[template, real], [real, template]]) {
        const text = merge(undefined, ours, theirs).text;
        // Readable front matter: exactly the real entry. Broken YAML keeps both blocks, so only check that nothing is lost.
        if (!parseMarkdown(real).error) assert.equal(text, real, file);
        const merged = new Set(text.split('\n'));
        for (const line of real.split('\n')) assert.ok(merged.has(line), `${file}: lost ${line}`);
      }
    }
  });
});


/** What Start Retro would have written that day: the same headings, each with an empty "- ", no energy, no tags. */
function templateOf(real: string): string {
  const all = real.split('\n');
  const out: string[] = [];
  let i = 0;
  if (all[0] === '---') {
    const close = all.indexOf('---', 1);
    for (const line of all.slice(0, close + 1)) out.push(line.startsWith('energy:') ? 'energy: # 1 (drained) to 5 (energized)' : line.startsWith('tags:') ? 'tags: []' : line);
    i = close + 1;
  }
  if (all[i] === '') out.push('');
  const headings = all.slice(i).filter((line) => line.startsWith('#'));
  headings.forEach((heading, k) => {
    out.push(heading);
    if (heading.startsWith('## ')) out.push('- ');
    if (k < headings.length - 1) out.push('');
  });
  return `${out.join('\n')}\n`;
}
