import { describe, expect, it } from 'vitest';

import { mount, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { TurnoverCheck } from './turnover';

const { entries } = DEFAULT_POLICY;
const below = entries.fastMovingBelowDays.value;
const above = entries.slowMovingAboveDays.value;
const premium = entries.slowMovingSurcharge.value;

let ui: Mounted;

async function check(figures: { days?: string; sellable?: string; dailySales?: string }) {
  ui = await mount(<TurnoverCheck lang="en" policy={DEFAULT_POLICY} />);
  if (figures.days !== undefined) await type(ui.field('Turnover days'), figures.days);
  if (figures.sellable !== undefined) await type(ui.field('Sellable stock (units)'), figures.sellable);
  if (figures.dailySales !== undefined) await type(ui.field('Average daily sales (units)'), figures.dailySales);
  await submit(ui.field('Turnover days'));
}

const status = () => ui.get('.headline .status').dataset.status;
const factOf = (label: string) => [...ui.root.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;

describe('turnover (ITO) quick check', () => {
  it.each([
    [below - 1, 'rebate'],
    [below, 'normal'],
    [above, 'normal'],
    [above + 1, 'surcharge'],
  ])('%s days as shown is %s', async (days, band) => {
    await check({ days: String(days) });
    expect(status()).toBe(band);
    expect(ui.text()).not.toContain('(est.)');
  });

  it('prices the slow-moving premium on the sellable stock', async () => {
    await check({ days: String(above + 10), sellable: '1,000' });
    expect(factOf('Slow-mover premium')).toBe(`CNY ${(1000 * premium).toFixed(2)} a month`);
  });

  it('asks for sellable stock when a slow mover cannot be priced', async () => {
    await check({ days: String(above + 10) });
    expect(factOf('Slow-mover premium')).toBe('Enter sellable stock to price it');
  });

  it('estimates the days from sellable stock ÷ daily sales when they are not shown, and says so', async () => {
    await check({ sellable: String(above * 2 * 3), dailySales: '3' });
    expect(status()).toBe('surcharge');
    expect(ui.get('.headline').textContent).toContain('(est.)');
    expect(factOf('Basis')).toBe('estimated: sellable stock ÷ daily sales');
    expect(factOf('Turnover days')).toBe(`${above * 2} days`);
  });

  it('needs the days, or both figures to estimate them', async () => {
    await check({ sellable: '100' });
    expect(ui.field('Turnover days').closest('.field')?.querySelector('.problem')?.textContent).toContain(
      'Enter turnover days, or both sellable stock and daily sales',
    );
    expect(ui.root.querySelector('.verdict')).toBeNull();
  });

  it('refuses text that is not a number', async () => {
    await check({ days: 'about 40' });
    expect(ui.field('Turnover days').getAttribute('aria-invalid')).toBe('true');
    expect(ui.text()).toContain('Enter a number');
  });
});
