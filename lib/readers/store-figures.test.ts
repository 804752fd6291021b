import { describe, expect, it } from 'vitest';
import { EXPECTED_PAGES } from '../../test/fixtures/pages/expected';
import { documentOf, loadFixture } from '../../test/fixtures/pages/load';
import { readStoreFigures, toStoreFigures } from './store-figures';

const figures = (html: string) => toStoreFigures(readStoreFigures(documentOf(html).body));

describe('readStoreFigures on the fixture pages', () => {
  it.each(Object.entries(EXPECTED_PAGES).filter(([, page]) => page.store))('%s: every figure, exactly', (name, page) => {
    expect(toStoreFigures(readStoreFigures(loadFixture(name)))).toEqual(page.store);
  });

  it('one reading per figure, the value element being where the figure is shown', () => {
    const readings = readStoreFigures(loadFixture('store-performance-zh'));
    expect(readings.map((reading) => [reading.field, reading.valueElement.textContent?.trim(), reading.labelElement.textContent?.trim()])).toEqual([
      ['dsrDescription', '4.81', '商品描述'],
      ['dsrService', '4.79', '服务态度'],
      ['dsrLogistics', '4.75', '物流服务'],
      ['orders30d', '1,024', '近30天订单量'],
      ['fakeShipments30d', '0 次', '虚假发货'],
      ['overtimeUnshipped30d', '2 次', '超时未发货'],
      ['replenishmentsPerWeek', '--', '周补货频次'],
      ['storeEntity', '店铺类型：企业店', '店铺类型：企业店'],
    ]);
  });

  it('a header row over one value row: label is the header cell, value the cell under it', () => {
    const readings = readStoreFigures(loadFixture('store-performance-en')).filter((reading) => reading.labelElement.localName === 'th');
    expect(readings.map((reading) => [reading.field, reading.value, reading.raw, reading.valueElement.localName])).toEqual([
      ['fakeShipments30d', 0, '0', 'td'],
      ['overtimeUnshipped30d', 2, '2 times', 'td'],
    ]);
  });

  it('reads nothing from pages without store figures but the one on the home page', () => {
    expect(readStoreFigures(loadFixture('inventory-zh-fusion'))).toEqual([]);
    expect(readStoreFigures(loadFixture('not-seller'))).toEqual([]);
    expect(toStoreFigures(readStoreFigures(loadFixture('seller-home-zh')))).toEqual({ orders30d: 1024 });
  });
});

describe('label and value markup', () => {
  it('card label and value', () => {
    expect(figures('<div class="next-card"><div class="label">商品描述</div><div class="value">4.9</div></div>')).toEqual({ dsrDescription: 4.9 });
  });

  it('a card title in its head, the figure in its body', () => {
    expect(figures('<div class="card"><div class="head"><span class="title">Cancellation rate</span></div><div class="body"><b>0.8%</b></div></div>')).toEqual({
      cancellationRatePct: 0.8,
    });
  });

  it('dt / dd and th / td pairs', () => {
    expect(figures('<dl><dt>Communication</dt><dd>4.7</dd><dt>Fake shipments</dt><dd>1</dd></dl>')).toEqual({ dsrService: 4.7, fakeShipments30d: 1 });
    expect(figures('<table><tr><th>拣货准确率</th><td>99.9%</td></tr></table>')).toEqual({ pickingAccuracyPct: 99.9 });
  });

  it('"label: value" in one line, and a label followed by its value in the next element', () => {
    expect(figures('<p>库存数据误差：+0.12%</p><p><b>店铺类型:</b> 个体工商户</p>')).toEqual({ syncErrorPct: 0.12, storeEntity: 'individual' });
  });

  it('a placeholder is a figure shown as unknown: null, with its reading', () => {
    const readings = readStoreFigures(documentOf('<dl><dt>Item as described</dt><dd>N/A</dd><dt>订单取消率</dt><dd>--</dd></dl>').body);
    expect(readings.map((reading) => [reading.field, reading.value, reading.raw])).toEqual([
      ['dsrDescription', null, 'N/A'],
      ['cancellationRatePct', null, '--'],
    ]);
  });

  it('a figure the record schema refuses is null (a negative count), a signed sync error is kept', () => {
    expect(figures('<p>虚假发货：-1 次</p><p>Inventory sync error: -0.4%</p>')).toEqual({ fakeShipments30d: null, syncErrorPct: -0.4 });
  });

  it('an entity word it does not know gives no reading; a placeholder gives null', () => {
    expect(figures('<p>Store type: Flagship</p>')).toEqual({});
    expect(figures('<p>Store type: --</p>')).toEqual({ storeEntity: null });
  });

  it('never borrows a neighbour\'s figure: a label with no value of its own reads nothing', () => {
    expect(figures('<div class="row"><div class="card"><div class="label">服务态度</div></div><div class="card"><div class="label">物流服务</div><div class="value">4.8</div></div></div>')).toEqual({
      dsrLogistics: 4.8,
    });
    expect(figures('<table><thead><tr><th>Fake shipments</th></tr></thead><tbody><tr><td>0</td></tr><tr><td>3</td></tr></tbody></table>')).toEqual({});
  });

  it('sentences and menus name the labels without being figures', () => {
    expect(figures('<p>订单取消率需低于 1.2%</p><nav><a>物流服务</a><span>3</span></nav><ul role="menu"><li>Shipping speed</li><li>5</li></ul>')).toEqual({});
  });

  it('a shown figure wins over a placeholder for the same field, whatever the order', () => {
    expect(figures('<p>Orders (30 days): --</p><p>近30天订单量：812</p>')).toEqual({ orders30d: 812 });
    expect(figures('<p>近30天订单量：812</p><p>Orders (30 days): --</p>')).toEqual({ orders30d: 812 });
  });

  it('does not read our own badges or hidden help as the value', () => {
    expect(figures('<div><span>商品描述</span><span data-lsm-kind="eligibility">4.78</span><span hidden>5</span><span>4.6</span></div>')).toEqual({
      dsrDescription: 4.6,
    });
  });
});
