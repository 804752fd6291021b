import { z } from 'zod/mini';

import { describeIssues } from './history/validate';
import { shardOf, SHARDS } from './history/shard';
import { catalogKeys, hasMessages, installMessages, type Lang, type MessageKey } from './i18n';
import { eventCodeSchema, glossaryEntrySchema, pageReadingSchema, skuFiguresSchema, type PageReading, type SkuFigures } from './records';

/**
 * The content script's side of the message protocol (lib/messages.ts has all of it): the messages a
 * Seller Center page may send, the answer envelope, and the validating sender. Kept apart so that
 * the content script, whose size is a budget (docs/benchmarks.md), carries only these schemas and
 * not the history, reminder and backup ones the extension pages exchange with the worker.
 */

/** One message: the request's fields (its `type` is the protocol's key) and the answer's schema. */
export const message = <Req extends z.core.$ZodShape, Res extends z.ZodMiniType>(request: Req, response: Res) => ({
  request: z.object(request),
  response,
});

/** Records a read skipped because they no longer validate: how many, and why. */
export const readProblems = { skipped: z.number(), problems: z.array(z.string()) };

/** Sent by the content script on Seller Center pages (and, for the glossary, by extension pages too). */
export const FROM_CONTENT = {
  /** After every page read: the figures into history. */
  'reading/save': message(
    { reading: pageReadingSchema },
    z.object({ saved: z.number(), ...readProblems }),
  ),
  'glossary/list': message({}, z.object({ entries: z.array(glossaryEntrySchema), ...readProblems })),
  'glossary/put': message(
    { code: eventCodeSchema, meaning: glossaryEntrySchema.shape.meaning },
    z.object({ entry: glossaryEntrySchema }),
  ),
  /** The texts of one language (the content script's build carries only the keys: lib/i18n.ts). */
  'messages/get': message({ lang: z.enum(['zh', 'en']) }, z.object({ messages: z.record(z.string(), z.string()) })),
};

/**
 * A reading of a big page as several reading/save messages of at most about `most` SKUs each, so
 * that checking and sending one is a short task for the page (10,000 rows in one message is a long
 * one). Parts are cut along the worker's shards of SKUs and, up to SHARD_GROUPS parts, along its
 * groups of shards too (lib/history/shard.ts): each shard's week record, and each group's record of
 * recent days, is rewritten by one message, not by every part. So the number of parts is a power
 * of two: 10 parts would split six groups between two messages each. The store's figures and the
 * event codes go with the first part only: each event message counts a sighting.
 */
export function readingParts(reading: PageReading, most: number): PageReading[] {
  if (reading.skus.length <= most) return [reading];
  const count = Math.min(SHARDS, 2 ** Math.ceil(Math.log2(reading.skus.length / most)));
  const skus = Array.from({ length: count }, (): PageReading['skus'] => []);
  for (const row of reading.skus) skus[Math.floor((shardOf(row.sku) * count) / SHARDS)]!.push(row);
  return skus.map((part, index) => ({ ...reading, skus: part, store: index === 0 ? reading.store : null, events: index === 0 ? reading.events : [] }));
}

/** Any set of messages: FROM_CONTENT, or the whole PROTOCOL. */
export type AnyProtocol = Record<string, { request: z.ZodMiniObject; response: z.ZodMiniType }>;

// zod infers `z.object({})` as Record<string, never>, which no `{ type }` would fit.
type Fields<S> = string extends keyof S ? unknown : S;
export type RequestOf<P extends AnyProtocol, T extends keyof P & string = keyof P & string> = {
  [K in T]: { type: K } & Fields<z.infer<P[K]['request']>>;
}[T];
export type AnswerOf<P extends AnyProtocol, T extends keyof P> = z.infer<P[T]['response']>;
export type ContentRequest = RequestOf<typeof FROM_CONTENT>;

const messageKeySchema = z.custom<MessageKey>((key) => typeof key === 'string' && catalogKeys('zh').includes(key));

export const failureSchema = z.object({
  /** For the seller: t(lang, key). */
  key: messageKeySchema,
  /** For a bug report: what exactly was wrong. */
  detail: z.string(),
});
export type Failure = z.infer<typeof failureSchema>;

export type EnvelopeOf<P extends AnyProtocol, T extends keyof P> = { ok: true; data: AnswerOf<P, T> } | { ok: false; error: Failure };
const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);

