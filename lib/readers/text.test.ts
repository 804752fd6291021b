import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/fixtures/pages/load';
import { labelKey, labelText, readText, synonymIndex, walkText } from './text';

describe('readText', () => {
  it('reads what a person reads: no badges, scripts, editors, hidden tooltips', () => {
    const cell = documentOf(`<div>ES-1<span data-lsm-kind="safety">low</span><script>var a = 1</script><style>.x{}</style>
      <textarea>note</textarea><span role="tooltip">tip</span><i hidden>h</i><b>&nbsp;A&lt;b&gt;</b></div>`).body.firstElementChild!;
    expect(readText(cell)).toBe('ES-1 A<b>');
  });

  it('keeps boxes apart and inline pieces together: two figures are never glued into one', () => {
    const read = (html: string) => readText(documentOf(`<div>${html}</div>`).body.firstElementChild!);
    expect(read('<div>12</div><div>34</div>')).toBe('12 34');
    expect(read('<p>12</p>34')).toBe('12 34');
    expect(read('Bamboo board<br><small>ID 1005</small>')).toBe('Bamboo board ID 1005');
    expect(read('<span>6</span><span>.5</span><span>天</span>')).toBe('6.5天');
    expect(read('<b>1,</b><i>234</i>')).toBe('1,234');
  });

  it('collapses white space, no-break and zero-width spaces', () => {
    expect(readText(documentOf('<p>\n  1,234\u00a0\u200b件 \t</p>').body.firstElementChild!)).toBe('1,234 件');
  });
});

describe('walkText', () => {
  it('visits text in document order and skips whole subtrees the caller names', () => {
    const seen: string[] = [];
    const doc = documentOf('<nav>menu<b>x</b></nav><p>a<span>b</span></p>c<ul><li>d</li><li>e<i>f</i></li><li>g</li></ul>h');
    const skipped = [doc.querySelector('nav')!, doc.querySelectorAll('li')[1]!];
    walkText(doc.body, (node) => seen.push(node.data), skipped);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'g', 'h']);
  });

  it('goes on after a skipped subtree that ends the page, or one inside another', () => {
    const seen: string[] = [];
    const doc = documentOf('<p>a<span hidden>b<i hidden>c</i>d</span>e</p><div aria-hidden="true">f</div>');
    walkText(doc.body, (node) => seen.push(node.data), [doc.querySelector('i')!]);
    expect(seen).toEqual(['a', 'e']);
  });
});

describe('labels', () => {
  it.each([
    ['可用库存 ↓', '可用库存'],
    ['库存周转天数 ?', '库存周转天数'],
    ['Store type:', 'Store type'],
    ['店铺类型：', '店铺类型'],
    ['* SKU ⓘ', 'SKU'],
    ['Sales (30 days)', 'Sales (30 days)'],
  ])('labelText(%j) = %j', (raw, words) => {
    expect(labelText(raw)).toBe(words);
  });

  it('compares labels without case, spaces or full-width brackets', () => {
    expect(labelKey('  Sales （30 Days） ')).toBe(labelKey('sales(30 days)'));
    const index = synonymIndex({ sellable: ['Available stock'], sku: ['SKU ID'] });
    expect(index.get(labelKey('AVAILABLE STOCK'))).toBe('sellable');
    expect(index.get(labelKey('Stock'))).toBeUndefined();
  });
});
