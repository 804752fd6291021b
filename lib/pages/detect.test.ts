import { describe, expect, it } from 'vitest';
import { EXPECTED_PAGES } from '../../test/fixtures/pages/expected';
import { documentOf, FIXTURE_PAGES, fixtureUrl, loadFixture } from '../../test/fixtures/pages/load';
import { PAGE_KINDS } from '../records';
import { detectAntiBotGate, detectPageKinds, PAGE_DETECTORS, storeIdFromUrl } from './detect';

describe('page detectors', () => {
  it('one detector per page kind, each with examples that are fixture pages', () => {
    expect(PAGE_DETECTORS.map((detector) => detector.kind)).toEqual([...PAGE_KINDS]);
    for (const detector of PAGE_DETECTORS) {
      expect(detector.examples.length).toBeGreaterThan(0);
      expect(FIXTURE_PAGES).toEqual(expect.arrayContaining([...detector.examples]));
    }
  });

  // Every detector against every fixture: its own examples accepted, all the others rejected.
  describe.each(PAGE_DETECTORS.map((detector) => [detector.kind, detector] as const))('%s', (_, detector) => {
    it.each([...FIXTURE_PAGES])('%s', (name) => {
      expect(detector.detect(loadFixture(name), fixtureUrl(name))).toBe(detector.examples.includes(name));
    });
  });

  it('every fixture has its expected data, and its kinds agree', () => {
    expect(Object.keys(EXPECTED_PAGES).sort()).toEqual([...FIXTURE_PAGES]);
    for (const name of FIXTURE_PAGES) expect(detectPageKinds(loadFixture(name), fixtureUrl(name))).toEqual(EXPECTED_PAGES[name]!.kinds);
  });

  it('recognises pages by what they show, not by URL or class names', () => {
    const url = new URL('https://example.test/anything');
    expect(detectPageKinds(documentOf('<table><tr><th>SKU</th><th>Available</th></tr><tr><td>A</td><td>1</td></tr></table>'), url)).toEqual(['inventory']);
    expect(detectPageKinds(documentOf('<h2>补货分析</h2><table><tr><th>SKU</th><th>可售库存</th></tr></table>'), url)).toEqual(['replenishment']);
    expect(detectPageKinds(documentOf('<dl><dt>服务态度</dt><dd>4.9</dd><dt>虚假发货</dt><dd>0</dd></dl>'), url)).toEqual(['store-performance']);
    expect(detectPageKinds(documentOf('<p>取消率：1%</p><p>拣货准确率：99%</p>'), url)).toEqual(['logistics-performance']);
    expect(detectPageKinds(documentOf('<div role="heading">Event log</div>'), url)).toEqual(['event-log']);
    expect(detectPageKinds(documentOf('<table><tr><th>Event code</th></tr><tr><td>ES-402</td></tr></table>'), url)).toEqual(['event-log']);
  });

  it('a dashboard of store and logistics figures is both kinds; inventory and replenishment never both', () => {
    const url = new URL('https://csp.aliexpress.com/m_apps/store-assessment-new/assessment');
    const dashboard = documentOf('<dl><dt>商品描述</dt><dd>4.8</dd><dt>物流服务</dt><dd>4.7</dd><dt>订单取消率</dt><dd>1%</dd><dt>库存数据误差</dt><dd>0.1%</dd></dl>');
    expect(detectPageKinds(dashboard, url)).toEqual(['store-performance', 'logistics-performance']);
    const both = documentOf('<h1>库存管理</h1><table><tr><th>SKU</th><th>可用库存</th><th>建议补货量</th></tr></table>');
    expect(detectPageKinds(both, url)).toEqual(['replenishment']);
  });

  it('a page titled as a known page is that kind even when none of its figures can be read', () => {
    const url = new URL('https://csp.aliexpress.com/m_apps/anything');
    expect(detectPageKinds(documentOf('<h1>库存管理</h1><table><tr><th>货品编号</th><th>可发货数</th></tr><tr><td>A</td><td>1</td></tr></table>'), url)).toEqual(['inventory']);
    expect(detectPageKinds(documentOf('<div role="heading" aria-level="1">Inventory health</div>'), url)).toEqual(['inventory']);
    expect(detectPageKinds(documentOf('<h1 class="page-title">补货分析</h1>'), url)).toEqual(['replenishment']);
    expect(detectPageKinds(documentOf('<div class="page-title">库存管理</div>'), url)).toEqual(['inventory']);
    expect(detectPageKinds(documentOf('<h1>Store performance</h1><p>Loading…</p>'), url)).toEqual(['store-performance']);
    expect(detectPageKinds(documentOf('<h1>物流表现</h1>'), url)).toEqual(['logistics-performance']);
  });

  it("a heading anywhere, the document's <title> or the page's own title says a table of SKUs is the replenishment analysis", () => {
    const url = new URL('https://csp.aliexpress.com/m_apps/anything');
    const table = '<table><tr><th>SKU</th><th>可售库存</th></tr><tr><td>A</td><td>1</td></tr></table>';
    expect(detectPageKinds(documentOf(table), url)).toEqual(['inventory']);
    for (const heading of ['<title>补货分析</title>', '<h3>补货分析</h3>', '<div role="heading" aria-level="4">补货分析</div>', '<div class="page-title">补货分析</div>']) {
      expect(detectPageKinds(documentOf(heading + table), url), heading).toEqual(['replenishment']);
    }
    // The event log is known by its heading the same way, its title included.
    expect(detectPageKinds(documentOf('<div class="page-title">事件日志</div>'), url)).toEqual(['event-log']);
  });

  it('only the page title names the page, and only exactly: not a card heading, a menu, or a longer title', () => {
    const url = new URL('https://csp.aliexpress.com/m_apps/anything');
    for (const html of [
      '<h1>工作台</h1><h3>库存健康度看板</h3><h2>店铺表现</h2>',
      '<nav><h1>库存管理</h1></nav><div role="menu"><h1 class="page-title">物流表现</h1></div>',
      '<h1>库存管理记录</h1>',
      '<h1>Inventory sync logs</h1>',
    ]) {
      expect(detectPageKinds(documentOf(html), url), html).toEqual([]);
    }
  });

  it('menus and links naming a page do not make a page of that kind', () => {
    const menu = documentOf('<nav><h3>事件日志</h3><h3>补货分析</h3></nav><ul role="menu"><li><h2>Event log</h2></li></ul>');
    expect(detectPageKinds(menu, new URL('https://csp.aliexpress.com/'))).toEqual([]);
  });
});

