/** Small numeric helpers for the benchmark's figures. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const max = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : Math.max(...values));

/** Milliseconds, rounded so that small figures keep one decimal. */
export const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const times = (ratio: number): string => (Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)}x`);
