import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ExplanationModel, GlossaryEditor } from './badge-view';

/** The popover body: the seller's figure, the rule with its threshold and source, and what to do. */
export function Explanation({ model, headingId }: { model: ExplanationModel; headingId: string }) {
  return (
    <>
      <h2 id={headingId}>{model.title}</h2>
      {model.facts.length > 0 && (
        <dl>
          {model.facts.map((fact) => (
            <Fragment key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {model.note && <p class="note">{model.note}</p>}
      <p class="rule">{model.rule}</p>
      <p class="advice">{model.advice}</p>
      {model.source && <p class="source">{model.source}</p>}
      {model.glossary && <GlossaryForm editor={model.glossary} />}
    </>
  );
}

function GlossaryForm({ editor }: { editor: GlossaryEditor }) {
  const [meaning, setMeaning] = useState(editor.current ?? '');
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        editor.save(meaning.trim()).then(
          () => setState('saved'),
          () => setState('failed'),
        );
      }}
    >
      <input
        aria-label={editor.labels.field}
        value={meaning}
        maxLength={200}
        onInput={(event) => {
          setMeaning(event.currentTarget.value);
          setState('idle');
        }}
      />
      <button type="submit">{editor.labels.save}</button>
      {state !== 'idle' && (
        <span role="status">{state === 'saved' ? editor.labels.saved : editor.labels.failed}</span>
      )}
    </form>
  );
}
