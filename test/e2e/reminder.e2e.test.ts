// The reminder as a person meets it: one notification however many windows are open, a
// status-bar item that starts the due retro, and a snooze that survives a reload.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { localDate, openSecondWindow, pickQuickItem, runCommand, screenshot, useWorkbench, waitForCursorColumn, waitForFile } from './workbench';

const statusItem = (page: Page) => page.locator('[id="reflect-team.reflect.reflect.status"], [id="reflect.status"]').first();
const REMINDER_TEXT = 'Time for your end-of-day retro';

/** The reminder notifications a window holds, as its notification center lists them (toasts included). */
async function reminderNotifications(page: Page): Promise<number> {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible' });
  const count = await center.locator('.notification-list-item', { hasText: REMINDER_TEXT }).count();
  await page.keyboard.press('Escape');
  await center.waitFor({ state: 'hidden' });
  return count;
}

describe('Status-bar reminder (e2e)', function () {
  const workbench = useWorkbench({
    'reflect.reminder.enabled': true,
    'reflect.reminder.notify': true,
    // Due from midnight on every day, so the test does not depend on when it runs.
    'reflect.reminder.time': '00:00',
    'reflect.reminder.workdays': ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  });

  it('two windows on one journal show one notification between them', async function () {
    const { page } = workbench();
    const second = await openSecondWindow(page);
    try {
      for (const p of [page, second]) await statusItem(p).filter({ hasText: 'Retro due' }).waitFor({ state: 'visible', timeout: 60_000 });
      // Both extension hosts have evaluated the reminder (each shows "Retro due"). A toast that
      // has been up a while moves into the notification center, so count there: that is where a
      // person finds it. Give a slow second window time to (wrongly) raise its own before the end.
      const count = async (): Promise<number[]> => [await reminderNotifications(page), await reminderNotifications(second)];
      const deadline = Date.now() + 30_000;
      while ((await count()).every((n) => n === 0) && Date.now() < deadline) await page.waitForTimeout(1_000);
      await page.waitForTimeout(3_000);
      const counts = await count();
      await screenshot(page, 'reminder-window-1.png');
      await screenshot(second, 'reminder-window-2.png');
      assert.equal(counts[0] + counts[1], 1, `notifications per window: ${counts.join(', ')}`);
    } finally {
      await second.close();
    }
  });

  it('clicking "Retro due" opens the due retro, ready to type in; once it exists the item is quiet', async function () {
    const { page, journal } = workbench();
    await statusItem(page).filter({ hasText: 'Retro due' }).click();
    await page.locator('.tab.active', { hasText: 'end-of-day.md' }).waitFor({ state: 'visible', timeout: 15_000 });
    // The cursor waits after "- " under the first question, in a focused editor: typing goes there.
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible' });
    await waitForCursorColumn(page, 3);
    await screenshot(page, 'reminder-started.png');
    await page.keyboard.type('Answered from the reminder');
    await page.keyboard.press('Control+S');
    const day = localDate();
    await waitForFile(path.join(journal, 'entries', day.slice(0, 4), `${day}-end-of-day.md`), (text) => text.includes('- Answered from the reminder'));
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    await statusItem(page).filter({ hasNotText: 'Retro due' }).waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('a snooze hides the reminder and survives a reload of the window', async function () {
    const { page, journal } = workbench();
    // Make the retro due again: close the retro just written (its save done) and delete it.
    const day = localDate();
    const entry = path.join(journal, 'entries', day.slice(0, 4), `${day}-end-of-day.md`);
    // The previous test waited for its save to reach the disk: no write of it can land after the delete.
    await page.locator('.tab.dirty').waitFor({ state: 'detached' });
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tab', { hasText: 'end-of-day.md' }).waitFor({ state: 'detached' });
    fs.rmSync(entry);
    await statusItem(page).filter({ hasText: 'Retro due' }).waitFor({ state: 'visible', timeout: 30_000 }).catch((err: unknown) => {
      // Tell a missed file event (the entry is gone) from a retro written again by someone, and show what they wrote.
      const again = fs.existsSync(entry) ? `exists again:\n${fs.readFileSync(entry, 'utf8')}` : 'is gone, but Reflect did not notice';
      throw new Error(`${String(err)}\n(${path.basename(entry)} ${again})`);
    });

    await runCommand(page, 'Reflect: Snooze Reminder');
    await pickQuickItem(page, 'Snooze 1 hour');
    await statusItem(page).filter({ hasNotText: 'Retro due' }).waitFor({ state: 'visible', timeout: 15_000 });

    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await statusItem(page).waitFor({ state: 'visible', timeout: 60_000 });
    // Give the reloaded extension host time to evaluate; it must stay quiet.
    await page.waitForTimeout(3_000);
    assert.doesNotMatch((await statusItem(page).textContent()) ?? '', /Retro due/);
    await screenshot(page, 'reminder-snoozed.png');
  });
});
