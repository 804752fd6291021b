/**
 * `npm run screenshots`: the README's pictures, taken in real Chromium with the built extension at
 * the Seller Center URLs of the fixture pages (the e2e suite's server and launcher), into docs/.
 * Needs a Chinese font for the zh pages (apt-get install fonts-noto-cjk): it warns without one.
 */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchWithExtension, openExtensionPage, openFixture, settleBadges, type Extension } from '../test/e2e/browser';
import { warnWithoutChineseFont } from '../test/e2e/chinese-font';
import { prepareEnvironment } from '../test/e2e/environment';
import type { FixtureUrlOptions } from '../test/e2e/fixture-server';
import { REPO_ROOT } from '../test/e2e/paths';

const DOCS = join(REPO_ROOT, 'docs');

interface BadgeShot {
  fixture: string;
  url?: FixtureUrlOptions;
  height: number;
  /** The badge whose explanation shows. */
  badge: string;
  /** How it opens: keyboard focus, as a seller tabbing through the page would, or a click. */
  open: 'focus' | 'click';
}

/** A fixture page with its badges drawn and one badge's explanation open. */
async function badgePage(ext: Extension, { fixture, url, height, badge, open }: BadgeShot): Promise<Page> {
  const page = await openFixture(ext.context, fixture, url);
  await page.setViewportSize({ width: 1280, height });
  await settleBadges(page);
  const button = page.locator(`${badge} button.badge`).first();
  await (open === 'focus' ? button.focus() : button.click());
  await page.locator(`${badge} .explain`).first().waitFor({ state: 'visible' });
  return page;
}

async function main(): Promise<void> {
  warnWithoutChineseFont("the README's pictures would show Chinese text as boxes");
  const environment = await prepareEnvironment({ build: !process.argv.includes('--skip-build') });
  const ext = await launchWithExtension({ extensionDir: environment.extensionDir, port: environment.port, headless: true });
  try {
    const shots: [file: string, open: () => Promise<Page>, fullPage?: boolean][] = [
      ['badges-inventory.png', () =>
        badgePage(ext, { fixture: 'inventory-zh-fusion', height: 720, badge: '[data-lsm-kind="safety"][data-lsm-sku="ES-CHAIR-002"]', open: 'focus' })],
      ['badges-store.png', () =>
        badgePage(ext, {
          fixture: 'store-performance-en',
          url: { channelId: '2001' },
          height: 640,
          badge: '[data-lsm-kind="eligibility"][data-lsm-criterion="all"]',
          open: 'focus',
        })],
      ['badges-event-log.png', () =>
        badgePage(ext, { fixture: 'event-log-zh', height: 720, badge: '[data-lsm-kind="event-code"][data-lsm-code="SA-118"]', open: 'click' })],
      ['popup.png', async () => {
        const page = await openExtensionPage(ext, 'popup.html');
        await page.setViewportSize({ width: 400, height: 640 });
        await page.waitForLoadState('networkidle');
        return page;
      }, true],
    ];
    for (const [file, open, fullPage = false] of shots) {
      const page = await open();
      await page.screenshot({ path: join(DOCS, file), fullPage });
      await page.close();
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
