import { afterEach, describe, expect, it, vi } from 'vitest';

import { EXPECTED_PAGES } from '@/test/fixtures/pages/expected';
import { FIXTURE_PAGES, fixtureUrl, loadFixture } from '@/test/fixtures/pages/load';
import { hideExplanation, showExplanation } from '@/components/badge-host';
import { catalogKeys, type Lang } from '@/lib/i18n';
import { PAGE_KINDS } from '@/lib/records';
import { ruleContext } from '@/lib/rules/context';
import { defaultSettings } from '@/lib/settings/schema';
import { defineFeature } from './feature';
import { FEATURES } from './index';
import { unreadablePage } from './page-unreadable';
import { startPageLoop } from './runtime/page-loop';

/** The notice in the content script's own loop, on fixture pages in happy-dom, with a short wait. */

const PATIENCE_MS = 150;
const features = FEATURES.map((feature) => (feature.id === 'page-unreadable' ? unreadablePage(PATIENCE_MS) : feature));

function show(name: string, body?: string): void {
  const parsed = loadFixture(name);
  if (body !== undefined) parsed.body.innerHTML = body;
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fixtureUrl(name).href);
}

let stop = () => {};
let settled = async () => {};
let errors: string[] = [];
let passes = 0;
const passCounter = defineFeature({ id: 'pass-counter', include: PAGE_KINDS, init: () => () => void (passes += 1) });

function start(lang: Lang = 'zh'): void {
  const settings = defaultSettings();
  const controller = new AbortController();
  const loop = startPageLoop(
    [...features, passCounter],
    {
      doc: document,
      loadSetup: async () => ({ lang, settings, rules: ruleContext(settings, '2026-06-01'), glossary: {} }),
      onSetupChange: () => undefined,
      onLocationChange: () => undefined,
      record: () => undefined,
      saveGlossary: async () => undefined,
      now: () => Date.now(),
      log: (id, error) => errors.push(`${id}: ${String(error)}`),
    },
    controller.signal,
    0,
  );
  stop = () => controller.abort();
  settled = loop.settled;
}
afterEach(() => {
  stop();
  expect(errors).toEqual([]);
  errors = [];
});

const notices = () => [...document.querySelectorAll<HTMLElement>('[data-lsm-kind="page"]')];
const allBadges = () => document.querySelectorAll('[data-lsm-kind]').length;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Once the page has started (its first pass), waits past the patience on a page that stays still. */
async function afterTheWait(): Promise<void> {
  await settled();
  await sleep(PATIENCE_MS + 150);
  await settled();
}

describe('a recognised page that cannot be read', () => {
  it.each(FIXTURE_PAGES)('%s: one page notice if and only if nothing on it can be read', async (name) => {
    show(name);
    start();
    await settled();
    expect(notices()).toHaveLength(0);
    await afterTheWait();
    expect(notices().map((host) => host.getAttribute('data-lsm-status'))).toEqual(EXPECTED_PAGES[name]!.unreadable ? ['unknown'] : []);
  });

  it('sits in the page title, alone, and says in zh and en what happened and which columns to show', async () => {
    const texts: Record<Lang, string> = { zh: '', en: '' };
    for (const lang of ['zh', 'en'] as const) {
      show('inventory-zh-unreadable');
      start(lang);
      await afterTheWait();
      const [host] = notices();
      expect(host!.parentElement).toBe(document.querySelector('h1.page-title'));
      expect(allBadges()).toBe(1);
      showExplanation(host!);
      texts[lang] = `${host!.shadowRoot!.textContent} ${host!.shadowRoot!.querySelector('button')!.getAttribute('aria-label')}`;
      hideExplanation(host!, true);
      // A missing key would show as the key itself, or with a {placeholder} left in.
      for (const key of catalogKeys(lang)) expect(texts[lang]).not.toContain(key);
      expect(texts[lang]).not.toMatch(/\{\w+\}/);
      stop();
    }
    expect(texts.zh).toContain('读不到本页数字');
    expect(texts.zh).toContain('库存管理');
    expect(texts.zh).toContain('页面布局可能改了');
    expect(texts.zh).toContain('可用库存');
    expect(texts.zh).toContain('刷新页面');
    expect(texts.en).toContain('the page layout may have changed');
    expect(texts.en).toContain('Available stock');
    expect(texts.en).toContain('reload the page');
  });

  it('is not shown while the table is still coming, and goes as soon as the rows can be read', async () => {
    // The single-page app draws the title first; the table arrives after its data call.
    const readable = loadFixture('inventory-zh-gate').querySelector('table')!.outerHTML;
    show('inventory-zh-unreadable', '<main id="main"><h1 class="page-title">库存管理</h1></main>');
    start();
    await settled();
    expect(notices()).toHaveLength(0);
    document.getElementById('main')!.insertAdjacentHTML('beforeend', readable);
    await afterTheWait();
    expect(notices()).toHaveLength(0);
    expect(document.querySelectorAll('[data-lsm-kind="safety"]')).toHaveLength(2);
    stop();

    // Nothing readable after the wait: the notice; then late rows: it goes, their badges come.
    show('inventory-zh-unreadable', '<main id="main"><h1 class="page-title">库存管理</h1></main>');
    start();
    await afterTheWait();
    expect(notices()).toHaveLength(1);
    document.getElementById('main')!.insertAdjacentHTML('beforeend', readable);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-lsm-kind="safety"]')).toHaveLength(2));
    expect(notices()).toHaveLength(0);
  });

  it('an empty list is read (nothing to badge), a page without any figure is not', async () => {
    show('inventory-zh-unreadable', '<h1 class="page-title">库存管理</h1><table><tr><th>SKU编码</th><th>可用库存</th></tr></table>');
    start();
    await afterTheWait();
    expect(notices()).toHaveLength(0);
    stop();

    show('store-performance-zh', '<h1 class="page-title">店铺表现</h1><div class="next-card">店铺评分升级中，敬请期待</div>');
    start('en');
    await afterTheWait();
    const [host] = notices();
    showExplanation(host!);
    expect(host!.shadowRoot!.textContent).toContain('Item as described');
    hideExplanation(host!, true);
  });

  it('a page read in time, one that stays still included, gets no pass of its own after the wait', async () => {
    show('inventory-zh-fusion');
    start();
    await settled();
    const before = passes;
    await afterTheWait();
    expect(passes).toBe(before);
    stop();

    // An unread one gets exactly the one pass that shows the notice.
    show('inventory-zh-unreadable');
    start();
    await settled();
    const unread = passes;
    await afterTheWait();
    expect([passes - unread, notices().length]).toEqual([1, 1]);
  });

  it('never shows behind the anti-bot gate, and waits again once the gate goes', async () => {
    show('inventory-zh-unreadable');
    start();
    await afterTheWait();
    expect(notices()).toHaveLength(1);
    const mask = Object.assign(document.createElement('div'), { className: 'baxia-dialog-mask' });
    document.body.append(mask);
    await vi.waitFor(() => expect(allBadges()).toBe(0));
    await afterTheWait();
    expect(allBadges()).toBe(0);
    mask.remove();
    await sleep(150);
    await settled();
    expect(notices()).toHaveLength(0);
    await afterTheWait();
    expect(notices()).toHaveLength(1);
  });
});
