// Ask for Feedback as a person does it: from the palette, naming someone new, typing the topic and
// picking a question; the request lands in today's entry and the question is on the clipboard,
// ready to paste into chat.
import * as assert from 'node:assert';
import * as path from 'node:path';
import { localDate, pickQuickItem, runCommand, screenshot, useWorkbench, waitForFile } from './workbench';

describe('Ask for Feedback (e2e)', function () {
  const workbench = useWorkbench({ 'reflect.dayStartsAt': '00:00' });

  it('writes the request into today\'s entry and puts the question on the clipboard', async function () {
    const { page, journal } = workbench();
    await runCommand(page, 'Reflect: Ask for Feedback');
    // A new journal knows no one and has no wins today: each question is a box to type in.
    const person = page.locator('.quick-input-widget .quick-input-box input[placeholder="Priya"]');
    await person.waitFor({ state: 'visible', timeout: 15_000 });
    await person.fill('@priya');
    await page.keyboard.press('Enter');
    const topic = page.locator('.quick-input-widget .quick-input-box input[placeholder="the design doc"]');
    await topic.waitFor({ state: 'visible', timeout: 15_000 });
    await topic.fill('the design doc');
    await page.keyboard.press('Enter');
    await pickQuickItem(page, 'Did this make sense?');
    await pickQuickItem(page, 'In three workdays');

    const day = localDate();
    const file = path.join(journal, 'entries', day.slice(0, 4), `${day}-end-of-day.md`);
    const text = await waitForFile(file, (t) => t.includes('Asked @priya about the design doc'));
    assert.match(text, /^- \[ \] Asked @priya about the design doc: “Did this make sense\?” \(follow up \d{4}-\d{2}-\d{2}\)$/m);
    await page.locator('.statusbar-item', { hasText: 'question copied' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'ask-for-feedback.png');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, 'Did this make sense?');
  });
});
