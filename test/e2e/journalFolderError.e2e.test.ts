// A journal folder that cannot be created: the user gets one clear message naming the path and
// the setting, and its button opens that setting.
import * as assert from 'node:assert';
import { runCommand, screenshot, useWorkbench } from './workbench';

describe('Unwritable journal folder (e2e)', function () {
  // README.md is a file in the test workspace, so nothing can be created below it.
  const workbench = useWorkbench({ 'reflect.journalFolder': '${workspaceFolder}/README.md/journal' });


  it('names the folder and the setting, and "Change Journal Folder" opens the setting', async function () {
    const { page, workspace } = workbench();
    await runCommand(page, 'Reflect: Start End-of-Day Retro');

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: "Reflect can't write to the journal folder" });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
    assert.ok(message.includes(`${workspace}/README.md/journal`), `the message names the folder: ${message}`);
    assert.ok(message.includes('reflect.journalFolder'), `the message names the setting: ${message}`);
    assert.match(message, /is a file, not a folder/);
    await screenshot(page, 'journal-folder-error.png');

    await toast.getByRole('button', { name: 'Change Journal Folder' }).click();
    await page.locator('.settings-editor').waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.settings-editor .setting-item-contents', { hasText: 'Journal Folder' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });
});

describe('Journal folder under /proc (e2e)', function () {
  // mkdir -p loops forever under /proc (Node's own behaviour): this used to hang Reflect.
  const workbench = useWorkbench({ 'reflect.journalFolder': '/proc/reflect-journal' });

  it('gets the clear error within moments, naming the folder', async function () {
    const { page } = workbench();
    await runCommand(page, 'Reflect: Start End-of-Day Retro');
    // Measured from the moment the palette closed on the command (activation is behind runCommand).
    const started = Date.now();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: "Reflect can't write to the journal folder" });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    const afterMs = Date.now() - started;
    const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
    console.log(`      /proc journal: the error showed ${afterMs} ms after the command was chosen: ${message}`);
    assert.ok(message.includes('/proc/reflect-journal'), message);
    assert.match(message, /does not take new folders/);
    assert.ok(afterMs < 10_000, `the error took ${afterMs} ms`);
    await toast.getByRole('button', { name: 'Change Journal Folder' }).waitFor({ state: 'visible' });
    await screenshot(page, 'journal-folder-proc.png');
  });
});
