/**
 * `npm run screenshots`: the README's pictures, taken in real Chromium with the built extension at
 * the Seller Center URLs of the fixture pages (the e2e suite's server and launcher), into docs/.
 * Needs a Chinese font for the zh pages (apt-get install fonts-noto-cjk).
 */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchWithExtension, openExtensionPage, openFixture, settleBadges } from '../test/e2e/browser';
import { prepareEnvironment } from '../test/e2e/environment';
import { REPO_ROOT } from '../test/e2e/paths';

const DOCS = join(REPO_ROOT, 'docs');

/** Opens the explanation of one badge by keyboard focus, as a seller tabbing through the page would. */
async function focusBadge(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector} button.badge`).first().focus();
  await page.locator(`${selector} .explain`).first().waitFor({ state: 'visible' });
}

async function main(): Promise<void> {
  const environment = await prepareEnvironment({ build: !process.argv.includes('--skip-build') });
  const ext = await launchWithExtension({ extensionDir: environment.extensionDir, port: environment.port, headless: true });
  try {
    const shots: [string, () => Promise<void>][] = [
      ['badges-inventory.png', async () => {
        const page = await openFixture(ext.context, 'inventory-zh-fusion');
        await page.setViewportSize({ width: 1280, height: 720 });
        await settleBadges(page);
        await focusBadge(page, '[data-lsm-kind="safety"][data-lsm-sku="ES-CHAIR-002"]');
        await page.screenshot({ path: join(DOCS, 'badges-inventory.png') });
        await page.close();
      }],
      ['badges-store.png', async () => {
        const page = await openFixture(ext.context, 'store-performance-en', { channelId: '2001' });
        await page.setViewportSize({ width: 1280, height: 640 });
        await settleBadges(page);
        await focusBadge(page, '[data-lsm-kind="eligibility"][data-lsm-criterion="all"]');
        await page.screenshot({ path: join(DOCS, 'badges-store.png') });
        await page.close();
      }],
      ['badges-event-log.png', async () => {
        const page = await openFixture(ext.context, 'event-log-zh');
        await page.setViewportSize({ width: 1280, height: 720 });
        await settleBadges(page);
        await page.locator('[data-lsm-kind="event-code"][data-lsm-code="SA-118"] button.badge').first().click();
        await page.locator('[data-lsm-kind="event-code"][data-lsm-code="SA-118"] .explain').first().waitFor({ state: 'visible' });
        await page.screenshot({ path: join(DOCS, 'badges-event-log.png') });
        await page.close();
      }],
      ['popup.png', async () => {
        const page = await openExtensionPage(ext, 'popup.html');
        await page.setViewportSize({ width: 400, height: 640 });
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(DOCS, 'popup.png'), fullPage: true });
        await page.close();
      }],
    ];
    for (const [file, take] of shots) {
      await take();
      console.log(`  docs/${file}`);
    }
  } finally {
    await ext.close().catch(() => undefined);
    await environment.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
