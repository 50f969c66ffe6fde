// The Journal panel as a person uses it, in Chromium against code-server: open it on a year of
// entries, read an entry full of hostile Markdown (nothing runs), search, capture to today, hide
// and show it, and look at it in light, dark and high-contrast themes.
import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { localDate, pickQuickItem, resultsDir, runCommand, screenshot, useWorkbench, waitForFile } from './workbench';

const ENTRIES = 365;
const HOSTILE_DAYS_AGO = 2;
/** An entry built to freeze a regex or a Markdown renderer (issue 13's reproductions), with a word to find it by. */
const BOMB_DAYS_AGO = 9;
const BOMB_WORD = 'quokkabomb';
const BOMB = [
  '## What went well?',
  `- ${BOMB_WORD}: the rest of this entry is built to freeze a pattern`,
  `# a${' '.repeat(8000)}x`,
  `- ${'_a'.repeat(50_000)}`,
  `- ${'['.repeat(100_000)}`,
  `- ${'1'.repeat(100_000)}%`,
  `- ${'#tag'.repeat(25_000)}`,
  '',
].join('\n');
const TOPICS = ['Shipped the retry logic for the sync job', 'Paired with Sam on the flaky test', 'Design doc for payments got approved', 'Unblocked the release', 'Closed three review comments quickly'];

// Each payload would leave a mark on the page if it ran: `data-pwned` on <body>.
const HOSTILE = [
  '## What went well?',
  '- Survived the <script>document.body.dataset.pwned = "script"</script> incident review',
  '- <img src=x onerror="document.body.dataset.pwned = \'img\'; alert(\'img\')"> image that fails',
  '- [a javascript link](javascript:document.body.dataset.pwned=\'link\';alert(1))',
  '- <a href="&#106;avascript:alert(1)">an encoded link</a>',
  '- <svg onload="document.body.dataset.pwned = \'svg\'"><script>alert(1)</script></svg>svg',
  '- <iframe srcdoc="<script>parent.document.body.dataset.pwned = \'iframe\'</script>"></iframe>iframe',
  '- <details open ontoggle="document.body.dataset.pwned = \'details\'"><summary>details</summary>toggled</details>',
  '- ![pixel](https://tracker.example/p.png "t\\" onerror=\\"document.body.dataset.pwned=1")',
  '- [command link](command:workbench.action.terminal.new)',
  '- <style onload="document.body.dataset.pwned = \'style\'">body { display: none }</style>styled',
  '- Read [the runbook](https://example.com/runbook) before on-call',
  '',
].join('\n');

function localDaysAgo(n: number): string {
  const d = new Date();
  return localDate(new Date(d.getFullYear(), d.getMonth(), d.getDate() - n));
}

/** A year of daily entries (yesterday and back), one of them hostile, three mentioning Kubernetes. */
function createJournal(): string {
  const journal = mkdtempSync(path.join(os.tmpdir(), 'reflect-e2e-panel-'));
  for (let i = 1; i <= ENTRIES; i++) {
    const date = localDaysAgo(i);
    const topic = i === 5 || i === 40 || i === 200 ? `Kubernetes upgrade, part ${i}` : `${TOPICS[i % TOPICS.length]} (day ${i})`;
    const body = i === HOSTILE_DAYS_AGO ? HOSTILE : i === BOMB_DAYS_AGO ? BOMB : `## What went well?\n- ${topic}\n\n## What drained me?\n- Back-to-back meetings\n`;
    const file = path.join(journal, 'entries', date.slice(0, 4), `${date}-end-of-day.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\ntype: end-of-day\ndate: ${date}\nenergy: ${(i % 5) + 1}\ntags: [${i % 30 === 0 ? 'oncall' : ''}]\n---\n\n# End of day · ${date}\n\n${body}`);
  }
  // A link planted among the entries (a pull or a synced folder can do that) to a private key.
  const secret = path.join(journal, '..', `${path.basename(journal)}-id_ed25519`);
  writeFileSync(secret, `## What went well?\n- ${SECRET} private key material\n`);
  const planted = localDaysAgo(3);
  symlinkSync(secret, path.join(journal, 'entries', planted.slice(0, 4), `${planted}-notes.md`));
  return journal;
}

