/**
 * The Firefox build in real Firefox (Debian's firefox-esr), driven over WebDriver BiDi, which
 * Firefox speaks itself (no geckodriver; Playwright's Firefox is a patched build we do not use).
 * Skipped, saying so, when no Firefox is installed: `apt-get install firefox-esr` (or FIREFOX_PATH).
 * LSM_FIREFOX_BUILD=<folder> tests an existing build instead of making one.
 *
 * The extension is built with `wxt build -b firefox` (scripts/build-into.mjs, a temp folder) and
 * installed as a temporary add-on. Firefox resolves the Seller Center hosts to the fixture server
 * (network.dns.localDomains); match patterns ignore the port, so pages load at
 * https://csp.aliexpress.com:<port>/m_apps/... and the production manifest is what gets tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';

import { EXPECTED_PAGES, expectedSkuBadges } from '../fixtures/pages/expected';
import { buildInto, BUILD_FOLDERS } from '../unit/built-extension';
import { SERVED_HOSTS } from './fixture-server';

const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path): path is string => !!path && existsSync(path));
const ADDON_ID = 'local-stock-copilot@localstock.tools';
/** Fixed, so the extension's origin (moz-extension://<uuid>) is known. */
const ADDON_UUID = '6f1c2a4e-7b0d-4c3e-9a51-1a2b3c4d5e6f';

