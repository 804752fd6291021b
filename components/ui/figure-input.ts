import { z } from 'zod/mini';

import { catalogKeys, type MessageKey, type MessageParams } from '@/lib/i18n';
import { isPlaceholder, parseFigure } from '@/lib/parse/figure';
import type { SettingsProblem } from '@/lib/settings/schema';

/**
 * Typed figures: what a seller types into a quick check or a setting, read the way Seller Center
 * writes figures ('1,234', '4.8', '99.95%'), validated with zod into a number or a reason. Never
 * NaN: text that is not one clear number is refused with a message saying what to type.
 */

export interface InputRange {
  min: number;
  max: number;
  whole: boolean;
}

/** Sanity bounds of typed quantities (not policy: no rule depends on them). */
export const STOCK_UNITS: InputRange = { min: 0, max: 10_000_000, whole: true };
export const DAILY_SALES: InputRange = { min: 0, max: 1_000_000, whole: false };
export const TURNOVER_DAYS: InputRange = { min: 0, max: 3_650, whole: false };

type IssueContext = { issues: { push(issue: { code: 'custom'; message: string; params: MessageParams; input: string }): void } };

function readFigure(text: string, range: InputRange, required: boolean, ctx: IssueContext): number | null {
  const refuse = (message: MessageKey, params: MessageParams = {}) => {
    ctx.issues.push({ code: 'custom', message, params, input: text });
    return null;
  };
  if (isPlaceholder(text)) return required ? refuse('ui_err_required') : null;
  const value = parseFigure(text);
  if (value === null) return refuse('ui_err_number');
  if (value < range.min || value > range.max) return refuse('ui_err_range', { min: range.min, max: range.max });
  if (range.whole && !Number.isInteger(value)) return refuse('ui_err_whole');
  return value;
}

/** Blank means "not known" (null): the rule then answers unknown, never a pass. */
export const optionalFigure = (range: InputRange) =>
  z.pipe(z.string(), z.transform((text: string, ctx) => readFigure(text, range, false, ctx)));

export const requiredFigure = (range: InputRange) =>
  z.pipe(z.string(), z.transform((text: string, ctx) => readFigure(text, range, true, ctx) as number));

const isMessageKey = (message: string): message is MessageKey => catalogKeys('zh').includes(message);

/** zod issues as reasons a person can read, by field path. */
export const problemsOf = (issues: readonly z.core.$ZodIssue[]): SettingsProblem[] =>
  issues.map((issue) => ({
    path: issue.path.join('.'),
    reason: isMessageKey(issue.message) ? issue.message : 'settings_err_invalid',
    params: (issue as { params?: MessageParams }).params ?? {},
  }));

export type FormResult<T> = { ok: true; data: T } | { ok: false; problems: SettingsProblem[] };

/** A form's raw texts through its schema: the typed values, or every field's reason at once. */
export function readForm<T>(schema: z.ZodMiniType<T>, raw: unknown): FormResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues) };
}

export const problemAt = (problems: readonly SettingsProblem[], path: string): SettingsProblem | undefined =>
  problems.find((problem) => problem.path === path);
