import type { ComponentChildren } from 'preact';

import type { Lang } from '@/lib/i18n';
import type { SettingsProblem } from '@/lib/settings/schema';
import { text } from './format';

/**
 * Labelled form controls: every input has a visible label, its hint and its problem are tied to it
 * with aria-describedby, and the problem line keeps its height when empty so that a message
 * appearing never pushes the form about.
 */

interface FieldProps {
  id: string;
  lang: Lang;
  label: string;
  hint?: string;
  problem?: SettingsProblem | undefined;
}

const describedBy = ({ id, hint, problem }: FieldProps): string | undefined =>
  [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;

/** The reason a value was refused: an icon and words, never colour alone. */
export function ProblemText({ id, lang, problem }: { id: string; lang: Lang; problem?: SettingsProblem | undefined }) {
  return (
    <p id={id} class="problem">
      {problem && (
        <>
          <span aria-hidden="true">✕ </span>
          {text(lang, problem.reason, problem.params)}
        </>
      )}
    </p>
  );
}

function Shell(props: FieldProps & { children: ComponentChildren }) {
  const { id, lang, label, hint, problem, children } = props;
  return (
    <div class={problem ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <ProblemText id={`${id}-problem`} lang={lang} problem={problem} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onValue(value: string): void;
    type?: 'text' | 'date' | 'time' | 'datetime-local';
    inputMode?: 'decimal' | 'numeric' | 'text';
    placeholder?: string;
    maxLength?: number;
    /** The id of a datalist of suggestions. */
    list?: string;
  },
) {
  const { id, value, onValue, type = 'text', inputMode = 'decimal', placeholder, maxLength, list, problem } = props;
  return (
    <Shell {...props}>
      <input
        id={id}
        name={id}
        {...(type === 'text' ? { type, inputMode } : { type })}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        list={list}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </Shell>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export function SelectField<V extends string>(
  props: FieldProps & { value: V; choices: readonly Choice<V>[]; onValue(value: V): void },
) {
  const { id, value, choices, onValue, problem } = props;
  return (
    <Shell {...props}>
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onValue(event.currentTarget.value as V)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({ id, label, checked, onValue }: { id: string; label: string; checked: boolean; onValue(checked: boolean): void }) {
  return (
    <div class="field checkbox">
      <input id={id} name={id} type="checkbox" checked={checked} onChange={(event) => onValue(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
