/**
 * Real Chromium with the built extension, at the real Seller Center URLs.
 *
 * global-setup.ts builds the extension once per run, makes a certificate and starts the fixture
 * server; Chromium resolves csp.aliexpress.com, gsp.aliexpress.com and shop.example.test (a host
 * the extension must leave alone) to that server and reaches nothing else.
 *
 * One browser per test file, shared by its tests (launchForFile in suite.ts launches it before the
 * file's tests and closes it after):
 *
 *   import { expect, it } from 'vitest';
 *   import { badgeSummary, collectPageErrors, openFixture, waitForBadges } from './browser';
 *   import { launchForFile } from './suite';
 *
 *   const ext = launchForFile();
 *
 *   it('marks each SKU row', async () => {
 *     const page = await openFixture(ext.context, 'inventory-zh-fusion');      // csp, channelId=2001
 *     await waitForBadges(page, '[data-lsm-kind="safety"]', 12);
 *     expect(await badgeSummary(page)).toContainEqual(
 *       expect.objectContaining({ kind: 'safety', sku: 'ES-1001', status: 'low' }));
 *     expect(collectPageErrors(page)).toEqual([]);
 *     await page.close();
 *   });
 *
 * API (all async unless marked):
 * - `launchWithExtension({ headless?, userDataDir?, lang?, extensionDir?, port?, args? })` -> `Extension`
 *   `{ context, extensionId, origin, manifest, serviceWorker (live worker), close() }`.
 *   Inside vitest, extensionDir and port come from global-setup; outside (the demo) pass them.
 *   A new empty profile is made (and deleted on close) unless `userDataDir` is given: pass the same
 *   folder to two launches to test what survives a browser restart. `lang` (default `zh-CN`) is
 *   the browser's UI language, which picks the extension's locale. `E2E_HEADED=1` shows the window.
 * - `openFixture(context, name, { host?: 'seller' | 'global' | 'nonSeller', channelId?, app? })`
 *   -> `Page` loaded at `https://csp.aliexpress.com/m_apps/<app>/<name>?channelId=<n>`.
 * - `openBlank(context, host?)` -> `Page` at `https://<host>/__lsm/blank`, an empty page shell for
 *   tests that write their own DOM (as text: `textContent`, never `innerHTML`).
 * - `openExtensionPage(ext, 'popup.html' | 'options.html')` -> `Page`.
 * - `waitForBadges(page, selector = '[data-lsm-kind]', count, { timeout? })` -> `BadgeInfo[]`:
 *   waits until exactly `count` elements match (and stay so for two polls), else throws saying
 *   what was there.
 * - `settleBadges(page, selector = '[data-lsm-kind]', { quiet = 500, timeout = 5000 })` -> `BadgeInfo[]`:
 *   waits until the count stops changing, for when the count is not known in advance.
 * - `badgeSummary(page, selector = '[data-lsm-kind]')` -> `BadgeInfo[]` in document order:
 *   `{ kind, status, criterion, sku, code }` from the `data-lsm-*` attributes (null when absent).
 * - `collectPageErrors(page)` (sync) -> live `string[]` of uncaught errors and console errors;
 *   `openFixture`/`openBlank` start collecting before navigating, so load-time errors are in it.
 * - `pageOwnText(page)` -> the page's text with every extension host left out, whitespace collapsed.
 * - `contentScriptWorlds(page, extensionId)` -> names of the extension's isolated worlds in the
 *   page's main frame: non-empty once its content script has run there.
 * - `extensionStorage(ext)` -> `{ local, indexedDB }`: everything in chrome.storage.local, and
 *   every IndexedDB database of the extension as `{ [db]: { [store]: records[] } }`.
 * - `fixtureUrl`, `blankUrl`, `listFixtures`, `HOSTS` are re-exported from fixture-server.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

import {
  blankUrl,
  fixtureUrl,
  hostResolverRules,
  type FixtureUrlOptions,
  type HostName,
} from './fixture-server';

export { blankUrl, fixtureUrl, HOSTS, listFixtures, type HostName } from './fixture-server';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags that keep Chromium quiet and offline (besides the mapped hosts) and working as root in CI. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

export class ChromiumMissingError extends Error {}

/** For scripts (demo, bench): whether Chromium is there; when it is not, says how to get it on stderr. */
export function chromiumFound(): boolean {
  try {
    findChromium();
    return true;
  } catch (error) {
    if (!(error instanceof ChromiumMissingError)) throw error;
    console.error(error.message);
    return false;
  }
}

