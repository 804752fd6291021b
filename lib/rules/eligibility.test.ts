import { describe, expect, it } from 'vitest';

import { GOOD_STORE } from '../../test/fixtures/stores';
import { DEFAULT_POLICY } from '../policy/table';
import type { StoreFigures } from '../records';
import { eligibility } from './eligibility';

const judge = (figures: Partial<StoreFigures>) => eligibility({ ...GOOD_STORE, ...figures }, DEFAULT_POLICY);
const statusOf = (figures: Partial<StoreFigures>, rule: string) => judge(figures).criteria.find((c) => c.rule === rule)?.status;

describe('eligibility E1..E5', () => {
  it('is eligible when every criterion holds, and lists them in order', () => {
    const verdict = judge({});
    expect(verdict.status).toBe('eligible');
    expect(verdict.criteria.map((c) => [c.rule, c.status])).toEqual([
      ['E1', 'eligible'],
      ['E2', 'eligible'],
      ['E3', 'eligible'],
      ['E4', 'eligible'],
      ['E5', 'eligible'],
    ]);
    expect(verdict.todo).toBe('rule_eligibility_todo_pass');
  });

  describe('E1: each DSR dimension >= 4.78 (the strict reading)', () => {
    it.each([
      [4.77, 'ineligible'],
      [4.78, 'eligible'],
      [4.79, 'eligible'],
    ])('%s -> %s, whichever dimension it is', (score, expected) => {
      expect(statusOf({ dsrDescription: score }, 'E1')).toBe(expected);
      expect(statusOf({ dsrService: score }, 'E1')).toBe(expected);
      expect(statusOf({ dsrLogistics: score }, 'E1')).toBe(expected);
    });

    it('fails on one low dimension even when the mean clears the bar', () => {
      // mean 4.83 >= 4.78, but communication is 4.70
      const verdict = judge({ dsrDescription: 4.9, dsrService: 4.7, dsrLogistics: 4.9 });
      const e1 = verdict.criteria[0]!;
      expect(e1.status).toBe('ineligible');
      expect(e1.checks.map((c) => [c.label, c.figure, c.status])).toEqual([
        ['rule_figure_dsrDescription', 4.9, 'eligible'],
        ['rule_figure_dsrService', 4.7, 'ineligible'],
        ['rule_figure_dsrLogistics', 4.9, 'eligible'],
      ]);
    });

    it('is unknown when a dimension is missing and none fails, ineligible when another fails', () => {
      expect(statusOf({ dsrService: null }, 'E1')).toBe('unknown');
      expect(statusOf({ dsrService: null, dsrLogistics: 4.5 }, 'E1')).toBe('ineligible');
    });
  });

  it.each([
    [499, 'ineligible'],
    [500, 'eligible'],
    [501, 'eligible'],
  ])('E2: %s orders in 30 days -> %s', (orders, expected) => {
    expect(statusOf({ orders30d: orders }, 'E2')).toBe(expected);
  });

  describe('E3: no fake shipment, fewer than 3 overtime-unshipped', () => {
    it.each([
      [0, 'eligible'],
      [1, 'ineligible'],
    ])('%s fake shipments -> %s', (fake, expected) => {
      expect(statusOf({ fakeShipments30d: fake }, 'E3')).toBe(expected);
    });

    it.each([
      [2, 'eligible'],
      [3, 'ineligible'],
      [4, 'ineligible'],
    ])('%s overtime-unshipped -> %s', (count, expected) => {
      expect(statusOf({ overtimeUnshipped30d: count }, 'E3')).toBe(expected);
    });

    it('needs both counts', () => {
      expect(statusOf({ overtimeUnshipped30d: null }, 'E3')).toBe('unknown');
      expect(statusOf({ fakeShipments30d: null }, 'E3')).toBe('unknown');
      expect(statusOf({ fakeShipments30d: null, overtimeUnshipped30d: 3 }, 'E3')).toBe('ineligible');
    });
  });

  it.each([
    [1.9, 'ineligible'],
    [2, 'eligible'],
    [2.1, 'eligible'],
    [null, 'unknown'],
  ])('E4: %s replenishments a week -> %s', (perWeek, expected) => {
    expect(statusOf({ replenishmentsPerWeek: perWeek }, 'E4')).toBe(expected);
  });

  it.each([
    ['enterprise', 'eligible'],
    ['individual', 'ineligible'],
    [null, 'unknown'],
  ] as const)('E5: %s store -> %s', (entity, expected) => {
    expect(statusOf({ storeEntity: entity }, 'E5')).toBe(expected);
  });

  describe('overall', () => {
    it('is never eligible while a figure is unknown', () => {
      const verdict = judge({ orders30d: null, replenishmentsPerWeek: null });
      expect(verdict.status).toBe('unknown');
      expect(verdict.params).toEqual({ failing: '', missing: 'E2, E4' });
      expect(verdict.todo).toBe('rule_eligibility_todo_unknown');
    });

    it('is ineligible when one criterion fails, whatever else is unknown', () => {
      const verdict = judge({ orders30d: 10, dsrService: null, storeEntity: null });
      expect(verdict.status).toBe('ineligible');
      expect(verdict.params).toEqual({ failing: 'E2', missing: 'E1, E5' });
      expect(verdict.todo).toBe('rule_eligibility_todo_fail');
    });

    it('is unknown for a page that showed nothing (partial figures from a reader)', () => {
      const verdict = eligibility({}, DEFAULT_POLICY);
      expect(verdict.status).toBe('unknown');
      expect(verdict.criteria.every((c) => c.status === 'unknown')).toBe(true);
    });
  });

  it('explains each criterion: figure, threshold, comparison, unit, rule, source, what to do', () => {
    const e2 = judge({ orders30d: 499 }).criteria[1]!;
    expect(e2).toMatchObject({
      rule: 'E2',
      name: 'rule_E2_name',
      status: 'ineligible',
      source: 'policy_src_eligibility',
      what: 'rule_E2_what',
      todo: 'rule_E2_todo',
      params: { threshold: 500, window: 30 },
    });
    expect(e2.checks).toEqual([
      {
        status: 'ineligible',
        rule: 'E2',
        figure: 499,
        threshold: 500,
        comparison: 'atLeast',
        unit: 'orders',
        policyKey: 'ordersMin',
        label: 'policy_label_ordersMin',
        source: 'policy_src_eligibility',
      },
    ]);
    expect(judge({}).criteria[1]!.todo).toBe('rule_todo_keep');
    expect(judge({ orders30d: null }).criteria[1]!.todo).toBe('rule_todo_unknown');
  });
});
