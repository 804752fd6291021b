import type { z } from 'zod/mini';

/**
 * zod/mini ships without its English error texts (they would weigh down the content script), so
 * every issue says only "Invalid input". This turns issues into a technical line a developer or a
 * seller's bug report can act on: "sellable: too_small (minimum 0); sku: expected string".
 */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '(record)';
      return `${where}: ${issueDetail(issue)}`;
    })
    .join('; ');
}

function issueDetail(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `too_small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too_big (maximum ${String(issue.maximum)})`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    case 'custom':
      return issue.message;
    default:
      return issue.code;
  }
}

/** What a read of stored records gives: the good ones, and how many were skipped and why. */
export interface ReadResult<T> {
  records: T[];
  skipped: number;
  /** One line per skipped record, at most MAX_PROBLEMS of them (`skipped` counts them all). */
  problems: string[];
}

export const MAX_PROBLEMS = 20;

/** Validates records read from storage: a bad one is skipped and counted, never fatal to the rest. */
export function validateRecords<T>(
  values: readonly unknown[],
  schema: z.ZodMiniType<T>,
  label: (value: unknown) => string,
): ReadResult<T> {
  const result: ReadResult<T> = { records: [], skipped: 0, problems: [] };
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      result.records.push(parsed.data);
      continue;
    }
    result.skipped += 1;
    if (result.problems.length < MAX_PROBLEMS) {
      result.problems.push(`${label(value)}: ${describeIssues(parsed.error)}`);
    }
  }
  return result;
}