describe('detectAntiBotGate', () => {
  it('is up on the gate fixture and down on every other fixture', () => {
    for (const name of FIXTURE_PAGES) expect(detectAntiBotGate(loadFixture(name))).toBe(EXPECTED_PAGES[name]!.antiBotGate);
  });

  it.each([
    ['<div class="baxia-dialog-mask"></div>', true],
    ['<iframe src="https://csp.aliexpress.com//_____tmd_____/punish?x5secdata=abc&x5step=1"></iframe>', true],
    ['<div class="baxia-dialog-mask" style="display: none"></div>', false],
    ['<div class="baxia-dialog-mask" style="visibility: hidden"></div>', false],
    ['<div class="baxia-dialog-mask" hidden></div>', false],
    ['<div style="display:none"><iframe src="/_____tmd_____/punish"></iframe></div>', false],
    ['<iframe src="https://csp.aliexpress.com/m_apps/other"></iframe><div class="baxia-dialog"></div>', false],
    ['<iframe></iframe><iframe srcdoc="_____tmd_____/punish"></iframe>', false],
    ['<div class="baxia-dialog-mask" hidden></div><iframe src="/_____tmd_____/punish"></iframe>', true],
  ])('%s -> %s', (html, up) => {
    // Inert template content: the test DOM would try to load the iframes otherwise.
    const template = document.createElement('template');
    template.innerHTML = html;
    expect(detectAntiBotGate(template.content)).toBe(up);
  });

  it('follows the page as the gate comes and goes (live document, computed style)', () => {
    document.body.innerHTML = '<div id="root"><table><tr><th>SKU</th></tr></table></div>';
    expect(detectAntiBotGate(document)).toBe(false);
    const mask = document.createElement('div');
    mask.className = 'baxia-dialog-mask';
    document.body.append(mask);
    expect(detectAntiBotGate(document)).toBe(true);
    mask.style.display = 'none';
    expect(detectAntiBotGate(document)).toBe(false);
    // Hidden by the site's style sheet, not inline.
    mask.removeAttribute('style');
    const sheet = document.createElement('style');
    sheet.textContent = '.baxia-dialog-mask.closed { display: none }';
    document.head.append(sheet);
    mask.classList.add('closed');
    expect(detectAntiBotGate(document)).toBe(false);
    sheet.remove();
    document.body.innerHTML = '';
  });
});

describe('storeIdFromUrl', () => {
  it.each([
    ['https://csp.aliexpress.com/m_apps/local-stock/inventory?channelId=2001', '2001'],
    ['https://gsp.aliexpress.com/m_apps/ascp/aechoice.inventory?lang=en&channelId=238299', '238299'],
    ['https://csp.aliexpress.com/apps/page#/inventory?channelId=77', '77'],
    ['https://csp.aliexpress.com/m_apps/local-stock/inventory', 'default'],
    ['https://csp.aliexpress.com/m_apps/local-stock/inventory?channelId=', 'default'],
    ['https://csp.aliexpress.com/m_apps/local-stock/inventory?channelid=5', 'default'],
  ])('%s -> %s', (url, storeId) => {
    expect(storeIdFromUrl(new URL(url))).toBe(storeId);
  });
});
