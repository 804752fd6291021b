import { describe, expect, it } from 'vitest';

import { documentOf } from '../../test/fixtures/pages/load';
import { readEventCodes } from './event-log';
import { pageTextNodes } from './page-text';
import { readStoreFigures } from './store-figures';

// A summary card, a SKU table whose rows repeat a figure label and a code, then an event log.
const PAGE = `<div class="card"><span>近30天订单量</span><b>1,200</b></div>
  <table><thead><tr><th>SKU</th><th>可用库存</th><th>备注</th></tr></thead><tbody>
    <tr><td>ES-1001</td><td>12</td><td>虚假发货 3 · ES-402</td></tr>
    <tr><td>ES-1002</td><td>5</td><td>超时未发货：2</td></tr>
  </tbody></table>
  <table><thead><tr><th>SKU</th><th>事件代码</th></tr></thead><tbody><tr><td>MX-2001</td><td>MX-711</td></tr></tbody></table>
  <p>footer</p>`;

describe('pageTextNodes', () => {
  it('leaves out the bodies of SKU tables, and only those', () => {
    const texts = pageTextNodes(documentOf(PAGE).body).map((node) => node.data.trim()).filter(Boolean);
    expect(texts).toEqual(['近30天订单量', '1,200', 'SKU', '可用库存', '备注', 'SKU', '事件代码', 'MX-2001', 'MX-711', 'footer']);
  });

  it('so that no store figure and no event code is read from a SKU row, and the log still is', () => {
    const body = documentOf(PAGE).body;
    expect(readStoreFigures(body).map((reading) => [reading.field, reading.raw])).toEqual([['orders30d', '1,200']]);
    expect(readEventCodes(body).map(({ code, sku }) => ({ code, sku }))).toEqual([{ code: 'MX-711', sku: 'MX-2001' }]);
  });
});
