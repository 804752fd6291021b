import { z } from 'zod/mini';

import { daySchema } from './history/schema';

/**
 * What the worker has to tell the seller outside of any answer: figures a content script sent that
 * storage had no room for (its answer goes to a page script nobody reads), and reminders the
 * browser would not show. The worker keeps them; the popup and the options page show them.
 */

export const noticesSchema = z.object({
  /** The last time storage was full when saving a page's figures. Stays until the seller dismisses it. */
  storageFull: z.nullable(
    z.object({
      at: z.number(),
      /** Daily snapshots before this day were deleted to make room; null when none was old enough. */
      prunedBefore: z.nullable(daySchema),
      /** Whether the figures were stored in the end, after making room. */
      saved: z.boolean(),
      /** The browser's error, for a bug report. */
      detail: z.string(),
    }),
  ),
  /** Reminders cannot be shown: notifications are blocked for the extension (browser or system settings). */
  notificationsBlocked: z.nullable(z.object({ detail: z.string() })),
});
export type Notices = z.infer<typeof noticesSchema>;
export type NoticeKind = keyof Notices;

export const NO_NOTICES: Notices = { storageFull: null, notificationsBlocked: null };

export interface NoticeBoard {
  read(): Promise<Notices>;
  /** Replaces one notice; null clears it. */
  set<K extends NoticeKind>(kind: K, notice: Notices[K]): Promise<void>;
}

export interface NoticeStorage {
  load(): Promise<unknown>;
  save(notices: Notices): Promise<void>;
  /**
   * The browser's own word on notifications, where it has one (Chrome's
   * notifications.getPermissionLevel); without it (Firefox) a failed notification is the only sign.
   */
  permissionLevel?: () => Promise<string>;
}

/** The notices kept as one stored value; a stored value that no longer fits reads as no notices. */
export function noticeBoard({ load, save, permissionLevel }: NoticeStorage): NoticeBoard {
  const stored = async (): Promise<Notices> => {
    const parsed = noticesSchema.safeParse(await load());
    return parsed.success ? parsed.data : NO_NOTICES;
  };
  return {
    async read() {
      const notices = await stored();
      const level = await permissionLevel?.();
      return level === 'denied' ? { ...notices, notificationsBlocked: { detail: 'notifications.getPermissionLevel() is "denied"' } } : notices;
    },
    async set(kind, notice) {
      const notices = await stored();
      if (JSON.stringify(notices[kind]) === JSON.stringify(notice)) return;
      await save({ ...notices, [kind]: notice });
    },
  };
}
