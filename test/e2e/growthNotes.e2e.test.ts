// The Growth Notes view as a person uses it: open Reflect in the activity bar, expand Wins,
// click a win, land on the line it was written on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { screenshot, useWorkbench } from './workbench';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('Growth Notes (e2e)', function () {
  const workbench = useWorkbench();

  before(function () {
    const wb = workbench();
    const entries = path.join(wb.journal, 'entries', '2026');
    write(
      path.join(entries, '2026-11-23-end-of-day.md'),
      '---\ntype: end-of-day\ndate: 2026-11-23\nenergy: 2\n---\n## What went well?\n- Finished the sync queue design doc\n\n## What drained me?\n- Back-to-back meetings\n\n## Feedback I got or asked for\n- From Ana: the doc was clear, loop in security earlier\n',
    );
    write(
      path.join(entries, '2026-11-24-end-of-day.md'),
      "---\ntype: end-of-day\ndate: 2026-11-24\nenergy: 4\n---\n## What went well?\n- Paired on the session refresh endpoint\n- Unblocked the release\n\n## What did I learn?\n- Retries need jitter\n\n## Progress on my goals\n- Drafted the outline to give a tech talk\n\n## One thing I'll do differently\n- Block focus time before standup\n",
    );
    write(path.join(wb.journal, 'goals.md'), '# Goals\n\n- [ ] Give a tech talk due: 2027-03-31 #speaking\n');
  });


  it('shows the groups with counts; clicking a win opens its entry at that line', async function () {
    const { page } = workbench();
    await page.locator('.activitybar [aria-label="Reflect"]').first().click({ timeout: 60_000 });
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Growth Notes' }) });
    const row = (label: string) => tree.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

    await row('Wins').filter({ hasText: '3' }).waitFor({ state: 'visible', timeout: 30_000 });
    await row('Goals').filter({ hasText: '1' }).waitFor({ state: 'visible' });
    // The tree redraws when the index or goals.md changes, and a redraw reuses row elements for
    // other items: a click aimed at "Goals" during one lands on whatever that row shows next. So
    // wait until the rows have stayed the same for a moment, click once, and check the result.
    const settled = async (): Promise<void> => {
      let last = '';
      for (let stable = 0; stable < 4; ) {
        const now = (await tree.locator('.monaco-list-row').allTextContents()).join('|');
        stable = now === last ? stable + 1 : 0;
        last = now;
        await page.waitForTimeout(250);
      }
    };
    const expand = async (label: string): Promise<void> => {
      await settled();
      if ((await row(label).getAttribute('aria-expanded')) !== 'true') await row(label).click();
      await row(label).and(page.locator('[aria-expanded="true"]')).waitFor({ state: 'visible', timeout: 15_000 });
    };
    await expand('Wins');
    await expand('Goals');
    await row('Give a tech talk').filter({ hasText: 'open · 1 entry · due 2027-03-31' }).waitFor({ state: 'visible' });
    await row('Unblocked the release').click();

    await page.locator('.tab.active', { hasText: '2026-11-24-end-of-day.md' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('[id="status.editor.selection"]', { hasText: /Ln 8, Col 1\b/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'growth-notes.png');
  });
});
