import { useEffect } from 'preact/hooks';
import { z } from 'zod/mini';

import { Explanation } from '@/components/Explanation';
import { TextField } from '@/components/ui/fields';
import { StatusWord } from '@/components/ui/StatusWord';
import { eventCodeModel, eventCodeWord } from '@/features/views';
import { t, type Lang } from '@/lib/i18n';
import type { Policy } from '@/lib/policy/table';
import { explainEventCode, normaliseEventCode } from '@/lib/rules/event-code';
import { CheckForm, useCheck } from './check';

/**
 * What an event-log code means, as its badge on the event log page would say, the seller's own
 * note included. A note recorded here shows next time, here and on the page.
 */

const schema = z.object({
  code: z.pipe(
    z.string(),
    z.transform((input: string, ctx) => {
      const code = normaliseEventCode(input);
      if (code === null) ctx.issues.push({ code: 'custom', message: 'ui_err_code', input });
      return code ?? '';
    }),
  ),
});

export function EventCodeCheck(props: {
  lang: Lang;
  policy: Policy;
  glossary: Readonly<Record<string, string>>;
  saveMeaning(code: string, meaning: string): Promise<void>;
}) {
  const { lang, policy, glossary, saveMeaning } = props;
  const check = useCheck('code', schema, { code: '' }, ({ code }) => explainEventCode(code, policy, glossary));
  // A note just recorded (here or on a page) shows at once.
  useEffect(() => check.rejudge(), [glossary]);
  const verdict = check.result;
  return (
    <CheckForm
      lang={lang}
      label={t(lang, 'popup_check_code')}
      problems={check.problems}
      onSubmit={check.submit}
      result={
        verdict && (
          <div class="verdict" key={verdict.code}>
            <p class="headline">
              <StatusWord status={verdict.status} word={eventCodeWord(lang, verdict)} />
            </p>
            <Explanation headingId="code-result" model={eventCodeModel(lang, verdict, (meaning) => saveMeaning(verdict.code, meaning))} />
          </div>
        )
      }
    >
      <TextField lang={lang} label={t(lang, 'popup_field_code')} inputMode="text" placeholder="ES-402" maxLength={12} {...check.field('code')} />
    </CheckForm>
  );
}
