/**
 * Nothing leaves the device: every request Chromium makes while the extension reads every fixture
 * page, shows its explanations, and opens its own pages, is recorded (pages, frames, and the
 * extension's service worker, whose network Playwright follows through CDP on the worker target),
 * and none of them is the extension's. Two controls first prove the recorder would see a request
 * made from the extension's content-script world and from its service worker.
 * PRIVACY.md says what this test checks; change both together.
 */
import type { CDPSession, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { fixtureUrl, listFixtures, openExtensionPage, openFixture, settleBadges } from './browser';
import { launchForFile } from './suite';

const ext = launchForFile();

interface Recorded {
  url: string;
  method: string;
  resourceType: string;
  navigation: boolean;
  /** The service worker that made it, or null. */
  worker: string | null;
  /** The frame that made it, or null (a worker's request). */
  frame: string | null;
}

/** Every request the browser context makes while `work` runs. */
async function recordRequests(work: () => Promise<void>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const onRequest = (request: Request) => {
    let frame: string | null = null;
    try {
      frame = request.frame().url();
    } catch {
      // A service worker's request has no frame.
    }
    recorded.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      navigation: request.isNavigationRequest(),
      worker: request.serviceWorker()?.url() ?? null,
      frame,
    });
  };
  ext.context.on('request', onRequest);
  try {
    await work();
  } finally {
    ext.context.off('request', onRequest);
  }
  return recorded;
}

/** Runs an expression in the extension's content-script world of the page. */
async function inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.origin === ext.origin);
    if (!world) throw new Error('the content script has no world in this page');
    const { result } = await session.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    return result.value;
  } finally {
    await session.detach();
  }
}

const isNetwork = (url: string) => /^(https?|wss?|ftp):/i.test(url);

describe('the recorder sees what the extension could send', () => {
  it('records a request made from the content-script world', async () => {
    const page = await openFixture(ext.context, 'inventory-en-table');
    await settleBadges(page);
    const requests = await recordRequests(async () => {
      await inContentScriptWorld(page, `fetch('https://csp.aliexpress.com/__lsm/blank?probe=content-script').then(() => 1, () => 0)`);
    });
    expect(requests.map((r) => r.url)).toContain('https://csp.aliexpress.com/__lsm/blank?probe=content-script');
    await page.close();
  });

  it("records a request made from the extension's service worker", async () => {
    const requests = await recordRequests(async () => {
      await ext.serviceWorker.evaluate(() => fetch('https://csp.aliexpress.com/__lsm/blank?probe=worker').then(() => 1, () => 0));
    });
    expect(requests).toContainEqual(
      expect.objectContaining({ url: 'https://csp.aliexpress.com/__lsm/blank?probe=worker', worker: expect.stringContaining(ext.origin) }),
    );
  });
});

describe('what the extension sends while it works', () => {
  it('zero requests: every fixture page read, every explanation opened, its own pages opened', async () => {
    const visited = new Set<string>();
    const fixtures = listFixtures();
    expect(fixtures.length).toBeGreaterThan(0);

    const requests = await recordRequests(async () => {
      // Every page on Seller Center, two on its global twin (the same code path, another host).
      const visits = [
        ...fixtures.map((name) => ({ name, host: 'seller' as const })),
        ...fixtures.slice(0, 2).map((name) => ({ name, host: 'global' as const })),
      ];
      const visit = async ({ name, host }: (typeof visits)[number]) => {
        const url = fixtureUrl(name, { host });
        visited.add(url);
        const page = await openFixture(ext.context, name, { host });
        await settleBadges(page, '[data-lsm-kind]', { quiet: 400 });
        // Explanations rendered (a glossary or history lookup goes through the worker).
        const buttons = page.locator('[data-lsm-kind] button.badge');
        const count = Math.min(await buttons.count(), 4);
        for (let i = 0; i < count; i += 1) await buttons.nth(i).focus();
        // A soft navigation inside the single-page app, as the seller moves between pages.
        await page.evaluate(() => history.pushState({}, '', `${location.pathname}?channelId=2002`));
        await page.waitForTimeout(200);
        await page.close();
      };
      // Three tabs at a time, as a seller would have them.
      for (let i = 0; i < visits.length; i += 3) await Promise.all(visits.slice(i, i + 3).map(visit));
      const manifest = ext.manifest as { action?: { default_popup?: string }; options_ui?: { page?: string }; options_page?: string };
      for (const path of [manifest.action?.default_popup, manifest.options_ui?.page ?? manifest.options_page]) {
        if (!path) continue;
        const page = await openExtensionPage(ext, path);
        await page.waitForTimeout(1_000);
        await page.close();
      }
      // Give the worker time to do anything it would do after a save (alarms, notifications).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    });

    // What we asked for: the page navigations. Everything else on the network would be the extension's.
    const ours = requests.filter((r) => !(r.navigation && r.resourceType === 'document' && visited.has(r.url)));
    const onTheNetwork = ours.filter((r) => isNetwork(r.url));
    expect(onTheNetwork).toEqual([]);
    // The rest are the extension's own packaged files (its pages' scripts and styles), read from disk.
    for (const r of ours) expect(r.url.startsWith(`${ext.origin}/`) || r.url.startsWith('data:') || r.url.startsWith('blob:'), r.url).toBe(true);
    // The pages were really read: the recorder saw every navigation.
    expect(requests.filter((r) => r.navigation).length).toBeGreaterThanOrEqual(visited.size);
  }, 240_000);
});