/** A word only the linked secret holds. */
const SECRET = 'zqxsecretkey';

/** The panel's document: the webview view is an iframe inside an iframe, found by its timeline. */
async function panelFrame(page: Page, timeout = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const found = await frame.$('#timeline').catch(() => null);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error('the Journal panel did not appear');
    await page.waitForTimeout(25);
  }
}

const rows = (frame: Frame) => frame.locator('#timeline [role="option"]');
const reflectContainer = (page: Page) => page.locator('.activitybar [aria-label="Reflect"]').first();

async function showReflect(page: Page): Promise<void> {
  await reflectContainer(page).click();
  await page.locator('.pane-header', { hasText: 'Journal' }).first().waitFor({ state: 'visible' });
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('Journal panel (e2e)', function () {
  const journal = createJournal();
  const workbench = useWorkbench({ 'reflect.journalFolder': journal });
  const dialogs: string[] = [];
  after(() => {
    rmSync(journal, { recursive: true, force: true });
    rmSync(path.join(journal, '..', `${path.basename(journal)}-id_ed25519`), { force: true });
  });

  before(function () {
    workbench().page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it(`opens on a journal of ${ENTRIES} entries, newest first, and reports its first-render time`, async function () {
    const { page } = workbench();
    // The status-bar item renders once the index has loaded: open the panel on a ready journal.
    await page.locator('[id="reflect-team.reflect.reflect.status"], [id="reflect.status"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    const clicked = Date.now();
    await reflectContainer(page).click();
    const frame = await panelFrame(page);
    await rows(frame).first().waitFor({ state: 'visible' });
    const visibleMs = Date.now() - clicked;
    await frame.waitForFunction(() => /^\d+$/.test(document.body.dataset.firstRenderMs ?? ''));
    const inWebview = await frame.evaluate(() => ({
      started: performance.timeOrigin,
      rendered: Number(document.body.dataset.firstRenderMs),
      parts: JSON.parse(document.body.dataset.firstRenderTimings ?? '{}') as { scriptStarted: number; firstPageReceived: number; painted: number },
    }));
    const figures = {
      entries: ENTRIES,
      clickToRowsVisibleMs: visibleMs,
      clickToWebviewDocumentMs: Math.round(inWebview.started - clicked),
      webviewDocumentToRowsPaintedMs: inWebview.rendered,
      ...inWebview.parts,
    };
    console.log(
      `      first render with ${ENTRIES} entries: ${figures.clickToRowsVisibleMs} ms from the click to visible rows = ` +
        `${figures.clickToWebviewDocumentMs} ms until VS Code started the webview's document + ${figures.webviewDocumentToRowsPaintedMs} ms from there to the first rows painted ` +
        `(panel script running at ${figures.scriptStarted} ms, first page received at ${figures.firstPageReceived} ms)`,
    );
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'journal-panel-first-render.json'), JSON.stringify(figures, null, 2));

    assert.equal(await rows(frame).count(), 50, 'one page, not the whole journal');
    await frame.locator('#result-count', { hasText: `${ENTRIES} entries, newest first` }).waitFor();
    const first = (await rows(frame).first().textContent()) ?? '';
    assert.ok(first.includes('energy 2') && first.includes('Paired with Sam on the flaky test (day 1)'), first);
    const firstId = await rows(frame).first().getAttribute('data-id');
    assert.equal(firstId, `entries/${localDaysAgo(1).slice(0, 4)}/${localDaysAgo(1)}-end-of-day.md`);
    // Scrolling to the end loads the next page by itself.
    await rows(frame).last().scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => document.querySelectorAll('#timeline [role="option"]').length >= 100);
  });

  it('renders an entry full of hostile Markdown without running any of it', async function () {
    const { page } = workbench();
    const frame = await panelFrame(page);
    await frame.evaluate(() => {
      window.scrollTo(0, 0);
      document.body.dataset.violations = '[]';
      document.addEventListener('securitypolicyviolation', (e) => {
        const list = JSON.parse(document.body.dataset.violations ?? '[]') as { directive: string; source: string }[];
        list.push({ directive: e.violatedDirective, source: e.sourceFile });
        document.body.dataset.violations = JSON.stringify(list);
      });
    });
    // Keyboard: focus the list, arrow down to the hostile entry, Enter opens it.
    await rows(frame).first().click();
    await frame.locator('#reader-back').click();
    await frame.locator('#timeline [role="option"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await frame.locator('#reader-body li', { hasText: 'incident review' }).waitFor();
    assert.equal(await frame.evaluate(() => document.activeElement?.id), 'reader-title', 'focus moves to the entry for screen readers');
    await frame.locator('#reader-body a', { hasText: 'a javascript link' }).click();
    await frame.locator('#reader-body a', { hasText: 'command link' }).click();
    await page.waitForTimeout(1000);
    await screenshot(page, 'journal-panel-hostile-entry.png');

    const seen = await frame.evaluate(() => ({
      pwned: document.body.dataset.pwned ?? null,
      violations: JSON.parse(document.body.dataset.violations ?? '[]') as { directive: string; source: string }[],
      scripts: document.querySelectorAll('#reader-body script, #reader-body iframe, #reader-body svg, #reader-body img, #reader-body style').length,
      handlers: Array.from(document.querySelectorAll('#reader-body *')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      hrefs: Array.from(document.querySelectorAll('#reader-body [href]')).map((a) => a.getAttribute('href')),
      text: document.querySelector('#reader-body')?.textContent ?? '',
      url: location.href,
    }));
    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.equal(seen.pwned, null, 'no payload ran');
    // Chrome applies the panel's CSP even inside DOMPurify's inert parsing document and reports
    // (and blocks) the handlers it parses there: those reports come from the bundle's own script.
    // Nothing in the live reader may trip the CSP: the sanitizer left nothing for it to block.
    const fromLiveDom = seen.violations.filter((v) => !v.source.endsWith('/dist/webview.js'));
    assert.deepEqual(fromLiveDom, [], JSON.stringify(seen.violations));
    assert.equal(seen.scripts, 0);
    assert.deepEqual(seen.handlers, []);
    // The image is a link to open, not loaded; the runbook link is the only other one left.
    assert.deepEqual(seen.hrefs, ['https://tracker.example/p.png', 'https://example.com/runbook']);
    assert.match(seen.text, /a javascript link/);
    assert.match(seen.text, /Image: pixel/);
    // Control: a handler that does reach the live DOM (here put there by the test, bypassing the
    // sanitizer) is blocked by the CSP, and its report does not come from the bundle.
    await frame.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<img src="x" onerror="document.body.dataset.pwned = \'control\'">';
      document.body.append(probe);
    });
    const control = await frame.waitForFunction(() => (JSON.parse(document.body.dataset.violations ?? '[]') as { directive: string; source: string }[]).find((v) => !v.source.endsWith('/dist/webview.js')));
    assert.equal((await control.jsonValue())?.directive, 'script-src-attr');
    assert.equal(await frame.evaluate(() => document.body.dataset.pwned ?? null), null, 'the CSP blocked the control handler');
    await frame.evaluate(() => document.body.lastElementChild?.remove());

    // An http link goes to the extension, which asks VS Code to open it outside: the webview stays put.
    await frame.locator('a[href="https://example.com/runbook"]').click();
    await page.locator('.monaco-dialog-box', { hasText: 'example.com' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Escape');
    assert.equal(seen.url, await frame.evaluate(() => location.href));
  });

  it('search narrows the timeline', async function () {
    const { page } = workbench();
    const frame = await panelFrame(page);
    await frame.locator('#reader-back').click();
    await frame.locator('#search').fill('kubernetes');
    await frame.locator('#result-count', { hasText: '3 entries match' }).waitFor();
    await frame.waitForFunction(() => document.querySelectorAll('#timeline [role="option"]').length === 3);
    const texts = await rows(frame).allTextContents();
    assert.deepEqual(
      texts.map((t) => /part (\d+)/.exec(t)?.[1]),
      ['5', '40', '200'],
    );
    await screenshot(page, 'journal-panel-search.png');
    await frame.locator('#search').press('Escape');
    await frame.locator('#result-count', { hasText: `${ENTRIES} entries, newest first` }).waitFor();
  });

  it('answers at once with an entry built to freeze its patterns in the journal (times reported)', async function () {
    const { page } = workbench();
    const frame = await panelFrame(page);
    if (await frame.locator('#reader-back').isVisible()) await frame.locator('#reader-back').click();
    const searched = Date.now();
    await frame.locator('#search').fill(BOMB_WORD);
    await frame.locator('#result-count', { hasText: '1 entry matches' }).waitFor();
    const searchMs = Date.now() - searched;
    const opened = Date.now();
    await rows(frame).first().click();
    await frame.locator('#reader-body li', { hasText: BOMB_WORD }).waitFor();
    await frame.locator('#reader-body li', { hasText: '_a_a_a' }).first().waitFor();
    const readMs = Date.now() - opened;
    console.log(`      with a 400 KB hostile entry in the journal: search answered in ${searchMs} ms, the entry opened in ${readMs} ms`);
    writeFileSync(path.join(resultsDir, 'journal-panel-hostile-timing.json'), JSON.stringify({ searchMs, readMs }, null, 2));
    // Generous bounds: before the fix one such line froze the panel for 17 s and the host for minutes.
    assert.ok(searchMs < 10_000, `search took ${searchMs} ms`);
    assert.ok(readMs < 10_000, `opening took ${readMs} ms`);
    await frame.locator('#reader-back').click();
    await frame.locator('#search').press('Escape');
    await frame.locator('#result-count', { hasText: `${ENTRIES} entries, newest first` }).waitFor();
  });

  it('never shows a link planted in the journal, and says it skipped it', async function () {
    const { page } = workbench();
    const frame = await panelFrame(page);
    await frame.locator('#search').fill(SECRET);
    await frame.locator('#result-count', { hasText: `No entries match` }).waitFor();
    const listed = await frame.locator('#timeline').textContent();
    await frame.locator('#search').press('Escape');
    assert.equal(await rows(frame).count(), 0);
    assert.ok(!(listed ?? '').includes(SECRET), 'the secret is nowhere in the timeline');
    await frame.locator('#result-count', { hasText: `${ENTRIES} entries, newest first` }).waitFor();
    // Said once, in a warning (it may have left the screen since: look in the notification list).
    await runCommand(page, 'Notifications: Show Notifications');
    const said = page.locator('.notifications-center', { hasText: 'it is a link, and Reflect never follows links' });
    await said.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(!((await said.textContent()) ?? '').includes(SECRET));
    await page.keyboard.press('Escape');
  });

  it("quick capture and the energy picker write to today's entry", async function () {
    const { page } = workbench();
    const frame = await panelFrame(page);
    const day = localDate();
    const file = path.join(journal, 'entries', day.slice(0, 4), `${day}-end-of-day.md`);
    await frame.locator('#capture-kind').selectOption('win');
    await frame.locator('#capture-text').fill('Paired with Sam on the flaky test');
    await frame.locator('#capture-text').press('Enter');
    await frame.locator('#capture-status', { hasText: "Win added to today's entry." }).waitFor();
    const text = await waitForFile(file, (t) => t.includes('- Paired with Sam on the flaky test'));
    const lines = text.split('\n');
    assert.equal(lines[lines.indexOf('- Paired with Sam on the flaky test') - 1], '## What went well?', text);
    assert.equal(await frame.locator('#capture-text').inputValue(), '', 'the box is cleared for the next one');

    await frame.locator('label[for="energy-4"]').click();
    await waitForFile(file, (t) => /^energy: 4\b/m.test(t));
    // The timeline shows today's entry on top with its energy, without a reload.
    await rows(frame).first().filter({ hasText: 'energy 4' }).waitFor({ timeout: 15_000 });
    assert.equal(await rows(frame).first().getAttribute('data-id'), `entries/${day.slice(0, 4)}/${day}-end-of-day.md`);
  });

  it('keeps its scroll position, selection and open entry when hidden and shown', async function () {
    const { page } = workbench();
    let frame = await panelFrame(page);
    const target = rows(frame).nth(30);
    await target.scrollIntoViewIfNeeded();
    await target.click();
    const id = await target.getAttribute('data-id');
    await frame.locator('#reader-title').waitFor();
    await frame.locator('#reader-back').click();
    await page.waitForTimeout(400); // the scroll position is saved a moment after scrolling stops
    const scrollY = await frame.evaluate(() => window.scrollY);
    assert.ok(scrollY > 200, `the list was scrolled (${scrollY})`);

    await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await page.waitForTimeout(500);
    const shown = Date.now();
    await showReflect(page);
    frame = await panelFrame(page);
    await frame.locator('#timeline [role="option"][aria-selected="true"]').waitFor();
    console.log(`      shown again: ${Date.now() - shown} ms from the click to the restored timeline`);
    assert.equal(await frame.locator('#timeline [role="option"][aria-selected="true"]').getAttribute('data-id'), id);
    await frame.waitForFunction((y) => Math.abs(window.scrollY - y) < 30, scrollY, { timeout: 10_000 }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}: scrollY ${await frame.evaluate(() => `${window.scrollY} of ${document.documentElement.scrollHeight}, viewport ${window.innerHeight}`)}, expected ${scrollY}`);
    });

    // With an entry open, it comes back open.
    await rows(frame).nth(31).click();
    const title = (await frame.locator('#reader-title').filter({ hasNotText: 'Loading' }).textContent()) ?? '';
    await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await page.waitForTimeout(500);
    await showReflect(page);
    frame = await panelFrame(page);
    await frame.locator('#reader-title', { hasText: title }).waitFor();
    assert.equal(await frame.locator('#reader').isVisible(), true);

    // "Open in editor" opens the entry's file.
    await frame.locator('#reader-open').click();
    await page.locator('.tab.active', { hasText: `${localDaysAgo(31)}-end-of-day.md` }).waitFor({ state: 'visible', timeout: 15_000 });
    await frame.locator('#reader-back').click();
  });

  it('is readable in dark, light and high-contrast themes (screenshots saved)', async function () {
    const { page } = workbench();
    // Collapse Growth Notes and widen the sidebar so the screenshots show the panel as a reader would set it up.
    const growthHeader = page.locator('.pane-header', { hasText: 'Growth Notes' }).first();
    if ((await growthHeader.getAttribute('aria-expanded')) === 'true') await growthHeader.click();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 2, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 122, sidebar.y + sidebar.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    for (const [theme, name] of [
      ['Dark Modern', 'dark'],
      ['Light Modern', 'light'],
      ['Dark High Contrast', 'high-contrast'],
    ] as const) {
      await runCommand(page, 'Preferences: Color Theme');
      await pickQuickItem(page, theme);
      await page.waitForTimeout(1000);
      const frame = await panelFrame(page);
      await frame.evaluate(() => window.scrollTo(0, 0));
      await rows(frame).first().waitFor();
      const colours = await frame.evaluate(() => {
        const css = (sel: string, prop: 'color' | 'backgroundColor'): string => getComputedStyle(document.querySelector(sel)!)[prop];
        return { bg: css('body', 'backgroundColor'), date: css('#timeline .row .date', 'color'), preview: css('#timeline .row .preview', 'color'), kind: document.body.className };
      });
      const shot = await screenshot(page, `journal-panel-${name}.png`);
      await page.locator('.part.sidebar').screenshot({ path: path.join(resultsDir, `journal-panel-sidebar-${name}.png`) });
      console.log(`      ${theme}: ${shot}; text contrast ${contrast(colours.date, colours.bg).toFixed(1)}:1, preview ${contrast(colours.preview, colours.bg).toFixed(1)}:1`);
      assert.ok(contrast(colours.date, colours.bg) >= 4.5, `${theme}: ${JSON.stringify(colours)}`);
      assert.ok(contrast(colours.preview, colours.bg) >= 4.5, `${theme}: ${JSON.stringify(colours)}`);
    }
    assert.deepEqual(dialogs, []);
  });
});