/** Thrown by a sender when the worker answers with a failure or an answer that does not fit. */
export class BackgroundError extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.key}: ${failure.detail}`);
    this.name = 'BackgroundError';
  }
}

/** Checks an answer against its message's schema (the worker before sending it, the sender on arrival). */
export function answerOf<P extends AnyProtocol, T extends keyof P & string>(protocol: P, type: T, data: unknown): EnvelopeOf<P, T> {
  const parsed = protocol[type]!.response.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as AnswerOf<P, T> };
  return { ok: false, error: { key: 'history_error_failed', detail: `${type} answer: ${describeIssues(parsed.error)}` } };
}

/**
 * Sends a message of `protocol` to the worker and returns its validated answer, or throws a
 * BackgroundError. The transport is passed in (`browser.runtime.sendMessage`) because lib/ never
 * touches `browser`.
 */
export async function sendThrough<P extends AnyProtocol, R extends RequestOf<P>>(
  protocol: P,
  request: R,
  send: (message: unknown) => Promise<unknown>,
  checkRequest = true,
): Promise<AnswerOf<P, R['type']>> {
  const type: R['type'] = request.type;
  const checked = checkRequest ? protocol[type]!.request.safeParse(request) : null;
  if (checked && !checked.success) {
    throw new BackgroundError({ key: 'history_error_badRequest', detail: `${type}: ${describeIssues(checked.error)}` });
  }
  const envelope = envelopeSchema.safeParse(await send(request));
  if (!envelope.success) {
    throw new BackgroundError({ key: 'history_error_failed', detail: `${type}: no valid answer (${describeIssues(envelope.error)})` });
  }
  if (!envelope.data.ok) throw new BackgroundError(envelope.data.error);
  const answer = answerOf(protocol, type, envelope.data.data);
  if (!answer.ok) throw new BackgroundError(answer.error);
  return answer.data;
}

/**
 * Requests the content script sends without checking them itself: a reading is made of records
 * valid as they were read (lib/readers/inventory.ts builds them so, and the readers' property test
 * holds them to the schema), and the worker validates every request on arrival. Checking a big
 * page's 2,000 SKUs on the page cost some 20-30 ms of its main thread.
 */
const VALIDATED_AT_SOURCE: ReadonlySet<ContentRequest['type']> = new Set(['reading/save']);

/** The content script's sender, bound to a transport: `contentSender((m) => browser.runtime.sendMessage(m))`. */
export const contentSender =
  (send: (message: unknown) => Promise<unknown>) =>
  <R extends ContentRequest>(request: R): Promise<AnswerOf<typeof FROM_CONTENT, R['type']>> =>
    sendThrough(FROM_CONTENT, request, (message) => send(toWire(message as ContentRequest)), !VALIDATED_AT_SOURCE.has(request.type));

/**
 * How a reading travels: its SKUs in columns, one array per field (`skuColumns`), not one record
 * each. Chrome turns a message into its own values object by object and field by field: from the
 * content script's own world, 1,000 SKU records cost the page 7-10 ms to send, the same figures in
 * columns 2-4 ms (Chromium 156 on this machine's two cores). The worker puts the records back (fromWire) before it validates them.
 */
const SKU_FIELDS = Object.keys(skuFiguresSchema.shape) as (keyof SkuFigures)[];

export function toWire(request: ContentRequest): unknown {
  if (request.type !== 'reading/save') return request;
  const { skus, ...reading } = request.reading;
  const skuColumns = Object.fromEntries(SKU_FIELDS.map((field) => [field, skus.map((sku) => sku[field])]));
  return { ...request, reading: { ...reading, skuColumns } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A request as the protocol's schemas read it: a reading's SKU columns made records again. */
export function fromWire(message: unknown): unknown {
  if (!isRecord(message)) return message;
  const { reading } = message;
  if (!isRecord(reading) || !('skuColumns' in reading)) return message;
  const { skuColumns, ...rest } = reading;
  return { ...message, reading: { ...rest, skus: recordsOf(skuColumns) } };
}

/** Records from columns; columns that are not an array per field, all of one length, are left as they came, for the schema to refuse. */
function recordsOf(columns: unknown): unknown {
  if (!isRecord(columns)) return columns;
  const arrays = SKU_FIELDS.map((field) => columns[field]);
  if (!arrays.every(Array.isArray) || arrays.some((array) => array.length !== arrays[0]!.length)) return columns;
  return arrays[0]!.map((_, row) => Object.fromEntries(SKU_FIELDS.map((field, column) => [field, arrays[column]![row]])));
}

/** Installs the texts of `lang` from the worker, once: the content script's build carries only their keys (content-script-build.ts). */
export async function loadMessages(send: ReturnType<typeof contentSender>, lang: Lang): Promise<void> {
  if (hasMessages(lang)) return;
  installMessages(lang, (await send({ type: 'messages/get', lang })).messages);
}
