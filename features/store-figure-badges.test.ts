import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY } from '@/lib/policy/table';
import { emptyStoreFigures } from '@/lib/records';
import { CHOICE } from './choice-admission';
import { ELIGIBILITY } from './eligibility';

/** Each figure's badge shows the check that reads that very figure, not a neighbour's. */
describe.each([ELIGIBILITY, CHOICE])('$kind figure checks', (config) => {
  it.each(Object.entries(config.checks))('%s is judged by its own criterion and check', (field, [id, index]) => {
    if (index === null) return;
    const store = { ...emptyStoreFigures(), [field]: 123.45 };
    const criterion = config.judge(store, DEFAULT_POLICY).criteria.find((c) => c.rule === id)!;
    expect(criterion.checks[index]!.figure).toBe(123.45);
    expect(criterion.checks.filter((check) => check.figure !== null)).toHaveLength(1);
  });
});
