// A person starts an end-of-day retro from the command palette, answers the first question and
// saves; the retro lands in the journal.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { localDate, pickQuickItem, runCommand, screenshot, useWorkbench, waitForCursorColumn, waitForFile } from './workbench';

describe('Start Retro (e2e)', function () {
  // Every day a workday and the day starting at midnight: "yesterday" is a missed workday whenever this runs.
  const workbench = useWorkbench({
    'reflect.reminder.enabled': true,
    'reflect.reminder.notify': false,
    'reflect.reminder.workdays': ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    'reflect.dayStartsAt': '00:00',
  });


  it('writes the end-of-day retro with the typed answer under "What went well?"', async function () {
    const { page, journal } = workbench();
    const day = localDate();

    await runCommand(page, 'Reflect: Start Retro');
    await pickQuickItem(page, 'End of day');

    // The new retro opens with the cursor after "- " under the first question.
    await page.locator('.tab.active', { hasText: 'end-of-day.md' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible' });
    await waitForCursorColumn(page, 3);

    await page.keyboard.type('Shipped the login fix');
    await page.keyboard.press('Control+S');

    const file = path.join(journal, 'entries', day.slice(0, 4), `${day}-end-of-day.md`);
    const content = await waitForFile(file, (text) => text.includes('Shipped the login fix'));
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    await screenshot(page, 'start-retro.png');

    // The answer is a bullet in the "What went well?" section, not anywhere else.
    const lines = content.split(/\r?\n/);
    const heading = lines.indexOf('## What went well?');
    assert.ok(heading >= 0, `no "## What went well?" heading in:\n${content}`);
    const next = lines.findIndex((l, i) => i > heading && /^#{1,2} /.test(l));
    const section = lines.slice(heading + 1, next === -1 ? undefined : next);
    assert.ok(section.includes('- Shipped the login fix'), `"- Shipped the login fix" is not under the heading:\n${content}`);
  });

  it("offers yesterday's missing retro as its own item, never choosing it silently, and writes it for yesterday", async function () {
    const { page, journal } = workbench();
    const now = new Date();
    const yesterday = localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    await runCommand(page, 'Reflect: Start Retro');
    await page.locator('.quick-input-widget .quick-input-box input:focus').waitFor({ state: 'visible', timeout: 15_000 });
    const item = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: "Yesterday's retro — not written yet" });
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    // Listed second, under today's end-of-day retro (already written by the test above): offered, not chosen.
    const labels = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents();
    assert.match(labels[0] ?? '', /^End of day/);
    assert.match(labels[1] ?? '', /Yesterday's retro — not written yet/);
    await screenshot(page, 'start-retro-missed.png');
    await item.click();
    await page.locator('.tab.active', { hasText: `${yesterday}-end-of-day.md` }).waitFor({ state: 'visible', timeout: 15_000 });
    const file = path.join(journal, 'entries', yesterday.slice(0, 4), `${yesterday}-end-of-day.md`);
    const content = await waitForFile(file, (text) => text.includes(`date: ${yesterday}`) || text.includes(`date: '${yesterday}'`));
    assert.match(content, /## What went well\?/);
  });
});
