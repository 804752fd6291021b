import { describe, expect, it } from 'vitest';

import { mount, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { ruleContext } from '@/lib/rules/context';
import { addDays } from '@/lib/rules/day';
import { defaultSettings, type SeasonWindow } from '@/lib/settings/schema';
import { SafetyCheck } from './safety';

const { entries, christmas } = DEFAULT_POLICY;
const normal = entries.safetyMultiplier.value;
const seasonal = entries.christmasMultiplier.value;
const christmasDay = `2025-${christmas.monthDay}`;
const afterSeason = addDays(christmasDay, 1);
const dailySales = 10;

let ui: Mounted;

async function check(figures: { sellable: string; market?: string; day?: string; dailySales?: string; inTransit?: string }, seasons: SeasonWindow[] = []) {
  ui = await mount(<SafetyCheck lang="en" rules={ruleContext({ ...defaultSettings(), seasonWindows: seasons }, afterSeason)} />);
  await type(ui.field('Average daily sales (units)'), figures.dailySales ?? String(dailySales));
  await type(ui.field('Sellable stock (units)'), figures.sellable);
  if (figures.inTransit) await type(ui.field('In transit (units)'), figures.inTransit);
  if (figures.market !== undefined) await type(ui.field('Warehouse country (market)'), figures.market);
  if (figures.day !== undefined) await type(ui.field('Date'), figures.day);
  await submit(ui.field('Sellable stock (units)'));
}

const status = () => ui.get('.headline .status').dataset.status;
const factOf = (label: string) => {
  const term = [...ui.root.querySelectorAll('dt')].find((dt) => dt.textContent === label);
  return term?.nextElementSibling?.textContent;
};

describe('safety water line quick check', () => {
  it('is at the line (not below) with sellable stock equal to daily sales × the default multiplier', async () => {
    await check({ sellable: String(dailySales * normal), market: 'FR' });
    expect(status()).toBe('ok');
    expect(factOf('Multiplier in force')).toBe(`× ${normal} (platform default)`);
    expect(factOf('Safety water line')).toBe(`${dailySales * normal} units`);
    expect(factOf('Days of cover')).toBe(`${normal} days`);
  });

  it('is low one unit under the line, and says how many to replenish', async () => {
    await check({ sellable: String(dailySales * normal - 1), market: 'FR' });
    expect(status()).toBe('low');
    expect(ui.text()).toContain('replenish at least 1 units');
  });

  it('is out at zero sellable stock', async () => {
    await check({ sellable: '0', market: 'FR' });
    expect(status()).toBe('out');
  });

  it("uses the seasonal multiplier inside the shipped window, for its market only, and says why", async () => {
    const stock = String(dailySales * normal);
    await check({ sellable: stock, market: christmas.market, day: christmasDay });
    expect(status()).toBe('low');
    expect(factOf('Multiplier in force')).toContain(`× ${seasonal} (seasonal window: Spain, ${addDays(christmasDay, -entries.christmasDaysBefore.value)} to ${christmasDay}`);
    ui.unmount();
    await check({ sellable: stock, market: 'FR', day: christmasDay });
    expect(status()).toBe('ok');
  });

  it("applies the seller's own window with its name and source", async () => {
    const window: SeasonWindow = { id: 'w1', market: 'US', from: '2025-07-01', to: '2025-07-20', everyYear: true, multiplier: 12, label: 'Prime Day' };
    await check({ sellable: String(dailySales * 11), market: 'US', day: '2025-07-10' }, [window]);
    expect(status()).toBe('low');
    expect(factOf('Multiplier in force')).toContain('Prime Day');
    expect(factOf('Multiplier in force')).toContain('Your own seasonal window');
  });

  it('shows stock in transit apart, never counted against the line', async () => {
    await check({ sellable: String(dailySales * normal - 1), inTransit: '500', market: 'FR' });
    expect(status()).toBe('low');
    expect(factOf('In transit (not counted)')).toBe('500 units');
  });

  it.each([
    [{ sellable: '70', market: '' }, 'Warehouse country (market)', 'Choose one'],
    [{ sellable: '', market: 'FR' }, 'Sellable stock (units)', 'Fill this in'],
    [{ sellable: '70', market: 'FR', dailySales: '1O' }, 'Average daily sales (units)', 'Enter a number'],
    [{ sellable: '7.5', market: 'FR' }, 'Sellable stock (units)', 'Must be a whole number'],
    [{ sellable: '70', market: 'FR', day: '' }, 'Date', 'A date is a real day'],
  ])('refuses %j at "%s" with its reason', async (figures, label, message) => {
    await check(figures);
    expect(ui.field(label).getAttribute('aria-invalid')).toBe('true');
    expect(ui.field(label).closest('.field')?.querySelector('.problem')?.textContent).toContain(message);
    expect(ui.root.querySelector('.verdict')).toBeNull();
  });
});
