import { describe, expect, it } from 'vitest';

import { catalogKeys, t, type Lang, type MessageKey, type MessageParams } from '../i18n';
import { DEFAULT_POLICY, marketName } from '../policy/table';
import { MARKETS, type SkuFigures, type StoreFigures } from '../records';
import { choiceAdmission } from './choice';
import type { RuleContext } from './context';
import { explainEventCode } from './event-code';
import { eligibility } from './eligibility';
import { reorderAdvice } from './reorder';
import { safetyLine } from './safety';
import { turnover } from './turnover';

/**
 * Every explanation a rule can give reads as a sentence in both languages: its message exists
 * and every `{placeholder}` it uses is filled by the verdict's params.
 */

interface Explained {
  source: MessageKey;
  what: MessageKey;
  todo: MessageKey;
  params: MessageParams;
}

const LANGS: Lang[] = ['zh', 'en'];
const ctx = (day: string): RuleContext => ({ policy: DEFAULT_POLICY, seasons: [], leadTimeDays: { ES: 20 }, day });

const skus: Partial<SkuFigures>[] = [
  { sellable: 100, inTransit: 5, dailySales: 10, market: 'ES', turnoverDays: 20 },
  { sellable: 10, inTransit: null, dailySales: 10, market: 'ES', turnoverDays: 60 },
  { sellable: 0, inTransit: 0, dailySales: 3, market: 'ES', turnoverDays: 200 },
  { sellable: 500, inTransit: 0, dailySales: 0, market: 'ES', turnoverDays: null },
  { sellable: null, inTransit: null, dailySales: null, market: null, turnoverDays: null },
  { sellable: 100, inTransit: 0, dailySales: 10, market: null, turnoverDays: null },
  { sellable: 100, inTransit: 0, dailySales: 10, market: 'MX', turnoverDays: null },
];
const stores: Partial<StoreFigures>[] = [
  {},
  { dsrDescription: 4.9, dsrService: 4.9, dsrLogistics: 4.9, orders30d: 600, fakeShipments30d: 0, overtimeUnshipped30d: 0, replenishmentsPerWeek: 2, storeEntity: 'enterprise', fulfilmentP95Days: 5, cancellationRatePct: 0.1, pickingAccuracyPct: 100, syncErrorPct: 0 },
  { dsrDescription: 4, dsrService: 4, dsrLogistics: 4, orders30d: 1, fakeShipments30d: 2, overtimeUnshipped30d: 5, replenishmentsPerWeek: 0, storeEntity: 'individual', fulfilmentP95Days: 12, cancellationRatePct: 5, pickingAccuracyPct: 90, syncErrorPct: -2 },
];

function explanations(): [string, Explained][] {
  const all: [string, Explained][] = [];
  for (const day of ['2025-06-01', '2025-12-01']) {
    for (const figures of skus) {
      const sku = { sellable: null, inTransit: null, dailySales: null, market: null, turnoverDays: null, ...figures };
      for (const verdict of [safetyLine(sku, ctx(day)), reorderAdvice(sku, ctx(day)), turnover(sku, DEFAULT_POLICY)]) {
        all.push([`${verdict.rule} ${verdict.status} ${JSON.stringify(figures)} ${day}`, verdict]);
      }
    }
  }
  for (const store of stores) {
    for (const summary of [eligibility(store, DEFAULT_POLICY), choiceAdmission(store, DEFAULT_POLICY)]) {
      for (const c of summary.criteria) all.push([`${c.rule} ${c.status}`, c]);
      all.push([`summary ${summary.status}`, { ...summary, source: 'policy_src_eligibility' }]);
    }
  }
  for (const [code, glossary] of [['ES-402', {}], ['MX-711', {}], ['FR-101', {}], ['FR-101', { 'FR-101': 'mine' }]] as const) {
    all.push([`event ${code}`, explainEventCode(code, DEFAULT_POLICY, glossary)]);
  }
  return all;
}

describe('explanations', () => {
  const cases = explanations();

  it('cover every status of every rule', () => {
    const statuses = new Set(cases.map(([name]) => name.split(' ').slice(0, 2).join(' ')));
    for (const expected of ['S1 ok', 'S1 low', 'S1 out', 'S1 unknown', 'S2 low', 'S2 unknown', 'R1 reorder', 'R1 ok', 'R1 unknown', 'T1 rebate', 'T1 normal', 'T1 surcharge', 'T1 unknown', 'E1 eligible', 'E1 ineligible', 'E1 unknown', 'E5 ineligible', 'C4 fail', 'C4 pass', 'C4 unknown', 'summary eligible', 'summary ineligible', 'summary unknown', 'summary pass', 'summary fail']) {
      expect(statuses, expected).toContain(expected);
    }
  });

  it.each(LANGS)('read as whole sentences in %s', (lang) => {
    for (const [name, e] of cases) {
      for (const key of [e.source, e.what, e.todo]) {
        const text = t(lang, key, e.params);
        expect(text, `${name}: ${key}`).not.toBe(key);
        expect(text, `${name}: ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('name every warehouse country in both languages', () => {
    for (const market of MARKETS) for (const lang of LANGS) expect(t(lang, marketName(market))).not.toBe(marketName(market));
  });

  it('use the same placeholders in Chinese and English', () => {
    const placeholders = (lang: Lang, key: MessageKey) => [...t(lang, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const ours = catalogKeys('zh').filter((key) => /^(policy|rule|settings)_/.test(key)) as MessageKey[];
    expect(ours.length).toBeGreaterThan(100);
    for (const key of ours) expect(placeholders('en', key), key).toEqual(placeholders('zh', key));
  });
});
