import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { z } from 'zod/mini';

import { problemAt, readForm } from '@/components/ui/figure-input';
import { text } from '@/components/ui/format';
import { t, type Lang } from '@/lib/i18n';
import type { SettingsProblem } from '@/lib/settings/schema';

/**
 * One quick check: typed fields validated whole on submit (Enter or the button), then the rule's
 * verdict. Until the form is valid there is no verdict, only each field's reason; focus goes to
 * the first field to fix.
 */
export function useCheck<Raw extends Record<string, string | boolean>, T, R>(
  idPrefix: string,
  schema: z.ZodMiniType<T>,
  initial: Raw,
  judge: (data: T) => R,
) {
  const [raw, setRaw] = useState(initial);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [result, setResult] = useState<R | null>(null);
  const id = (name: keyof Raw & string) => `${idPrefix}-${name}`;
  return {
    raw,
    problems,
    result,
    /** Judges the shown verdict's input again, after something the judge reads changed (a glossary note). */
    rejudge(): void {
      if (result === null) return;
      const read = readForm(schema, raw);
      if (read.ok) setResult(judge(read.data));
    },
    submit(event: Event): void {
      event.preventDefault();
      const read = readForm(schema, raw);
      if (read.ok) {
        setProblems([]);
        setResult(judge(read.data));
        return;
      }
      setProblems(read.problems);
      setResult(null);
      const first = read.problems[0];
      if (first) document.getElementById(`${idPrefix}-${first.path}`)?.focus();
    },
    /** The props a field needs: id, value, setter and its problem. */
    field<N extends keyof Raw & string>(name: N) {
      return {
        id: id(name),
        value: raw[name],
        onValue: (value: Raw[N]) => setRaw((current) => ({ ...current, [name]: value })),
        problem: problemAt(problems, name),
      };
    },
  };
}

/** The form and, below it, the live region that announces the verdict (or why there is none). */
export function CheckForm(props: {
  lang: Lang;
  label: string;
  problems: readonly SettingsProblem[];
  onSubmit(event: Event): void;
  children: ComponentChildren;
  result: ComponentChildren;
}) {
  const { lang, label, problems, onSubmit, children, result } = props;
  return (
    <>
      <form class="check" aria-label={label} noValidate onSubmit={onSubmit}>
        {children}
        <button type="submit" class="primary">
          {t(lang, 'popup_check_submit')}
        </button>
      </form>
      <div class="result" role="status">
        {problems.length > 0 ? (
          <p class="problem">
            <span aria-hidden="true">✕ </span>
            {text(lang, 'popup_check_fix', { count: problems.length })}
          </p>
        ) : (
          result
        )}
      </div>
    </>
  );
}
