import { z } from 'zod/mini';

import {
  daySchema,
  eventSightingRecordSchema,
  glossaryEntrySchema,
  reminderReasonSchema,
  skuSnapshotSchema,
  storeRecordSchema,
  STORE_NAMES,
  type StoreName,
} from './history/schema';
import { describeIssues } from './history/validate';
import { catalogKeys, type MessageKey } from './i18n';
import { noticesSchema } from './notices';
import { eventCodeSchema, pageReadingSchema } from './records';
import { storePlanSchema } from './reminders/schema';

/**
 * The one protocol between the extension's parts and the background worker, which alone owns the
 * history. Each message is named by who sends it (content script or extension page) and has a zod
 * schema for its request and for its answer; both sides validate, so neither trusts the other's
 * build. Answers travel in an envelope: `{ ok: true, data }` or `{ ok: false, error }` with a
 * message key the seller can read and a technical detail.
 */

const storeId = z.string().check(z.minLength(1));
const readProblems = { skipped: z.number(), problems: z.array(z.string()) };
const nothing = z.object({});
/** A file for the page to offer as a download; records that failed validation were left out and are counted. */
const fileAnswer = z.object({ fileName: z.string(), text: z.string(), ...readProblems });

const message = <Req extends z.core.$ZodShape, Res extends z.ZodMiniType>(request: Req, response: Res) => ({
  request: z.object(request),
  response,
});

/** Sent by the content script on Seller Center pages (and, for the glossary, by extension pages too). */
const FROM_CONTENT = {
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
};

/** Sent by the popup and the options page. */
const FROM_UI = {
  'sku/history': message(
    { storeId, sku: z.string().check(z.minLength(1)), fromDay: z.optional(daySchema), toDay: z.optional(daySchema) },
    z.object({ records: z.array(skuSnapshotSchema), events: z.array(eventSightingRecordSchema), ...readProblems }),
  ),
  'store/at-risk': message({ storeId }, z.object({ plan: storePlanSchema, ...readProblems })),
  'stores/list': message({}, z.object({ stores: z.array(storeRecordSchema), ...readProblems })),
  'glossary/delete': message({ code: eventCodeSchema }, nothing),
  'backup/export': message({}, fileAnswer),
  'backup/import': message(
    { json: z.string() },
    z.object({ imported: z.record(z.enum(STORE_NAMES as [StoreName, ...StoreName[]]), z.number()) }),
  ),
  'data/delete-all': message({}, nothing),
  'snapshots/csv': message({ storeId: z.optional(storeId), fromDay: z.optional(daySchema), toDay: z.optional(daySchema) }, fileAnswer),
  /** Quiet one SKU's reminder until a time (null: remind again). */
  'reminders/snooze': message(
    { storeId, sku: z.string().check(z.minLength(1)), reason: reminderReasonSchema, until: z.nullable(z.number()) },
    nothing,
  ),
  /** What the worker has to tell the seller outside any answer (lib/notices.ts). */
  'notices/get': message({}, noticesSchema),
  /** The seller has read the storage-full notice. */
  'notices/dismiss': message({ notice: z.literal('storageFull') }, nothing),
};

export const PROTOCOL = { ...FROM_CONTENT, ...FROM_UI };
type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type Sender = 'content' | 'ui';

/** Which side may send which message: a content script never deletes data or imports a file. */
export const SENDERS: Record<Sender, readonly MessageType[]> = {
  content: Object.keys(FROM_CONTENT) as MessageType[],
  ui: Object.keys(PROTOCOL) as MessageType[],
};

// zod infers `z.object({})` as Record<string, never>, which no `{ type }` would fit.
type Fields<S> = string extends keyof S ? unknown : S;
export type Request<T extends MessageType = MessageType> = {
  [K in T]: { type: K } & Fields<z.infer<Protocol[K]['request']>>;
}[T];
export type Answer<T extends MessageType> = z.infer<Protocol[T]['response']>;
export type ContentRequest = Request<keyof typeof FROM_CONTENT>;
export type UiRequest = Request<keyof typeof FROM_UI>;

const messageKeySchema = z.custom<MessageKey>((key) => typeof key === 'string' && catalogKeys('zh').includes(key));

export const failureSchema = z.object({
  /** For the seller: t(lang, key). */
  key: messageKeySchema,
  /** For a bug report: what exactly was wrong. */
  detail: z.string(),
});
export type Failure = z.infer<typeof failureSchema>;

export type Envelope<T extends MessageType> = { ok: true; data: Answer<T> } | { ok: false; error: Failure };
const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);

/** Thrown by sendToBackground when the worker answers with a failure or an answer that does not fit. */
export class BackgroundError extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.key}: ${failure.detail}`);
    this.name = 'BackgroundError';
  }
}

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: Failure };

/** Checks a message on arrival: known type, allowed from this sender, fields as the schema says. */
export function parseRequest(raw: unknown, from: Sender): ParsedRequest {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(type in PROTOCOL)) {
    return { ok: false, error: { key: 'history_error_badRequest', detail: `unknown message type ${JSON.stringify(type)}` } };
  }
  if (!SENDERS[from].includes(type as MessageType)) {
    return { ok: false, error: { key: 'history_error_badRequest', detail: `${type} may not be sent from a ${from} script` } };
  }
  const parsed = PROTOCOL[type as MessageType].request.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { key: 'history_error_badRequest', detail: `${type}: ${describeIssues(parsed.error)}` } };
  return { ok: true, request: { ...parsed.data, type } as Request };
}

/** Checks an answer before it leaves the worker, so a bug there surfaces as a failure, not bad data. */
export function parseAnswer<T extends MessageType>(type: T, data: unknown): Envelope<T> {
  const parsed = PROTOCOL[type].response.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as Answer<T> };
  return { ok: false, error: { key: 'history_error_failed', detail: `${type} answer: ${describeIssues(parsed.error)}` } };
}

/**
 * Sends a message to the worker and returns its validated answer, or throws a BackgroundError.
 * The transport is passed in (`browser.runtime.sendMessage`) because lib/ never touches `browser`.
 */
export async function sendToBackground<R extends Request>(
  request: R,
  send: (message: unknown) => Promise<unknown>,
): Promise<Answer<R['type']>> {
  const type = request.type as R['type'];
  const checked = PROTOCOL[type].request.safeParse(request);
  if (!checked.success) {
    throw new BackgroundError({ key: 'history_error_badRequest', detail: `${type}: ${describeIssues(checked.error)}` });
  }
  const envelope = envelopeSchema.safeParse(await send(request));
  if (!envelope.success) {
    throw new BackgroundError({ key: 'history_error_failed', detail: `${type}: no valid answer (${describeIssues(envelope.error)})` });
  }
  if (!envelope.data.ok) throw new BackgroundError(envelope.data.error);
  const answer = parseAnswer(type, envelope.data.data);
  if (!answer.ok) throw new BackgroundError(answer.error);
  return answer.data;
}

/** sendToBackground bound to a transport: `const send = backgroundSender(browser.runtime.sendMessage)`. */
export const backgroundSender =
  (send: (message: unknown) => Promise<unknown>) =>
  <R extends Request>(request: R): Promise<Answer<R['type']>> =>
    sendToBackground(request, send);
