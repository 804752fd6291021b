import { describe, expect, it } from 'vitest';

import { mount, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { EligibilityCheck } from './eligibility';

const { entries } = DEFAULT_POLICY;
const dsr = entries.dsrMin.value;
const orders = entries.ordersMin.value;
const overtimeLimit = entries.overtimeUnshippedLimit.value;
const fakeMax = entries.fakeShipmentsMax.value;
const perWeek = entries.replenishmentsPerWeekMin.value;

/** A store meeting every criterion exactly at its threshold. */
const atThresholds = {
  'Item as described': String(dsr),
  Communication: String(dsr),
  'Shipping speed': String(dsr),
  [`Orders, last ${entries.ordersWindowDays.value} days`]: String(orders),
  'Replenishments per SKU per week': String(perWeek),
  [`Fake shipments (last ${entries.violationsWindowDays.value} days)`]: String(fakeMax),
  [`Overtime-unshipped orders (last ${entries.violationsWindowDays.value} days)`]: String(overtimeLimit - 1),
};

let ui: Mounted;

async function check(figures: Record<string, string>, entity = 'enterprise') {
  ui = await mount(<EligibilityCheck lang="en" policy={DEFAULT_POLICY} />);
  for (const [label, value] of Object.entries(figures)) await type(ui.field(label), value);
  await type(ui.field('Store entity'), entity);
  await submit(ui.field('Item as described'));
}

const statusOf = (criterion: string) => ui.get(`[data-criterion="${criterion}"] .status`).dataset.status;
const overall = () => ui.get('.headline .status').dataset.status;

describe('eligibility quick check', () => {
  it('is eligible with every figure exactly at its threshold', async () => {
    await check(atThresholds);
    expect(overall()).toBe('eligible');
    expect(['E1', 'E2', 'E3', 'E4', 'E5'].map(statusOf)).toEqual(Array(5).fill('eligible'));
    expect(ui.text()).toContain(`Item as described: yours ${dsr}, needs ≥ ${dsr} points (of 5)`);
    expect(ui.get('.result').getAttribute('role')).toBe('status');
  });

  it.each([
    ['E1', 'Shipping speed', (dsr - 0.01).toFixed(2)],
    ['E2', `Orders, last ${entries.ordersWindowDays.value} days`, String(orders - 1)],
    ['E3', `Fake shipments (last ${entries.violationsWindowDays.value} days)`, String(fakeMax + 1)],
    ['E3', `Overtime-unshipped orders (last ${entries.violationsWindowDays.value} days)`, String(overtimeLimit)],
    ['E4', 'Replenishments per SKU per week', String(perWeek - 0.5)],
  ])('%s fails just past its threshold (%s = %s), and so does the whole', async (criterion, label, value) => {
    await check({ ...atThresholds, [label]: value });
    expect(statusOf(criterion)).toBe('ineligible');
    expect(overall()).toBe('ineligible');
    expect(ui.text()).toContain(`Not met: ${criterion}`);
  });

  it('an individual business is not eligible (E5)', async () => {
    await check(atThresholds, 'individual');
    expect(statusOf('E5')).toBe('ineligible');
  });

  it('a blank figure is unknown, never met', async () => {
    await check({ ...atThresholds, Communication: '' }, 'unknown');
    expect(statusOf('E1')).toBe('unknown');
    expect(statusOf('E5')).toBe('unknown');
    expect(overall()).toBe('unknown');
    expect(ui.text()).toContain('Communication: yours not entered');
  });

  it('reads figures as Seller Center writes them', async () => {
    await check({ ...atThresholds, [`Orders, last ${entries.ordersWindowDays.value} days`]: '1,234 单' });
    expect(statusOf('E2')).toBe('eligible');
    expect(ui.text()).toContain('yours 1,234');
  });

  it.each([
    ['Communication', 'good', 'Enter a number, such as 1,234 or 4.8'],
    ['Communication', '5.5', 'Must be between 0 and 5'],
    [`Orders, last ${entries.ordersWindowDays.value} days`, '12.5', 'Must be a whole number'],
    [`Fake shipments (last ${entries.violationsWindowDays.value} days)`, '-1', 'Must be between 0 and 1,000'],
  ])('refuses %s = %j with a clear message and no verdict', async (label, value, message) => {
    await check({ ...atThresholds, [label]: value });
    const input = ui.field(label);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(ui.get(`#${input.getAttribute('aria-describedby')}`).textContent).toContain(message);
    expect(ui.root.querySelector('.verdict')).toBeNull();
    expect(ui.get('.result').textContent).toContain('Fields to fix: 1');
    expect(document.activeElement).toBe(input);
    expect(ui.text()).not.toContain('NaN');
  });
});
