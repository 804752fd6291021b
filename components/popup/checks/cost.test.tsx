import { describe, expect, it } from 'vitest';

import { click, mount, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { DAYS_PER_MONTH } from '@/lib/rules/day';
import { CostCheck } from './cost';

const { entries } = DEFAULT_POLICY;
const cny = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

let ui: Mounted;

async function check(figures: { sellable: string; dailySales: string; days?: string; returns?: string; labelling?: boolean }) {
  ui = await mount(<CostCheck lang="en" policy={DEFAULT_POLICY} />);
  await type(ui.field('Sellable stock (units)'), figures.sellable);
  await type(ui.field('Average daily sales (units)'), figures.dailySales);
  if (figures.days) await type(ui.field('Turnover days'), figures.days);
  if (figures.returns) await type(ui.field('Returns a month (units)'), figures.returns);
  if (figures.labelling) await click(ui.field('The warehouse labels each unit'));
  await submit(ui.field('Sellable stock (units)'));
}

const cell = (line: string) => ui.get(`[data-line="${line}"] td:last-child`).textContent;

describe('fee estimate quick check', () => {
  it('costs storage on the stock held and operations on a month of sales, each from the fee table', async () => {
    const outbound = 2 * DAYS_PER_MONTH;
    await check({ sellable: '100', dailySales: '2' });
    expect(cell('storageFee')).toBe(cny(100 * entries.storageFee.value));
    expect(cell('inboundQcFee')).toBe(cny(outbound * entries.inboundQcFee.value));
    expect(cell('shelvingFee')).toBe(cny(outbound * entries.shelvingFee.value));
    expect(cell('packingFee')).toBe(cny(outbound * entries.packingFee.value));
    // Turnover 50 days: normal band, no premium.
    expect(cell('slowMovingSurcharge')).toBe(cny(0));
    expect(ui.root.querySelector('[data-line="labellingFee"]')).toBeNull();
    const total =
      100 * entries.storageFee.value + outbound * (entries.inboundQcFee.value + entries.shelvingFee.value + entries.packingFee.value);
    expect(ui.get('[data-total]').textContent).toBe(cny(total));
  });

  it('adds labelling and returns when the seller says so', async () => {
    await check({ sellable: '100', dailySales: '2', returns: '4', labelling: true });
    expect(cell('labellingFee')).toBe(cny(2 * DAYS_PER_MONTH * entries.labellingFee.value));
    expect(cell('returnFee')).toBe(cny(4 * entries.returnFee.value));
  });

  it('charges the slow-moving premium above the slow-mover line', async () => {
    await check({ sellable: '100', dailySales: '1', days: String(entries.slowMovingAboveDays.value + 1) });
    expect(cell('slowMovingSurcharge')).toBe(cny(100 * entries.slowMovingSurcharge.value));
    expect(ui.get('.verdict .status').dataset.status).toBe('surcharge');
  });

  it('offers the fast-mover rebate below the fast-mover line', async () => {
    await check({ sellable: '10', dailySales: '10' });
    expect(ui.get('.verdict .status').dataset.status).toBe('rebate');
    expect(ui.text()).toContain(`(${entries.fastMovingRebateMaxPct.value}%)`);
  });

  it('refuses a fractional count of returns', async () => {
    await check({ sellable: '100', dailySales: '2', returns: '1.5' });
    expect(ui.field('Returns a month (units)').getAttribute('aria-invalid')).toBe('true');
    expect(ui.root.querySelector('.verdict')).toBeNull();
  });
});
