/**
 * What the Chromium test files share on top of browser.ts. Kept apart from browser.ts because the
 * demo, the screenshots script and the bench use browser.ts outside vitest; this file registers
 * vitest hooks.
 *
 *   const ext = launchForFile();   // one browser for the file's tests
 *
 *   it('draws nothing behind the anti-bot gate', async () => {
 *     const { page, expected } = await openWithSkuBadges(ext.context, 'inventory-en-table');
 *     await showCaptchaMask(page);
 *     await waitForBadges(page, '[data-lsm-kind]', 0);
 *     await removeGate(page);
 *     await waitForBadges(page, '[data-lsm-kind="safety"]', expected.safety.length);
 *   });
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { EXPECTED_PAGES, expectedSkuBadges, type SkuBadge } from '../fixtures/pages/expected';
import { launchWithExtension, openFixture, waitForBadges, type Extension, type LaunchOptions } from './browser';

/**
 * The test file's one browser with the extension: launched before its first test, closed after its
 * last. The handle exists from the start; what it reads is the launched browser's.
 */
export function launchForFile(options: LaunchOptions = {}): Extension {
  let launched: Extension | undefined;
  beforeAll(async () => {
    launched = await launchWithExtension(options);
  });
  afterAll(() => launched?.close());
  const current = (): Extension => {
    if (!launched) throw new Error('The browser starts in beforeAll: use it inside hooks and tests.');
    return launched;
  };
  return {
    get context() {
      return current().context;
    },
    get extensionId() {
      return current().extensionId;
    },
    get origin() {
      return current().origin;
    },
    get manifest() {
      return current().manifest;
    },
    get serviceWorker() {
      return current().serviceWorker;
    },
    close: () => current().close(),
  };
}

/** A fixture page that lists SKUs, once every row has its safety badge; with the badges its rows should show today. */
export async function openWithSkuBadges(
  context: BrowserContext,
  name: string,
): Promise<{ page: Page; expected: { safety: SkuBadge[]; ito: SkuBadge[] } }> {
  const expected = expectedSkuBadges(EXPECTED_PAGES[name]!);
  const page = await openFixture(context, name);
  await waitForBadges(page, '[data-lsm-kind="safety"]', expected.safety.length);
  return { page, expected };
}

/** The id of the anti-bot gate a test puts on the page, for removeGate. */
export const TEST_GATE_ID = 'lsm-test-gate';

/** Puts the anti-bot slider mask (.baxia-dialog-mask) over the page; `hidden`: in the page but not shown. */
export function showCaptchaMask(page: Page, { hidden = false } = {}): Promise<void> {
  return page.evaluate(
    ({ id, hidden }) => {
      const mask = document.createElement('div');
      mask.className = 'baxia-dialog-mask';
      mask.id = id;
      mask.style.cssText = hidden ? 'display:none' : 'position:fixed;inset:0;background:rgba(0,0,0,.4)';
      document.body.append(mask);
    },
    { id: TEST_GATE_ID, hidden },
  );
}

/** Takes away the gate a test put on the page (the element with TEST_GATE_ID). */
export function removeGate(page: Page): Promise<void> {
  return page.evaluate((id) => document.getElementById(id)!.remove(), TEST_GATE_ID);
}
