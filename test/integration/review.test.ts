// Generate Review in a real extension host, over the hand-written fixture journal.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

// out/test/integration → the repo's test/fixtures/journal
const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'journal');

describe('Generate Review (in a real extension host)', () => {
  let journal: string;
  let saved: unknown;

  before(async () => {
    saved = vscode.workspace.getConfiguration().inspect('reflect.journalFolder')?.globalValue;
    journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-it-review-'));
    cpSync(FIXTURE, journal, { recursive: true });
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', journal, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update('reflect.journalFolder', saved, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(journal, { recursive: true, force: true });
  });

  it('writes the review to reviews/ and opens it; a second run makes a second file', async () => {
    const period = { from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' };
    const first = await vscode.commands.executeCommand<string>('reflect.generateReview', period);
    assert.ok(first, 'the command returns the review it wrote');
    assert.equal(path.dirname(first), path.join(journal, 'reviews'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, first);
    const text = readFileSync(first, 'utf8');
    assert.match(text, /^# Review: Q3 2026 \(2026-07-01 to 2026-09-30\)$/m);
    assert.match(text, /^- Merged the idempotency keys for payment retries \(\[2026-07-01\]\(\.\.\/entries\/2026\/2026-07-01-end-of-day\.md#L12\)\)$/m);
    assert.match(text, /\*\*drains\*\*: "meetings" in \d+ entries/);
    assert.doesNotMatch(text, /Upgraded the payments service dependencies/, 'no win from outside the period');

    const second = await vscode.commands.executeCommand<string>('reflect.generateReview', period);
    assert.ok(second);
    assert.notEqual(second, first);
    assert.deepEqual(readdirSync(path.join(journal, 'reviews')).sort(), [path.basename(first), path.basename(second)].sort());
    assert.equal(readFileSync(first, 'utf8'), text, 'the first review is untouched');
  });
});
