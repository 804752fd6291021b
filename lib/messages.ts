import { z } from 'zod/mini';

import {
  answerOf,
  FROM_CONTENT,
  fromWire,
  message,
  readProblems,
  sendThrough,
  type AnswerOf,
  type EnvelopeOf,
  type Failure,
  type RequestOf,
} from './content-messages';
import {
  BACKUP_STORES,
  daySchema,
  eventSightingRecordSchema,
  reminderReasonSchema,
  storeRecordSchema,
  type BackupStore,
} from './history/schema';
import { skuHistorySchema } from './history/sku-history';
import { describeIssues } from './history/validate';
import { noticesSchema } from './notices';
import { eventCodeSchema } from './records';
import { storePlanSchema } from './reminders/schema';

export { BackgroundError, failureSchema, type Failure } from './content-messages';

/**
 * The one protocol between the extension's parts and the background worker, which alone owns the
 * history. Each message is named by who sends it (content script or extension page) and has a zod
 * schema for its request and for its answer; both sides validate, so neither trusts the other's
 * build. Answers travel in an envelope: `{ ok: true, data }` or `{ ok: false, error }` with a
 * message key the seller can read and a technical detail. The content script's messages, the
 * envelope and the sender live in lib/content-messages.ts, which the content script imports alone.
 */

const storeId = z.string().check(z.minLength(1));
const nothing = z.object({});
/** A file for the page to offer as a download; records that failed validation were left out and are counted. */
const fileAnswer = z.object({ fileName: z.string(), text: z.string(), ...readProblems });

/** Sent by the popup and the options page. */
const FROM_UI = {
  'sku/history': message(
    { storeId, sku: z.string().check(z.minLength(1)), fromDay: z.optional(daySchema), toDay: z.optional(daySchema) },
    z.object({ history: skuHistorySchema, events: z.array(eventSightingRecordSchema), ...readProblems }),
  ),
  /**
   * A store's plan with its `limit` most urgent SKUs (all without a limit) and how many are at risk
   * in all: a popup shows five, and 10,000 SKUs at risk would be megabytes through messaging.
   */
  'store/at-risk': message(
    { storeId, limit: z.optional(z.number().check(z.int(), z.gte(1))) },
    z.object({ plan: storePlanSchema, atRisk: z.number().check(z.int(), z.gte(0)), ...readProblems }),
  ),
  'stores/list': message({}, z.object({ stores: z.array(storeRecordSchema), ...readProblems })),
  'glossary/delete': message({ code: eventCodeSchema }, nothing),
  'backup/export': message({}, fileAnswer),
  'backup/import': message(
    { json: z.string() },
    z.object({ imported: z.record(z.enum(BACKUP_STORES as [BackupStore, ...BackupStore[]]), z.number()) }),
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

export type Request<T extends MessageType = MessageType> = RequestOf<Protocol, T>;
export type Answer<T extends MessageType> = AnswerOf<Protocol, T>;
export type ContentRequest = Request<keyof typeof FROM_CONTENT>;
export type UiRequest = Request<keyof typeof FROM_UI>;
export type Envelope<T extends MessageType> = EnvelopeOf<Protocol, T>;

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: Failure };

/** Checks a message on arrival: known type, allowed from this sender, fields as the schema says. */
export function parseRequest(message: unknown, from: Sender): ParsedRequest {
  const raw = fromWire(message);
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
export const parseAnswer = <T extends MessageType>(type: T, data: unknown): Envelope<T> => answerOf(PROTOCOL, type, data);

/**
 * Sends a message to the worker and returns its validated answer, or throws a BackgroundError.
 * The transport is passed in (`browser.runtime.sendMessage`) because lib/ never touches `browser`.
 */
export const sendToBackground = <R extends Request>(request: R, send: (message: unknown) => Promise<unknown>): Promise<Answer<R['type']>> =>
  sendThrough(PROTOCOL, request, send);

/** sendToBackground bound to a transport: `const send = backgroundSender(browser.runtime.sendMessage)`. */
export const backgroundSender =
  (send: (message: unknown) => Promise<unknown>) =>
  <R extends Request>(request: R): Promise<Answer<R['type']>> =>
    sendToBackground(request, send);
