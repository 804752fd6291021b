import { z } from 'zod/mini';

import { skuSnapshotSchema, daySchema, reminderReasonSchema } from '../history/schema';

/**
 * What reminder planning concludes, as schemas: the worker sends it to the options page's
 * at-risk view, so it crosses the message boundary and is validated there like any record.
 */

export const plannedReasonSchema = z.object({
  reason: reminderReasonSchema,
  /**
   * What must change before the seller is told again: '' for a condition that holds or not
   * ('out', 'low', 'will-cross', 'replenishment-short'), the month for 'ito-over-90' (its premium
   * is billed per month).
   */
  state: z.string(),
  /** The seller's figure: sellable units, days of cover, turnover days or replenishments this week. */
  figure: z.nullable(z.number()),
  /** What it is held against: the water line in units, the lead time, the slow-mover line, the weekly minimum. */
  threshold: z.nullable(z.number()),
  /** When it happens: the day stock reaches the water line, the day turnover passes the line. */
  day: z.nullable(daySchema),
});
export type PlannedReason = z.infer<typeof plannedReasonSchema>;

export const plannedSkuSchema = z.object({
  /** The snapshot the plan was made from. */
  snapshot: skuSnapshotSchema,
  /** Daily sales the plan used: the page's, or estimated from the history window. */
  dailySales: z.nullable(z.number()),
  dailySalesFrom: z.nullable(z.enum(['daily', 'sales30d', 'history'])),
  reasons: z.array(plannedReasonSchema),
});
export type PlannedSku = z.infer<typeof plannedSkuSchema>;

export const storePlanSchema = z.object({
  storeId: z.string(),
  /** The day planned for. */
  day: daySchema,
  /** Only the SKUs with at least one reason, the most urgent first. */
  skus: z.array(plannedSkuSchema),
});
export type StorePlan = z.infer<typeof storePlanSchema>;