/** `$CHROMIUM_PATH`, else Debian's chromium; throws a message saying how to get one. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new ChromiumMissingError(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new ChromiumMissingError(
    'Chromium is not installed. Install it with `sudo apt-get install chromium` ' +
      '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary.',
  );
}

export interface LaunchOptions {
  /** Default: true, unless E2E_HEADED=1. */
  headless?: boolean;
  /** A profile folder to reuse (kept on close); default a new empty one, deleted on close. */
  userDataDir?: string;
  /** The unpacked extension; default the one global-setup built. */
  extensionDir?: string;
  /** The fixture server's port; default the one global-setup started. */
  port?: number;
  /** Browser UI language, which the extension's `chrome.i18n` follows; also the pages' navigator.language. Default `zh-CN`. */
  lang?: string;
  /** More Chromium flags. */
  args?: string[];
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>` */
  origin: string;
  /** The manifest as Chromium loaded it (`chrome.runtime.getManifest()`). */
  manifest: Record<string, unknown>;
  /** The extension's service worker (the live one, when Chromium has restarted it). */
  readonly serviceWorker: Worker;
  close(): Promise<void>;
}

/** The extension and fixture server to use: as given, else (inside vitest only) global-setup's. */
async function resolveTargets(options: LaunchOptions): Promise<{ extensionDir: string; port: number }> {
  if (options.extensionDir !== undefined && options.port !== undefined) {
    return { extensionDir: options.extensionDir, port: options.port };
  }
  // The demo passes both, so it never loads vitest.
  const { inject } = await import('vitest');
  return {
    extensionDir: options.extensionDir ?? inject('lsmExtensionDir'),
    port: options.port ?? inject('lsmFixturePort'),
  };
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Extension> {
  const { extensionDir, port } = await resolveTargets(options);
  const { lang = 'zh-CN' } = options;
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'lsm-profile-'));

  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: options.headless ?? process.env.E2E_HEADED !== '1',
      // Playwright turns extensions off by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...CHROMIUM_FLAGS,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${hostResolverRules(port)}`,
        `--lang=${lang}`,
        ...(options.args ?? []),
      ],
      ignoreHTTPSErrors: true,
      locale: lang,
      viewport: { width: 1280, height: 900 },
      timeout: 30_000,
    });
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const firstWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }).catch((error: unknown) => {
        throw new Error(`The extension's service worker did not start (is ${extensionDir} a built extension?)`, {
          cause: error,
        });
      }));
    // `URL.origin` is "null" for chrome-extension: URLs, but `host` is the extension id.
    const extensionId = new URL(firstWorker.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    const manifest = await firstWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest(),
    );
    const launched = context;
    return {
      context: launched,
      extensionId,
      origin,
      manifest,
      get serviceWorker() {
        return launched.serviceWorkers().find((worker) => worker.url().startsWith(origin)) ?? firstWorker;
      },
      async close() {
        await launched.close();
        if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

const pageErrors = new WeakMap<Page, string[]>();

/** Uncaught errors and console errors of the page from now on (the same live array on every call). */
export function collectPageErrors(page: Page): string[] {
  let errors = pageErrors.get(page);
  if (!errors) {
    const list: string[] = [];
    page.on('pageerror', (error) => list.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') list.push(`console: ${message.text()}`);
    });
    pageErrors.set(page, list);
    errors = list;
  }
  return errors;
}

async function openCollecting(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  collectPageErrors(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) {
    throw new Error(`${url} answered ${response?.status()}: ${await response?.text()}`);
  }
  return page;
}

/** A fixture page at its real-looking Seller Center URL. */
export function openFixture(context: BrowserContext, name: string, options: FixtureUrlOptions = {}): Promise<Page> {
  return openCollecting(context, fixtureUrl(name, options));
}

/** The empty page shell (`<div id="root">`) on a mapped host. */
export function openBlank(context: BrowserContext, host: HostName = 'seller'): Promise<Page> {
  return openCollecting(context, blankUrl(host));
}

/** One of the extension's own pages, e.g. `popup.html` or `options.html`. */
export async function openExtensionPage(ext: Extension, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  collectPageErrors(page);
  await page.goto(`${ext.origin}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
  return page;
}

export interface BadgeInfo {
  kind: string | null;
  status: string | null;
  criterion: string | null;
  sku: string | null;
  code: string | null;
}

/** The `data-lsm-*` attributes of every matching badge host, in document order (open shadow roots included). */
export function badgeSummary(page: Page, selector = '[data-lsm-kind]'): Promise<BadgeInfo[]> {
  return page.locator(selector).evaluateAll((hosts) =>
    hosts.map((host) => ({
      kind: host.getAttribute('data-lsm-kind'),
      status: host.getAttribute('data-lsm-status'),
      criterion: host.getAttribute('data-lsm-criterion'),
      sku: host.getAttribute('data-lsm-sku'),
      code: host.getAttribute('data-lsm-code'),
    })),
  );
}

interface PollOptions {
  timeout?: number;
  interval?: number;
}

/** Reads the badges every `interval` ms until `enough` says so or `timeout` passes. */
async function pollBadges(
  page: Page,
  selector: string,
  enough: (badges: BadgeInfo[]) => boolean,
  { timeout = 10_000, interval = 100 }: PollOptions,
): Promise<{ badges: BadgeInfo[]; ok: boolean }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const badges = await badgeSummary(page, selector);
    if (enough(badges)) return { badges, ok: true };
    if (Date.now() > deadline) return { badges, ok: false };
    await page.waitForTimeout(interval);
  }
}

/** Waits until exactly `count` badges match `selector` on two polls in a row; returns them. */
export async function waitForBadges(
  page: Page,
  selector = '[data-lsm-kind]',
  count: number,
  options: PollOptions = {},
): Promise<BadgeInfo[]> {
  let steady = 0;
  const { badges, ok } = await pollBadges(
    page,
    selector,
    (found) => (steady = found.length === count ? steady + 1 : 0) === 2,
    options,
  );
  if (!ok) {
    throw new Error(
      `waitForBadges: expected ${count} × ${selector} on ${page.url()}, found ${badges.length} ` +
        `after ${options.timeout ?? 10_000} ms:\n${JSON.stringify(badges, null, 1)}`,
    );
  }
  return badges;
}

/**
 * Waits until the number of badges has not changed for `quiet` ms (or `timeout` passes) and returns
 * them: for pages whose badge count is not known in advance, like the demo's.
 */
export async function settleBadges(
  page: Page,
  selector = '[data-lsm-kind]',
  { quiet = 500, ...options }: PollOptions & { quiet?: number } = {},
): Promise<BadgeInfo[]> {
  let count = -1;
  let since = Date.now();
  const { badges } = await pollBadges(
    page,
    selector,
    (found) => {
      if (found.length !== count) [count, since] = [found.length, Date.now()];
      return Date.now() - since >= quiet;
    },
    { timeout: 5_000, ...options },
  );
  return badges;
}

/** The page's own text, extension hosts left out, whitespace collapsed: compare before/after the extension. */
export function pageOwnText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[data-lsm-kind]').forEach((host) => host.remove());
    return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Names of the isolated worlds the extension has in the page's main frame (Chrome DevTools Protocol
 * `Runtime.executionContextCreated`, which replays existing contexts on `Runtime.enable`).
 * Non-empty once the extension's content script has run in the page.
 */
export async function contentScriptWorlds(page: Page, extensionId: string): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const names: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; isDefault?: boolean } | undefined;
    if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) names.push(context.name);
  });
  try {
    await session.send('Runtime.enable');
  } finally {
    await session.detach();
  }
  return names;
}

export interface ExtensionStorage {
  /** chrome.storage.local, all keys. */
  local: Record<string, unknown>;
  /** Every IndexedDB database of the extension: `{ [database]: { [store]: records } }`. */
  indexedDB: Record<string, Record<string, unknown[]>>;
}

/** Everything the extension has stored, read inside its service worker. */
export function extensionStorage(ext: Extension): Promise<ExtensionStorage> {
  return ext.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    };
    const local = await chrome.storage.local.get(null);
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const databases: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      const stores: Record<string, unknown[]> = {};
      const storeNames = [...db.objectStoreNames];
      if (storeNames.length > 0) {
        const tx = db.transaction(storeNames, 'readonly');
        for (const store of storeNames) stores[store] = await request(tx.objectStore(store).getAll());
      }
      db.close();
      databases[name] = stores;
    }
    return { local, indexedDB: databases };
  });
}
