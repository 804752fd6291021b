/**
 * The extension loads in real Chromium, runs on Seller Center and nowhere else, and leaves the
 * fixture pages' own content and network alone. Badge assertions live in badges.test.ts.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SELLER_CENTER_MATCHES } from '../../lib/seller-center-hosts';
import { badgeSummary, collectPageErrors, contentScriptWorlds, listFixtures, openBlank, openFixture, pageOwnText } from './browser';
import { launchForFile } from './suite';

const ext = launchForFile();

/** Runs `work`, returning the hosts of every http(s) request the browser made meanwhile (pages and worker). */
async function requestedHosts(work: () => Promise<void>): Promise<string[]> {
  const hosts = new Set<string>();
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.protocol === 'https:' || url.protocol === 'http:') hosts.add(url.host);
  };
  ext.context.on('request', onRequest);
  try {
    await work();
  } finally {
    ext.context.off('request', onRequest);
  }
  return [...hosts];
}

/** The content script runs at document_idle, around `load`: wait until it has (or would have). */
async function expectContentScript(page: Page, runs: boolean): Promise<void> {
  const worlds = () => contentScriptWorlds(page, ext.extensionId);
  if (runs) {
    await expect.poll(worlds, { timeout: 5_000 }).toHaveLength(1);
  } else {
    await page.waitForTimeout(500);
    expect(await worlds()).toEqual([]);
  }
}

describe('the loaded extension', () => {
  it('has its service worker running', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`${ext.origin}/background.js`);
  });

  it('asks for exactly the two Seller Center hosts and never <all_urls>', () => {
    expect([...(ext.manifest.host_permissions as string[])].sort()).toEqual([...SELLER_CENTER_MATCHES].sort());
    expect(ext.manifest.optional_host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(ext.manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    const contentScripts = ext.manifest.content_scripts as { matches: string[] }[];
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const script of contentScripts) expect(SELLER_CENTER_MATCHES).toEqual(expect.arrayContaining(script.matches));
  });
});

describe('where the content script runs', () => {
  it.each(['seller', 'global'] as const)('runs on the %s Seller Center host, without errors', async (host) => {
    const page = await openBlank(ext.context, host);
    await expectContentScript(page, true);
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });

  it('does not run on a non-seller host, and adds nothing there', async () => {
    const page = await openBlank(ext.context, 'nonSeller');
    await expectContentScript(page, false);
    expect(await badgeSummary(page)).toEqual([]);
    await page.close();
  });
});

describe('fixture pages at their Seller Center URLs', () => {
  const fixtures = listFixtures();
  if (fixtures.length === 0) it.todo('test/fixtures/pages has no pages yet');

  it.each(fixtures)('%s: loads without errors, own text and network untouched', async (name) => {
    // The same page where the extension does not run: what the seller would see without it.
    const plain = await openFixture(ext.context, name, { host: 'nonSeller' });
    const plainText = await pageOwnText(plain);
    expect(await badgeSummary(plain)).toEqual([]);
    await plain.close();

    const hosts = await requestedHosts(async () => {
      const page = await openFixture(ext.context, name);
      await expectContentScript(page, true);
      expect(collectPageErrors(page)).toEqual([]);
      expect(await pageOwnText(page)).toBe(plainText);
      await page.close();
    });
    // Only the page itself: the extension reads what is shown and never calls the site's APIs.
    expect(hosts).toEqual(['csp.aliexpress.com']);
  });
});
