import { TONE_ICON } from '@/components/badge-view';
import { TONE_OF_STATUS } from '@/features/views';

/**
 * A verdict as the badges show it: the tone of its status, an icon and the badge's own word for it
 * (callers pass the badge_* text), so colour is never the only signal.
 */
export function StatusWord({ status, word }: { status: string; word: string }) {
  const tone = TONE_OF_STATUS[status] ?? 'unknown';
  return (
    <span class={`status tone-${tone}`} data-status={status}>
      <span class="icon" aria-hidden="true">
        {TONE_ICON[tone]}
      </span>
      {word}
    </span>
  );
}
