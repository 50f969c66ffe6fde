// A corpus of hostile entries (long runs of what patterns trip on, NUL bytes, invalid UTF-8, a YAML
// bomb): each is indexed and reviewed without throwing and without freezing. The bound is generous
// on purpose: the patterns these runs used to trip took minutes; a slow machine takes milliseconds.
import * as assert from 'node:assert/strict';
import { summarizeEntry } from '../../../../src/core/journal/entrySummary';
import { IndexedEntry } from '../../../../src/core/journal/journalIndex';
import { normalizeReminderSettings } from '../../../../src/core/reminders/reminderSchedule';
import { renderReview } from '../../../../src/core/review/review';

const RUNS = ['[', '*a ', '1', '1.', '<a', '_b ', '`', '# ', 'a', 'Dana said ', '@x: ', '"', 'p99 ', '-> ', 'if I ', '#tag ', ':', '('];
const SECTIONS = ['What went well?', 'Feedback I got or asked for', "One thing I'll do differently", 'Progress on my goals', 'What drained me?'];
const LINE = 100_000;

function entryOf(date: string, text: string): IndexedEntry {
  return { ...summarizeEntry(`entries/2026/${date}-end-of-day.md`, text), mtimeMs: 0, size: text.length };
}

async function review(entries: IndexedEntry[]): Promise<string> {
  return renderReview({
    entries,
    goals: [{ title: 'Get the p99 under 200ms', done: false, tags: [], line: 0 }],
    period: { from: '2026-11-01', to: '2026-11-30', label: 'November' },
    schedule: normalizeReminderSettings({}).settings,
    today: '2026-12-01',
  });
}

describe('hostile entries', function () {
  this.timeout(60_000);

  for (const run of RUNS) {
    it(`indexes and reviews ${LINE / 1000} KB lines of ${JSON.stringify(run)} in every section`, async () => {
      const line = run.repeat(Math.ceil(LINE / run.length));
      const text = `---\ntype: end-of-day\n---\n${SECTIONS.map((h) => `## ${h}\n- ${line}\n`).join('')}`;
      const started = performance.now();
      const entries = [entryOf('2026-11-25', text), entryOf('2026-11-26', text)];
      const doc = await review(entries);
      const ms = performance.now() - started;
      assert.match(doc, /^# Review: November/m);
      assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    });
  }

  it('reads NUL bytes, invalid UTF-8 and a YAML bomb as text, and still files the lines around them', async () => {
    const invalid = Buffer.from([0x2d, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]).toString('utf8');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    const text = `---\n${bomb.join('\n')}\n---\n## What went well?\n- before\u0000after\n${invalid}- shipped the parser\n`;
    const entry = entryOf('2026-11-25', text);
    assert.match(entry.error ?? '', /could not be read/);
    assert.deepEqual(entry.items.map((i) => i.text), ['before\u0000after', '\ufffd\ufffd\ufffd(', 'shipped the parser']);
    assert.match(await review([entry]), /shipped the parser/);
  });
});
