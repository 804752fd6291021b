import { z } from 'zod/mini';

/**
 * What readers take off a Seller Center page, and what the worker stores and the rules judge.
 * These schemas are the one boundary every page figure crosses: readers build records that pass
 * them (a SKU row by construction, held to its schema by the readers' property test), the message
 * protocol validates with them, the history validates its records with them on read
 * and builds what it writes from validated ones (lib/history/schema.ts).
 * `null` always means "not shown / not readable", never zero.
 */

/** The 12 warehouse countries of Local Stock Mode (the market a SKU sells into). */
export const MARKETS = ['ES', 'FR', 'PL', 'SA', 'AE', 'MX', 'BR', 'KR', 'JP', 'AU', 'US', 'CA'] as const;
export const marketSchema = z.enum(MARKETS);
export type Market = z.infer<typeof marketSchema>;

export const PAGE_KINDS = ['inventory', 'replenishment', 'store-performance', 'logistics-performance', 'event-log'] as const;
export const pageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof pageKindSchema>;

const figure = z.nullable(z.number().check(z.gte(0)));

export const skuFiguresSchema = z.object({
  sku: z.string().check(z.trim(), z.minLength(1)),
  product: z.nullable(z.string()),
  warehouse: z.nullable(z.string()),
  market: z.nullable(marketSchema),
  sellable: figure,
  inTransit: figure,
  /** Units per day, as shown, or 30-day sales / 30 (see dailySalesFrom). */
  dailySales: figure,
  dailySalesFrom: z.nullable(z.enum(['daily', 'sales30d', 'history'])),
  /** Turnover days as the page shows them; estimates are the rules' business, not the reader's. */
  turnoverDays: figure,
});
export type SkuFigures = z.infer<typeof skuFiguresSchema>;

export const STORE_ENTITIES = ['enterprise', 'individual'] as const;

export const storeFiguresSchema = z.object({
  dsrDescription: figure,
  dsrService: figure,
  dsrLogistics: figure,
  orders30d: figure,
  fakeShipments30d: figure,
  overtimeUnshipped30d: figure,
  replenishmentsPerWeek: figure,
  storeEntity: z.nullable(z.enum(STORE_ENTITIES)),
  fulfilmentP95Days: figure,
  cancellationRatePct: figure,
  pickingAccuracyPct: figure,
  /** Signed: the WMS may be above or below the real count. */
  syncErrorPct: z.nullable(z.number()),
});
export type StoreFigures = z.infer<typeof storeFiguresSchema>;

export const EVENT_CODE_PATTERN = /^[A-Z]{2}-\d{3}$/;
export const eventCodeSchema = z.string().check(z.regex(EVENT_CODE_PATTERN));

export const eventSightingSchema = z.object({
  code: eventCodeSchema,
  sku: z.nullable(z.string()),
});
export type EventSighting = z.infer<typeof eventSightingSchema>;

/**
 * The seller's own meaning for an event code the guide does not document: the content script
 * saves it, the worker keeps it (lib/history/schema.ts lists it among the stored records).
 */
export const glossaryEntrySchema = z.object({
  code: eventCodeSchema,
  meaning: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** Epoch milliseconds. */
  updatedAt: z.number().check(z.gte(0)),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** One reading of one page: what a content script sends to the worker. */
export const pageReadingSchema = z.object({
  /** The store: Seller Center's channelId, or 'default' when the URL has none. */
  storeId: z.string().check(z.minLength(1)),
  pageKind: pageKindSchema,
  /** Epoch milliseconds. */
  readAt: z.number(),
  skus: z.array(skuFiguresSchema),
  store: z.nullable(z.partial(storeFiguresSchema)),
  events: z.array(eventSightingSchema),
});
export type PageReading = z.infer<typeof pageReadingSchema>;

export const emptyStoreFigures = (): StoreFigures => ({
  dsrDescription: null,
  dsrService: null,
  dsrLogistics: null,
  orders30d: null,
  fakeShipments30d: null,
  overtimeUnshipped30d: null,
  replenishmentsPerWeek: null,
  storeEntity: null,
  fulfilmentP95Days: null,
  cancellationRatePct: null,
  pickingAccuracyPct: null,
  syncErrorPct: null,
});
