import { describe, expect, it } from 'vitest';

import { t } from '../i18n';
import { DEFAULT_POLICY } from '../policy/table';
import { explainEventCode, findEventCodes, normaliseEventCode } from './event-code';

describe('findEventCodes', () => {
  it.each([
    ['ES-402', ['ES-402']],
    ['事件代码：ES-402 标签信息不全', ['ES-402']],
    ['代码ES-402异常', ['ES-402']],
    ['MX-711, then ES-402.', ['MX-711', 'ES-402']],
    ['(FR-101) [PL-999]', ['FR-101', 'PL-999']],
    ['ES-402 again ES-402', ['ES-402']],
    ['ES-4021', []],
    ['ES-40', []],
    ['XES-402', []],
    ['SKU-ES-402', []],
    ['ES-402-A', []],
    ['ES-402B', []],
    ['ES_402', []],
    ['1ES-402', []],
    ['ES-402.5', []],
    ['es-402', []],
    ['E-402', []],
    ['', []],
  ])('%j -> %j', (text, expected) => {
    expect(findEventCodes(text)).toEqual(expected);
  });
});

describe('normaliseEventCode', () => {
  it.each([
    [' es-402 ', 'ES-402'],
    ['MX-711', 'MX-711'],
    ['ES402', null],
    ['ES-4020', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseEventCode(input)).toBe(expected);
  });
});

describe('explainEventCode', () => {
  it('gives a documented code its meaning and country', () => {
    const verdict = explainEventCode('ES-402', DEFAULT_POLICY, {});
    expect(verdict).toMatchObject({
      status: 'known',
      code: 'ES-402',
      country: 'ES',
      meaning: 'policy_code_ES402',
      userMeaning: null,
      families: [],
      source: 'policy_src_events',
      what: 'policy_code_ES402',
      todo: 'rule_event_todo_known',
    });
    expect(t('zh', verdict.what)).toBe('标签信息不全');
    expect(t('en', explainEventCode('MX-711', DEFAULT_POLICY, {}).what)).toBe('Customs clearance documents missing pages');
  });

  it('never invents a meaning: an unknown code gets its country and the three families with their checks', () => {
    const verdict = explainEventCode('SA-120', DEFAULT_POLICY, {});
    expect(verdict).toMatchObject({ status: 'unknown', country: 'SA', meaning: null, userMeaning: null, what: 'rule_event_what_unknown', todo: 'rule_event_todo_unknown' });
    expect(verdict.families).toEqual([
      { id: 'customs', sharePct: 61.4, name: 'policy_family_customs', causes: 'policy_family_customs_causes', checks: 'policy_family_customs_checks' },
      { id: 'shelving', sharePct: 23.7, name: 'policy_family_shelving', causes: 'policy_family_shelving_causes', checks: 'policy_family_shelving_checks' },
      { id: 'sync', sharePct: 14.9, name: 'policy_family_sync', causes: 'policy_family_sync_causes', checks: 'policy_family_sync_checks' },
    ]);
  });

  it('has no country for a prefix that is not a warehouse country', () => {
    expect(explainEventCode('NL-101', DEFAULT_POLICY, {}).country).toBeNull();
  });

  it('shows the seller\'s own meaning next time, as theirs', () => {
    const verdict = explainEventCode('FR-101', DEFAULT_POLICY, { 'FR-101': ' 箱唛缺失 ' });
    expect(verdict).toMatchObject({ status: 'known', meaning: null, userMeaning: '箱唛缺失', source: 'rule_src_userNote', what: 'rule_event_what_user' });
    expect(verdict.families).toHaveLength(3);
    expect(t('en', verdict.what, verdict.params)).toBe('FR-101: 箱唛缺失 (your note)');
  });

  it('layers the seller\'s note on a documented code without replacing the documented meaning', () => {
    const verdict = explainEventCode('ES-402', DEFAULT_POLICY, { 'ES-402': 'EAN on the box' });
    expect(verdict).toMatchObject({ status: 'known', meaning: 'policy_code_ES402', userMeaning: 'EAN on the box', what: 'policy_code_ES402', source: 'policy_src_events' });
  });

  it('ignores a blank note', () => {
    expect(explainEventCode('FR-101', DEFAULT_POLICY, { 'FR-101': '  ' }).status).toBe('unknown');
  });
});
