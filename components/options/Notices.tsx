import type { Send } from '@/components/ui/background';
import { formatDay, formatMoment, text } from '@/components/ui/format';
import { useLoad } from '@/components/ui/hooks';
import { t, type Lang } from '@/lib/i18n';
import { NO_NOTICES, type Notices } from '@/lib/notices';
import type { Page } from './route';

/**
 * What the worker has to tell the seller outside any answer (lib/notices.ts), as the options page
 * and the popup show it: what happened, what to do, and the browser's own words for a bug report.
 */

/** The worker's notices, asked again by `reload`; a worker that cannot answer has none to show (it logs why). */
export function useNotices(send: Send): { notices: Notices; dismissStorageFull(): void } {
  const [loaded, reload] = useLoad(() => send({ type: 'notices/get' }), [send]);
  return {
    notices: loaded.state === 'ready' ? loaded.value : NO_NOTICES,
    dismissStorageFull: () => {
      send({ type: 'notices/dismiss', notice: 'storageFull' }).then(reload, reload);
    },
  };
}

function Detail({ lang, detail }: { lang: Lang; detail: string }) {
  return (
    <details>
      <summary>{t(lang, 'ui_details')}</summary>
      <code>{detail}</code>
    </details>
  );
}

export function StorageFullNotice(props: {
  lang: Lang;
  notice: NonNullable<Notices['storageFull']>;
  /** Where a page of the options page is, from here. */
  href(page: Page): string;
  target?: string;
  onDismiss(): void;
}) {
  const { lang, notice, href, target, onDismiss } = props;
  const day = notice.prunedBefore === null ? '' : formatDay(lang, notice.prunedBefore);
  const what = text(lang, notice.saved ? 'ui_notice_storageFull_saved' : 'ui_notice_storageFull_notSaved', { time: formatMoment(lang, notice.at), day });
  return (
    <div class="note notice" role="note" data-notice="storage-full">
      <p>
        <span aria-hidden="true">! </span>
        {what}
        {!notice.saved && notice.prunedBefore !== null && ` ${text(lang, 'ui_notice_storageFull_pruned', { day })}`}
      </p>
      <p>
        {t(lang, 'ui_notice_storageFull_todo')}{' '}
        <a href={href('settings')} target={target}>
          {t(lang, 'options_page_settings')}
        </a>
        {' · '}
        <a href={href('data')} target={target}>
          {t(lang, 'options_page_data')}
        </a>
      </p>
      <Detail lang={lang} detail={notice.detail} />
      <button type="button" onClick={onDismiss}>
        {t(lang, 'ui_notice_dismiss')}
      </button>
    </div>
  );
}

export function NotificationsBlockedNotice({ lang, notice }: { lang: Lang; notice: NonNullable<Notices['notificationsBlocked']> }) {
  return (
    <div class="note notice" role="note" data-notice="notifications-blocked">
      <p>
        <span aria-hidden="true">! </span>
        {t(lang, 'ui_notice_notificationsBlocked')}
      </p>
      <p>{t(lang, 'ui_notice_notificationsBlocked_todo')}</p>
      <Detail lang={lang} detail={notice.detail} />
    </div>
  );
}
