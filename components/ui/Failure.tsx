import { t, type Lang } from '@/lib/i18n';
import { failureText } from './background';

/** A worker failure for the seller, with the technical detail one click away for a bug report. */
export function Failure({ lang, error }: { lang: Lang; error: unknown }) {
  const { message, detail } = failureText(lang, error);
  return (
    <div class="failure" role="alert">
      <p class="problem">
        <span aria-hidden="true">✕ </span>
        {message}
      </p>
      <details>
        <summary>{t(lang, 'ui_details')}</summary>
        <code>{detail}</code>
      </details>
    </div>
  );
}
