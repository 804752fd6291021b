/**
 * A hostile or broken page in real Chromium: markup and script text in every cell never runs; a
 * page that poisons its own built-ins (Array.prototype.map, JSON.parse, fetch, MutationObserver,
 * DOM methods) cannot reach the content script, which lives in its own world; a page flooding
 * mutations stays responsive and ends with correct badges; the anti-bot gate appearing mid-session
 * takes every badge away until it goes, then they come back, correct.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { EXPECTED_PAGES, expectedSkuBadges } from '../fixtures/pages/expected';
import { badgeSummary, collectPageErrors, fixtureUrl, openBlank, openFixture, waitForBadges, type BadgeInfo } from './browser';
import { launchForFile, openWithSkuBadges, removeGate, showCaptchaMask, TEST_GATE_ID } from './suite';

const ext = launchForFile();

const skuStatus = (badges: BadgeInfo[], kind: string) =>
  badges.filter((badge) => badge.kind === kind).map(({ sku, status }) => ({ sku, status }));

/**
 * Runs an expression in a fresh isolated world of the page's main frame: a clean set of built-ins,
 * the same DOM. For reading the page when its main world is poisoned (Playwright's own evaluate
 * runs there), and for asking the extension's world what it holds.
 */
async function evaluateInWorld<T>(page: Page, expression: string, world: 'fresh' | 'main' | { contextName: string } = 'fresh'): Promise<T> {
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    let contextId: number | undefined;
    if (world === 'fresh') {
      const { frameTree } = await session.send('Page.getFrameTree');
      ({ executionContextId: contextId } = await session.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'lsm-test-reader',
      }));
    } else if (world !== 'main') {
      const contexts: { id: number; name: string }[] = [];
      session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
      await session.send('Runtime.enable');
      const found = contexts.find((context) => context.name === world.contextName);
      if (!found) throw new Error(`no execution context named ${world.contextName}: ${contexts.map((c) => c.name).join(', ')}`);
      contextId = found.id;
    }
    // Without a context id: the page's main world.
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
    if (exceptionDetails) throw new Error(`evaluate failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await session.detach();
  }
}

const CLEAN_BADGE_READER = `[...document.querySelectorAll('[data-lsm-kind]')].map((host) => ({
  kind: host.getAttribute('data-lsm-kind'), status: host.getAttribute('data-lsm-status'),
  criterion: host.getAttribute('data-lsm-criterion'), sku: host.getAttribute('data-lsm-sku'), code: host.getAttribute('data-lsm-code'),
}))`;

/** Polls badges through a clean world until `enough` holds (or throws with what was there). */
async function pollCleanBadges(page: Page, enough: (badges: BadgeInfo[]) => boolean, timeout = 15_000): Promise<BadgeInfo[]> {
  const deadline = Date.now() + timeout;
  let badges: BadgeInfo[] = [];
  while (Date.now() < deadline) {
    badges = await evaluateInWorld<BadgeInfo[]>(page, CLEAN_BADGE_READER);
    if (enough(badges)) return badges;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`badges never settled on ${page.url()}:\n${JSON.stringify(badges, null, 1)}`);
}

/** The names of the extension's isolated worlds in the page (its content script's). */
async function extensionWorlds(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const names: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin === ext.origin) names.push(context.name);
  });
  try {
    await session.send('Runtime.enable');
  } finally {
    await session.detach();
  }
  return names;
}

// ---------------------------------------------------------------------------------------------

/** Markup and script as a page could show it in a cell (as text: the site escapes it, or not). */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "';window.__pwned=1;//",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<style>@import "https://evil.example/x.css";</style><link rel=stylesheet href="https://evil.example/y.css">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
];

describe('markup and script text in the page', () => {
  it('never executes, in the page or in the extension, and is shown as text', async () => {
    const page = await openBlank(ext.context);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });

    // An inventory table and an event log whose every cell holds a payload (written as text).
    await page.evaluate((payloads) => {
      const root = document.getElementById('root')!;
      const add = <K extends keyof HTMLElementTagNameMap>(parent: Element, name: K, text = '') => {
        const node = document.createElement(name);
        node.textContent = text;
        return parent.appendChild(node);
      };
      add(root, 'h1', `库存管理 ${payloads[0]}`);
      const table = add(root, 'table');
      const head = add(add(table, 'thead'), 'tr');
      for (const word of ['SKU', '商品名称', '仓库', '可用库存', '在途库存', '日均销量', '库存周转天数']) add(head, 'th', word);
      const body = add(table, 'tbody');
      payloads.forEach((payload, i) => {
        const row = add(body, 'tr');
        // Even rows: clean figures (a known status), odd rows: the payload in the figure cells too.
        const clean = i % 2 === 0;
        for (const text of [
          `SA-HOST-${String(i).padStart(3, '0')} ${payload}`,
          payload,
          `沙特利雅得仓 ${payload}`,
          clean ? '120' : `${payload}120`,
          payload,
          clean ? '10' : payload,
          payload,
        ]) {
          add(row, 'td', text);
        }
      });
      add(root, 'h2', '事件日志');
      const log = add(root, 'table');
      const logHead = add(add(log, 'thead'), 'tr');
      for (const word of ['SKU', '事件代码', '说明']) add(logHead, 'th', word);
      const logBody = add(log, 'tbody');
      payloads.forEach((payload, i) => {
        const row = add(logBody, 'tr');
        for (const text of [`SA-HOST-${String(i).padStart(3, '0')}`, i % 2 ? 'ES-402' : 'SA-118', `${payload} 海关反馈 MX-711 ${payload}`]) add(row, 'td', text);
      });
    }, PAYLOADS);

    const safety = await waitForBadges(page, '[data-lsm-kind="safety"]', PAYLOADS.length);
    await waitForBadges(page, '[data-lsm-kind="ito"]', PAYLOADS.length);
    // Clean rows: 120 sellable over 10 a day x 7 (Saudi Arabia has no seasonal window) is ok; ITO 12 days estimated, rebate.
    expect(safety.map((badge) => badge.status)).toEqual(PAYLOADS.map((_, i) => (i % 2 === 0 ? 'ok' : 'unknown')));
    // The SKU as shown, payload and all, is an attribute value: text, never markup.
    expect(safety.map((badge) => badge.sku)).toEqual(PAYLOADS.map((payload, i) => `SA-HOST-${String(i).padStart(3, '0')} ${payload}`));
    expect((await badgeSummary(page, '[data-lsm-kind="event-code"]')).length).toBeGreaterThan(0);

    // Open every explanation: each renders the page's text (SKU, figures) in the badge's shadow root.
    const buttons = page.locator('[data-lsm-kind] button.badge');
    const count = await buttons.count();
    for (let i = 0; i < count; i += 1) {
      await buttons.nth(i).focus();
      await page.keyboard.press('Escape');
    }
    await buttons.first().focus();
    const shown = await page.locator('[data-lsm-kind="safety"]').first().locator('.explain').innerText();
    expect(shown).toContain('<img src=x onerror="window.__pwned=1">');
    await page.waitForTimeout(500);

    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const worlds = await extensionWorlds(page);
    expect(worlds.length).toBeGreaterThan(0);
    for (const world of worlds) {
      expect(await evaluateInWorld(page, 'typeof window.__pwned', { contextName: world })).toBe('undefined');
    }
    // Nothing created from the text: no image, frame, script or style element outside our hosts.
    expect(
      await page.evaluate(() => document.querySelectorAll('#root img, #root iframe, #root script, #root svg, #root style, #root link').length),
    ).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests.filter((url) => url.includes('evil.example') || url.endsWith('/x'))).toEqual([]);
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------

/** Run in the page's main world before any of its content: a page that breaks its own built-ins. */
function poisonMainWorld(): void {
  const poisoned = (name: string) => () => {
    throw new Error(`poisoned ${name}`);
  };
  const w = window as unknown as Record<string, unknown>;
  Array.prototype.map = poisoned('Array.prototype.map') as never;
  Array.prototype.filter = poisoned('Array.prototype.filter') as never;
  Array.prototype.forEach = poisoned('Array.prototype.forEach') as never;
  Array.from = poisoned('Array.from') as never;
  JSON.parse = () => ({ poisoned: true });
  JSON.stringify = () => '"poisoned"';
  w.fetch = () => Promise.reject(new Error('poisoned fetch'));
  w.MutationObserver = class {
    observe() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
  w.requestAnimationFrame = () => 0;
  Object.defineProperty(Object.prototype, 'status', { value: 'ok', writable: true, configurable: true });
  Object.defineProperty(Object.prototype, 'sellable', { value: 999999, writable: true, configurable: true });
  Promise.prototype.then = poisoned('Promise.prototype.then') as never;
  Element.prototype.querySelectorAll = (() => []) as never;
  Element.prototype.attachShadow = poisoned('attachShadow') as never;
  Node.prototype.appendChild = poisoned('appendChild') as never;
  Object.defineProperty(Node.prototype, 'textContent', { get: () => 'poisoned', configurable: true });
  window.customElements?.define && (window.customElements.define = poisoned('customElements.define') as never);
}

describe('a page that poisons its own built-ins', () => {
  it.each(['inventory-zh-fusion', 'inventory-en-table'])('%s: cannot affect the content script, badges still correct', async (name) => {
    const page = await ext.context.newPage();
    await page.addInitScript(poisonMainWorld);
    const response = await page.goto(fixtureUrl(name), { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    // The poison really is in the page's world (and not in a fresh one).
    const probe = `(() => { try { [1].map((x) => x); return 'clean'; } catch { return 'poisoned'; } })()`;
    expect(await evaluateInWorld(page, probe, 'main')).toBe('poisoned');
    expect(await evaluateInWorld(page, probe, 'fresh')).toBe('clean');

    const expected = expectedSkuBadges(EXPECTED_PAGES[name]!);
    const rows = expected.safety.length;
    const badges = await pollCleanBadges(
      page,
      (found) => skuStatus(found, 'safety').length === rows && skuStatus(found, 'ito').length === rows,
    );
    expect(skuStatus(badges, 'safety')).toEqual(expected.safety);
    expect(skuStatus(badges, 'ito')).toEqual(expected.ito);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------

interface Responsiveness {
  mutations: number;
  frames: number;
  /** Longest gap between animation frames, ms. */
  maxFrameGap: number;
  p95FrameGap: number;
  /** Longest lateness of a 20 ms interval timer, ms. */
  maxTimerLag: number;
}

/**
 * In the page's main world: 10,000 mutations a second for `ms` (100 every 10 ms: text of the
 * table's product cells re-set to the same words, rows' attributes flipped, and nodes added and
 * removed outside the table), while measuring animation-frame gaps and timer lateness.
 */
function floodAndMeasure(ms: number): Promise<Responsiveness> {
  return new Promise((resolve) => {
    const cells = [...document.querySelectorAll('tbody td:nth-child(2)')];
    const rows = [...document.querySelectorAll('tbody tr')];
    const pool = document.body.appendChild(document.createElement('div'));
    let mutations = 0;
    let running = true;
    const gaps: number[] = [];
    let lastFrame = performance.now();
    const frame = (now: number) => {
      gaps.push(now - lastFrame);
      lastFrame = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    let maxTimerLag = 0;
    let expectedTick = performance.now() + 20;
    const ticker = setInterval(() => {
      const now = performance.now();
      maxTimerLag = Math.max(maxTimerLag, now - expectedTick);
      expectedTick = now + 20;
    }, 20);
    const flood = setInterval(() => {
      for (let i = 0; i < 100; i += 1) {
        const kind = i % 4;
        if (kind === 0 && cells.length > 0) {
          const cell = cells[i % cells.length]!;
          const text = cell.firstChild;
          if (text && text.nodeType === 3) (text as Text).data = (text as Text).data;
          else cell.setAttribute('data-flood', String(mutations));
        } else if (kind === 1 && rows.length > 0) rows[i % rows.length]!.setAttribute('data-flood', String(mutations));
        else if (kind === 2) pool.appendChild(document.createElement('span')).textContent = String(mutations);
        else pool.firstChild?.remove();
        mutations += 1;
      }
    }, 10);
    setTimeout(() => {
      running = false;
      clearInterval(flood);
      clearInterval(ticker);
      pool.remove();
      const sorted = [...gaps].sort((a, b) => a - b);
      resolve({
        mutations,
        frames: gaps.length,
        maxFrameGap: Math.round(sorted.at(-1) ?? Infinity),
        p95FrameGap: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? Infinity),
        maxTimerLag: Math.round(maxTimerLag),
      });
    }, ms);
  });
}

describe('a page flooding mutations', () => {
  it('10,000 mutations a second for 5 s: the page stays responsive, and the badges are correct after', async () => {
    const name = 'inventory-zh-fusion';

    // The same page where the extension does not run: the page's own cost of the flood.
    const plain = await openFixture(ext.context, name, { host: 'nonSeller' });
    const baseline = await plain.evaluate(floodAndMeasure, 5_000);
    await plain.close();

    const { page, expected } = await openWithSkuBadges(ext.context, name);
    const measured = await page.evaluate(floodAndMeasure, 5_000);
    console.info('[hostile] flood without the extension:', baseline, 'with it:', measured);

    expect(measured.mutations).toBeGreaterThanOrEqual(30_000); // ~10,000/s, timers permitting on a loaded CI box
    // Responsive: frames keep coming (no long stall), timers stay on time, no worse than a small margin over the page alone.
    expect(measured.frames).toBeGreaterThan(baseline.frames * 0.5);
    expect(measured.p95FrameGap).toBeLessThanOrEqual(Math.max(50, baseline.p95FrameGap * 2));
    expect(measured.maxFrameGap).toBeLessThanOrEqual(Math.max(250, baseline.maxFrameGap * 2));
    expect(measured.maxTimerLag).toBeLessThanOrEqual(Math.max(250, baseline.maxTimerLag * 2));

    await waitForBadges(page, '[data-lsm-kind="safety"]', expected.safety.length);
    await waitForBadges(page, '[data-lsm-kind="ito"]', expected.ito.length);
    const badges = await badgeSummary(page);
    expect(skuStatus(badges, 'safety')).toEqual(expected.safety);
    expect(skuStatus(badges, 'ito')).toEqual(expected.ito);
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------

const GATES: Record<string, (page: Page) => Promise<void>> = {
  'the slider captcha mask (.baxia-dialog-mask)': (page) => showCaptchaMask(page),
  'the punish frame (iframe src with _____tmd_____/punish)': (page) =>
    page.evaluate((id) => {
      const frame = document.createElement('iframe');
      frame.src = '/_____tmd_____/punish?x5secdata=test&x5step=1';
      frame.style.cssText = 'position:fixed;inset:10%;width:80%;height:80%';
      frame.id = id;
      document.body.append(frame);
    }, TEST_GATE_ID),
};

describe('the anti-bot gate appearing mid-session', () => {
  it.each(Object.keys(GATES))('%s: badges go, stay gone while the page changes under it, and come back correct', async (gate) => {
    const { page, expected } = await openWithSkuBadges(ext.context, 'inventory-en-table');
    const rows = expected.safety.length;

    await GATES[gate]!(page);
    await waitForBadges(page, '[data-lsm-kind]', 0);
    // The page keeps changing behind the gate (a re-render, a new row): still nothing drawn.
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody')!;
      const data = [...tbody.rows].find((row) => row.hasAttribute('data-row-key'))!;
      const late = data.cloneNode(true) as HTMLTableRowElement;
      late.cells[0]!.textContent = 'GATED-ROW-01';
      tbody.append(late);
      for (const row of [...tbody.rows].reverse()) tbody.append(row);
    });
    await page.waitForTimeout(1_000);
    expect(await badgeSummary(page)).toEqual([]);

    await removeGate(page);
    await waitForBadges(page, '[data-lsm-kind="safety"]', rows + 1);
    const badges = await badgeSummary(page);
    const bySku = (kind: string) => skuStatus(badges, kind).filter(({ sku }) => sku !== 'GATED-ROW-01');
    // The rows were reversed behind the gate.
    expect(bySku('safety')).toEqual([...expected.safety].reverse());
    expect(bySku('ito')).toEqual([...expected.ito].reverse());
    expect(skuStatus(badges, 'safety').filter(({ sku }) => sku === 'GATED-ROW-01')).toHaveLength(1);
    await page.close();
  });

  it('a gate that is present but hidden does not stop the badges', async () => {
    const { page, expected } = await openWithSkuBadges(ext.context, 'inventory-en-table');
    await showCaptchaMask(page, { hidden: true });
    await page.waitForTimeout(800);
    await waitForBadges(page, '[data-lsm-kind="safety"]', expected.safety.length);
    await page.close();
  });
});
