import { t, type Lang } from '@/lib/i18n';
import { BackgroundError, type backgroundSender } from '@/lib/messages';

/** A request to the background worker and its validated answer (platform/messaging.ts; tests pass a fake). */
export type Send = ReturnType<typeof backgroundSender>;

/** What went wrong, for the seller, and the technical detail for a bug report. */
export function failureText(lang: Lang, error: unknown): { message: string; detail: string } {
  if (error instanceof BackgroundError) return { message: t(lang, error.failure.key), detail: error.failure.detail };
  return { message: t(lang, 'history_error_failed'), detail: error instanceof Error ? error.message : String(error) };
}
