// Entry ids from the webview resolve only to Markdown files inside the journal.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { insideJournal, resolveJournalFile } from '../../../../src/core/journal/journalPaths';

describe('journal paths', () => {
  it('resolves ids only to Markdown files inside the journal', () => {
    const journal = path.join(path.sep, 'home', 'me', 'journal');
    assert.equal(resolveJournalFile(journal, 'entries/2026/a.md'), path.join(journal, 'entries', '2026', 'a.md'));
    for (const bad of ['../x.md', 'entries/../../x.md', '/etc/x.md', 'entries/a.txt', '', '.', 'C:\\x.md', 'entries/\0.md']) assert.equal(resolveJournalFile(journal, bad), undefined, bad);
    assert.equal(insideJournal(journal, `${journal}-other/x.md`), undefined, 'a sibling folder with the same prefix');
    assert.equal(insideJournal(journal, path.join(journal, '..foo.md')), path.join(journal, '..foo.md'));
  });
});
