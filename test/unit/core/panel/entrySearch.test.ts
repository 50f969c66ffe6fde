// Previews and full-text search over entry texts, and the cache that keeps a second search free of
// disk reads.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { entryPreview, EntryTextCache, parseSearch, searchSnippet } from '../../../../src/core/panel/entrySearch';
import { tempDir } from '../../fixtures';
import { recordingFiles } from './panelFixtures';

describe('journal panel: previews and search terms', () => {
  it('reads hostile lines in linear time: a megabyte of brackets, stars or tags', () => {
    for (const unit of ['[', '*a ', '![x](', '<a', '_b ', '`']) {
      const line = `- ${unit.repeat(Math.ceil(1_000_000 / unit.length))}`;
      const started = performance.now();
      entryPreview(`## Notes\n${line}\n`);
      searchSnippet(`${line} needle\n`, ['needle']);
      // Generous: the quadratic patterns these replace took minutes on such a line.
      assert.ok(performance.now() - started < 2000, `${JSON.stringify(unit)}: ${(performance.now() - started).toFixed(0)} ms`);
    }
  });

  it('previews the user\'s own first lines as plain text', () => {
    assert.equal(entryPreview('# Title\n\n## What went well?\n- **Shipped** the [retry](https://x) logic\n- \n\n## What did I learn?\n- `jitter` matters\n'), 'Shipped the retry logic · jitter matters');
    assert.equal(entryPreview('## Worked on\n- shop: Fix login\n\n## What went well?\n- \n'), 'shop: Fix login', 'only commits: show them rather than nothing');
    assert.equal(entryPreview('## Notes\n<!-- hidden\ncomment -->\n```\ncode\n```\n- snake_case_name stays\n'), 'code · snake_case_name stays');
    assert.equal(entryPreview(`- ${'word '.repeat(100)}`).length, 160);
    assert.equal(entryPreview(''), '');
    assert.equal(entryPreview('- a *fine* day, ~~not~~ _so_ __bad__, 2 * 3 = 6, ***very*** good'), 'a fine day, not so bad, 2 * 3 = 6, very good');
  });

  it('parses search terms and cuts a snippet around the match', () => {
    assert.deepEqual(parseSearch('  Retry "Flaky  Test" retry Café '), ['retry', 'flaky  test', 'cafe']);
    // A phrase still being typed searches its words, not a word with a quote in it.
    assert.deepEqual(parseSearch('kubernetes "flaky te'), ['kubernetes', 'flaky', 'te']);
    const long = `- ${'lorem ipsum '.repeat(30)}Kubernetes ${'dolor '.repeat(30)}`;
    const snippet = searchSnippet(long, ['kubernetes'])!;
    assert.ok(snippet.includes('Kubernetes') && snippet.startsWith('…') && snippet.endsWith('…') && snippet.length <= 160, snippet);
  });
});

describe('journal panel: the entry text cache', () => {
  /** A journal with `n` entry files of `chars` characters of body each; their index-like versions. */
  function journalOf(n: number, chars = 100): { journal: string; entries: { path: string; mtimeMs: number; size: number }[] } {
    const journal = tempDir();
    const entries = [];
    for (let i = 1; i <= n; i++) {
      const rel = `e${i}.md`;
      writeFileSync(path.join(journal, rel), `---\ntype: end-of-day\n---\n${String(i).padEnd(chars, '.')}`);
      entries.push({ path: rel, mtimeMs: i, size: i });
    }
    return { journal, entries };
  }

  it('reads a file once per version, and again when the version changes', () => {
    const files = recordingFiles();
    const cache = new EntryTextCache(files);
    const { journal, entries } = journalOf(1);
    assert.equal(cache.read(journal, entries[0])?.body.startsWith('1...'), true);
    assert.equal(cache.read(journal, entries[0])?.bodyLine, 3);
    assert.equal(files.reads.length, 1);
    cache.read(journal, { ...entries[0], mtimeMs: 99 });
    assert.equal(files.reads.length, 2, 'a new version is read again');
  });

  it('holds at most maxChars: the oldest read is dropped first, and read again when it is needed', () => {
    const files = recordingFiles();
    const cache = new EntryTextCache(files, 250);
    const { journal, entries } = journalOf(3);
    for (const e of entries) cache.read(journal, e);
    assert.equal(cache.size, 2, 'three 100-character bodies do not fit in 250');
    files.reads.length = 0;
    cache.read(journal, entries[2]);
    cache.read(journal, entries[1]);
    assert.deepEqual(files.reads, [], 'the newest two are still held');
    cache.read(journal, entries[0]);
    assert.deepEqual(files.reads, [path.join(journal, 'e1.md')], 'the oldest was dropped and is read again');
  });

  it('reads nothing outside the journal, and forgets what the index no longer holds', () => {
    const files = recordingFiles();
    const cache = new EntryTextCache(files);
    const { journal, entries } = journalOf(2);
    assert.equal(cache.read(journal, { path: '../outside.md', mtimeMs: 1, size: 1 }), undefined);
    assert.deepEqual(files.reads, []);
    for (const e of entries) cache.read(journal, e);
    cache.retain(new Set([path.join(journal, 'e2.md')]));
    assert.equal(cache.size, 1);
    assert.equal(cache.read(journal, { path: 'e3.md', mtimeMs: 1, size: 1 }), undefined, 'a file that is not there');
  });
});
