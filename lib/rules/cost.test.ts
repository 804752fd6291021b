import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY } from '../policy/table';
import { monthlyCost } from './cost';

const lineCny = (estimate: ReturnType<typeof monthlyCost>) => Object.fromEntries(estimate.lines.map((l) => [l.policyKey, l.cny]));

describe('monthly cost per SKU', () => {
  it('adds storage, the slow-moving premium and the operations of a month of sales', () => {
    // 1000 held, 5 a day: 150 units a month; turnover 200 days estimated -> surcharge band
    const estimate = monthlyCost({ sellable: 1000, dailySales: 5, turnoverDays: null }, {}, DEFAULT_POLICY);
    expect(estimate.outboundUnits).toBe(150);
    expect(lineCny(estimate)).toEqual({
      storageFee: 850,
      slowMovingSurcharge: 300,
      inboundQcFee: 180,
      shelvingFee: 90,
      packingFee: 270,
    });
    expect(estimate.totalCny).toBe(1690);
    expect(estimate.rebateUpToCny).toBe(0);
    expect(estimate.turnover.status).toBe('surcharge');
  });

  it('adds labelling and returns only when asked', () => {
    const estimate = monthlyCost({ sellable: 100, dailySales: 10, turnoverDays: 60 }, { labelling: true, returnsPerMonth: 7 }, DEFAULT_POLICY);
    expect(lineCny(estimate)).toEqual({
      storageFee: 85,
      slowMovingSurcharge: 0,
      inboundQcFee: 360,
      shelvingFee: 180,
      packingFee: 540,
      labellingFee: 150,
      returnFee: 22.4,
    });
    expect(estimate.totalCny).toBe(1337.4);
    expect(estimate.lines.find((l) => l.policyKey === 'returnFee')).toEqual({
      policyKey: 'returnFee',
      rule: 'F6',
      label: 'policy_label_returnFee',
      units: 7,
      rate: 3.2,
      cny: 22.4,
    });
  });

  it('shows a fast mover what it may claim back: up to 15% of the operation fees', () => {
    const estimate = monthlyCost({ sellable: 100, dailySales: 10, turnoverDays: 10 }, { labelling: true }, DEFAULT_POLICY);
    // operations: 360 + 180 + 540 + 150 = 1230
    expect(estimate.rebateUpToCny).toBe(184.5);
  });

  it('never gives a partial total: a missing figure leaves the total unknown', () => {
    const noSales = monthlyCost({ sellable: 100, dailySales: null, turnoverDays: 50 }, {}, DEFAULT_POLICY);
    expect(lineCny(noSales)).toMatchObject({ storageFee: 85, slowMovingSurcharge: 0, packingFee: null });
    expect(noSales.totalCny).toBeNull();

    const noStock = monthlyCost({ sellable: null, dailySales: 2, turnoverDays: null }, {}, DEFAULT_POLICY);
    expect(noStock.totalCny).toBeNull();
    expect(noStock.rebateUpToCny).toBeNull();
  });

  it('gives no total rather than Infinity for absurd figures', () => {
    const estimate = monthlyCost({ sellable: Number.MAX_VALUE, dailySales: Number.MAX_VALUE, turnoverDays: 50 }, {}, DEFAULT_POLICY);
    expect(estimate.outboundUnits).toBeNull();
    expect(estimate.totalCny).toBeNull();
  });

  it('rounds each line and the total to the fen', () => {
    const estimate = monthlyCost({ sellable: 3, dailySales: 1 / 3, turnoverDays: 45 }, {}, DEFAULT_POLICY);
    expect(lineCny(estimate)).toMatchObject({ storageFee: 2.55, inboundQcFee: 12, packingFee: 18 });
    expect(estimate.totalCny).toBe(38.55);
  });
});