/** A minimal WebDriver BiDi client: commands by id, events to listeners. */
class Bidi {
  private id = 0;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly events: { method: string; params: Record<string, unknown> }[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
      if (message.type === 'event') this.events.push({ method: message.method!, params: message.params ?? {} });
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<Bidi> {
    const socket = new WebSocket(`${url}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Bidi(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.id;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates in the page and returns the JSON value (the expression must give a JSON string, or a promise of one). */
  async json<T>(context: string, expression: string): Promise<T> {
    const answer = await this.send<{ type: string; result?: { type: string; value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (answer.type !== 'success' || answer.result?.type !== 'string') {
      throw new Error(`script.evaluate: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
    }
    return JSON.parse(answer.result.value!) as T;
  }

  close(): void {
    this.socket.close();
  }
}

interface Firefox {
  bidi: Bidi;
  process: ChildProcess;
  dir: string;
  port: number;
  /** The top-level browsing context the tests navigate. */
  tab: string;
}

/** Preferences for a quiet, offline, test-friendly profile. */
const PREFS: Record<string, string | number | boolean> = {
  'network.dns.localDomains': SERVED_HOSTS.join(','),
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  'intl.locale.requested': 'zh-CN',
  'intl.accept_languages': 'zh-CN, zh, en',
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
};

async function startFirefox(executable: string, extensionDir: string, port: number, dir: string): Promise<Firefox> {
  const profile = join(dir, 'profile');
  mkdirSync(profile);
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`).join('\n'));
  const child = spawn(executable, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      output += String(data);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  const bidi = await Bidi.connect(url);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
  expect(installed.extension).toBe(ADDON_ID);
  await bidi.send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });
  const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
  return { bidi, process: child, dir, port, tab: tree.contexts[0]!.context };
}

let firefox: Firefox | undefined;

beforeAll(async () => {
  if (!FIREFOX) return;
  const dir = mkdtempSync(join(tmpdir(), 'lsm-firefox-'));
  try {
    // LSM_FIREFOX_BUILD: an existing Firefox build to test instead (e.g. dist/firefox-mv2 after npm run build:firefox).
    const given = process.env.LSM_FIREFOX_BUILD;
    if (!given) await buildInto('firefox', join(dir, 'build'));
    firefox = await startFirefox(FIREFOX, given ?? join(dir, 'build', BUILD_FOLDERS.firefox), inject('lsmFixturePort'), dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}, 120_000);

afterAll(async () => {
  if (!firefox) return;
  await firefox.bidi.send('session.end').catch(() => undefined);
  firefox.bidi.close();
  firefox.process.kill();
  await new Promise((resolve) => firefox!.process.once('exit', resolve).once('error', resolve));
  rmSync(firefox.dir, { recursive: true, force: true });
});

const pageUrl = (name: string, host = 'csp.aliexpress.com') => `https://${host}:${firefox!.port}/m_apps/local-stock/${name}?channelId=2001`;

async function open(url: string): Promise<void> {
  await firefox!.bidi.send('browsingContext.navigate', { context: firefox!.tab, url, wait: 'complete' });
}

interface Badge {
  kind: string;
  status: string;
  sku: string | null;
  criterion: string | null;
  code: string | null;
}
const BADGES = `JSON.stringify([...document.querySelectorAll('[data-lsm-kind]')].map((h) => ({
  kind: h.getAttribute('data-lsm-kind'), status: h.getAttribute('data-lsm-status'), sku: h.getAttribute('data-lsm-sku'),
  criterion: h.getAttribute('data-lsm-criterion'), code: h.getAttribute('data-lsm-code') })))`;

/** Polls the page's badges until `count` of `kind` stay for two polls. */
async function settledBadges(kind: string, count: number, timeout = 15_000): Promise<Badge[]> {
  const deadline = Date.now() + timeout;
  let steady = 0;
  let badges: Badge[] = [];
  while (Date.now() < deadline) {
    badges = await firefox!.bidi.json<Badge[]>(firefox!.tab, BADGES);
    steady = badges.filter((badge) => badge.kind === kind).length === count ? steady + 1 : 0;
    if (steady === 2) return badges;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`expected ${count} ${kind} badges, found:\n${JSON.stringify(badges, null, 1)}`);
}

const logs = () =>
  firefox!.bidi.events
    .filter((event) => event.method === 'log.entryAdded')
    .map((event) => event.params as { level: string; text: string; source?: { context?: string } });

describe.skipIf(!FIREFOX)('Firefox (firefox-esr over WebDriver BiDi)', () => {
  it.each(['inventory-en-table', 'inventory-zh-fusion'])('%s: one correct safety and ITO badge per SKU row', async (name) => {
    const expected = expectedSkuBadges(EXPECTED_PAGES[name]!);
    await open(pageUrl(name));
    const badges = await settledBadges('safety', expected.safety.length);
    const of = (kind: string) => badges.filter((b) => b.kind === kind).map(({ sku, status }) => ({ sku, status }));
    expect(of('safety')).toEqual(expected.safety);
    expect(of('ito')).toEqual(expected.ito);
  });

  it('store performance and event log pages: criterion badges and code badges', async () => {
    await open(pageUrl('store-performance-en'));
    const store = await settledBadges('eligibility', 9);
    expect(store.find((b) => b.criterion === 'all')?.status).toBe(EXPECTED_PAGES['store-performance-en']!.eligibility!.all);
    const events = EXPECTED_PAGES['event-log-en']!.events;
    await open(pageUrl('event-log-en'));
    const codes = await settledBadges('event-code', events.length);
    expect(codes.map(({ code, status }) => ({ code, status }))).toEqual(events.map(({ code, status }) => ({ code, status })));
  });

  it('leaves a non-seller host alone', async () => {
    await open(pageUrl('inventory-en-table', 'shop.example.test'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await firefox!.bidi.json<Badge[]>(firefox!.tab, BADGES)).toEqual([]);
  });

  it('keeps what the seller records in its own IndexedDB, through the background page (a glossary round trip)', async () => {
    const unknown = EXPECTED_PAGES['event-log-en']!.events.find((event) => event.status === 'unknown')!;
    const meaning = 'Firefox note 仓库备注';
    await open(pageUrl('event-log-en'));
    await settledBadges('event-code', EXPECTED_PAGES['event-log-en']!.events.length);
    // The page's own script drives the badge's form (its shadow root is open): click, type, save.
    const status = await firefox!.bidi.json<string | null>(
      firefox!.tab,
      `(async () => {
        const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        const host = document.querySelector('[data-lsm-kind="event-code"][data-lsm-code="${unknown.code}"]');
        host.shadowRoot.querySelector('button.badge').click();
        await pause(300);
        const input = host.shadowRoot.querySelector('form input');
        input.value = ${JSON.stringify(meaning)};
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await pause(200);
        host.shadowRoot.querySelector('form button[type="submit"]').click();
        for (let i = 0; i < 40 && !host.shadowRoot.querySelector('form [role="status"]'); i += 1) await pause(100);
        return JSON.stringify(host.shadowRoot.querySelector('form [role="status"]')?.textContent ?? null);
      })()`,
    );
    expect(status).not.toBeNull();
    // A fresh page reads the glossary back from the background page's IndexedDB.
    await open(pageUrl('event-log-en'));
    await settledBadges('event-code', EXPECTED_PAGES['event-log-en']!.events.length);
    const label = await firefox!.bidi.json<string>(
      firefox!.tab,
      `JSON.stringify(document.querySelector('[data-lsm-kind="event-code"][data-lsm-code="${unknown.code}"]').shadowRoot.textContent)`,
    );
    expect(label).toContain(meaning);
  });

  it('logged no error and no failed message of the extension, and asked the network for nothing but the pages', () => {
    const ours = logs().filter((entry) => entry.text.includes('Local Stock Copilot') || entry.level === 'error');
    expect(ours).toEqual([]);
    const requested = firefox!.bidi.events
      .filter((event) => event.method === 'network.beforeRequestSent')
      .map((event) => (event.params as { request: { url: string }; navigation: string | null }))
      .filter(({ request }) => /^(https?|wss?):/.test(request.url))
      // Firefox asks every host for its icon, with or without the extension.
      .filter(({ request }) => new URL(request.url).pathname !== '/favicon.ico');
    // Every request is a page the test opened (navigation), none the extension's own.
    expect(requested.filter(({ navigation }) => navigation === null).map(({ request }) => request.url)).toEqual([]);
  });
});

describe.skipIf(!!FIREFOX)('Firefox', () => {
  it.skip('skipped: no Firefox here (install firefox-esr, or set FIREFOX_PATH)', () => {});
});
