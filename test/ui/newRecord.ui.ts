// Drives the real workbench as a person would: the Decisions view in the activity bar, then
// "Rationale: New Decision Record" from the Command Palette, answering each step with the keyboard.
// Run by scripts/test-integration.js after the extension-host tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openWorkbench, repositoryRoot, type Workbench } from './workbench';

const SAMPLE_RECORD = 'Bill annual plans upfront';
const NEW_TITLE = 'Offer a referral discount to studios';
const DECISIONS_FOLDER = path.join('docs', 'decisions');
/** The README shows this picture; a test run only rewrites it when asked to, so runs leave the repository clean. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT === '1'
  ? path.join(repositoryRoot(), 'media', 'screenshot-sidebar.png')
  : path.join(os.tmpdir(), 'rationale-screenshot-sidebar.png');

function treeRows(page: Page): Locator {
  return page.locator('.part.sidebar .monaco-list-row');
}

function treeRow(page: Page, text: string): Locator {
  return treeRows(page).filter({ hasText: text });
}

/** Waits until the quick input shows step `step` of the New Decision Record flow, e.g. `(2/4)`. */
async function waitForStep(page: Page, step: number): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: `(${step}/4)` }).waitFor();
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Makes the sidebar wide enough for whole titles by dragging its edge, as a person would. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) return;
  const edgeX = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(edgeX - 1, y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, y, { steps: 10 });
  await page.mouse.up();
}

describe('New Decision Record in the workbench', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openWorkbench(path.join(repositoryRoot(), 'samples', 'workspace'), 'studiobook');
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the sample log in the Decisions view', async () => {
    await page.locator('.activitybar a.action-label[aria-label^="Decisions"]').click();
    await treeRow(page, SAMPLE_RECORD).waitFor({ timeout: 30_000 });
    const groups = await treeRows(page).filter({ has: page.locator('.monaco-tl-twistie.collapsible') }).allTextContents();
    assert.ok(groups.some((text) => text.startsWith('Proposed')), `no Proposed group in ${JSON.stringify(groups)}`);
    assert.ok(groups.some((text) => text.startsWith('Accepted')), `no Accepted group in ${JSON.stringify(groups)}`);
    assert.equal(await treeRows(page).count(), 15, 'five status groups and ten records');

    await widenSidebar(page, 560);
    await treeRow(page, SAMPLE_RECORD).click();
    await page.locator('.editor-group-container .tab.active').filter({ hasText: '0009-bill-annual-plans-upfront.md' }).waitFor();
    // Park the pointer where it opens no hover, and give the editor a moment to paint its highlighting.
    await page.mouse.move(900, 880);
    await page.waitForTimeout(1000);
    const titleBar = await page.locator('.part.titlebar').boundingBox();
    const viewport = page.viewportSize();
    assert.ok(viewport);
    const top = titleBar ? titleBar.y + titleBar.height : 0;
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
    console.log(`      screenshot: ${path.relative(process.cwd(), SCREENSHOT)}`);
  });

  it('creates a record from the Command Palette and shows it in the tree', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget').waitFor();
    await page.keyboard.type('Rationale: New Decision Record');
    await page.locator('.quick-input-widget .monaco-list-row[aria-label="Rationale: New Decision Record"]').waitFor();
    await page.keyboard.press('Enter');

    await waitForStep(page, 1);
    await page.keyboard.type(NEW_TITLE);
    await page.keyboard.press('Enter');
    // Template, tags, stakeholders: Enter takes the default of each.
    for (const step of [2, 3, 4]) {
      await waitForStep(page, step);
      await page.keyboard.press('Enter');
    }
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

    const folder = path.join(workbench.workspace, DECISIONS_FOLDER);
    const file = await waitFor('the new record on disk', () =>
      fs.readdirSync(folder).find((name) => name.startsWith('0011-')),
    );
    assert.equal(file, '0011-offer-a-referral-discount-to-studios.md');
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    assert.match(text, new RegExp(`^title: ${NEW_TITLE}$`, 'm'));
    assert.match(text, /^status: proposed$/m);
    assert.match(text, new RegExp(`^# ${NEW_TITLE}$`, 'm'));

    await treeRow(page, NEW_TITLE).waitFor({ timeout: 15_000 });
    assert.match((await treeRow(page, NEW_TITLE).textContent()) ?? '', /^DR-11 /);
    await page.locator('.editor-group-container .tab.active').filter({ hasText: file }).waitFor();
  });
});
