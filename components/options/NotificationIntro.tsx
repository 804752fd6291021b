import { useState } from 'preact/hooks';

import { text } from '@/components/ui/format';
import type { SettingsStore } from '@/components/ui/settings-store';
import { t, type Lang } from '@/lib/i18n';
import type { Policy } from '@/lib/policy/table';
import { NOTIFICATION_MODES, type Settings } from '@/lib/settings/schema';

/**
 * The first-run explanation of notifications. Nothing is notified until the seller has read it
 * and chosen (settings.notifications.introSeen); the choice is saved like any setting.
 */
export function NotificationIntro({ lang, settings, store, policy }: { lang: Lang; settings: Settings; store: SettingsStore; policy: Policy }) {
  const [failed, setFailed] = useState(false);
  const choose = async (mode: Settings['notifications']['mode']) => {
    const result = await store.save({ ...settings, notifications: { ...settings.notifications, mode, introSeen: true } });
    setFailed(!result.ok);
  };
  const { entries } = policy;
  return (
    <section class="intro" aria-labelledby="intro-heading">
      <h2 id="intro-heading">{t(lang, 'options_intro_heading')}</h2>
      <p>{t(lang, 'options_intro_what')}</p>
      <ul>
        <li>{t(lang, 'reminder_reason_out')}</li>
        <li>{t(lang, 'reminder_reason_low')}</li>
        <li>{t(lang, 'reminder_reason_willCross')}</li>
        <li>{text(lang, 'reminder_reason_itoOver90', { threshold: entries.slowMovingAboveDays.value })}</li>
        <li>{text(lang, 'reminder_reason_replenishmentShort', { threshold: entries.replenishmentsPerWeekMin.value })}</li>
      </ul>
      <p>{t(lang, 'options_intro_how')}</p>
      <p class="buttons">
        {NOTIFICATION_MODES.map((mode) => (
          <button key={mode} type="button" class={mode === 'immediate' ? 'primary' : undefined} onClick={() => void choose(mode)}>
            {t(lang, `options_intro_${mode}`)}
          </button>
        ))}
      </p>
      {failed && <p class="problem">{t(lang, 'options_saveFailed')}</p>}
    </section>
  );
}
