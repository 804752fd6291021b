import { useState } from 'preact/hooks';
import { z } from 'zod/mini';

import type { Send } from '@/components/ui/background';
import { Failure } from '@/components/ui/Failure';
import { problemAt, readForm } from '@/components/ui/figure-input';
import { TextField } from '@/components/ui/fields';
import { formatMoment, text } from '@/components/ui/format';
import { useLoad } from '@/components/ui/hooks';
import { glossaryEntrySchema, type GlossaryEntry } from '@/lib/history/schema';
import { t, type Lang } from '@/lib/i18n';
import type { Policy } from '@/lib/policy/table';
import { normaliseEventCode } from '@/lib/rules/event-code';
import type { SettingsProblem } from '@/lib/settings/schema';

/**
 * Event codes: the documented ones, read-only with their source, and the seller's own notes for
 * the rest, which they add, change and delete here (kept by the worker, shown on the event log).
 */

const meaningSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'ui_err_required'), z.refine((meaning) => glossaryEntrySchema.shape.meaning.safeParse(meaning).success, 'options_glossary_tooLong'));

const noteSchema = (policy: Policy) =>
  z.object({
    code: z.pipe(
      z.string(),
      z.transform((input: string, ctx) => {
        const code = normaliseEventCode(input);
        if (code === null) ctx.issues.push({ code: 'custom', message: 'ui_err_code', input });
        else if (policy.knownEventCodes[code]) ctx.issues.push({ code: 'custom', message: 'options_glossary_documented', input });
        return code ?? '';
      }),
    ),
    meaning: meaningSchema,
  });

type Outcome = { kind: 'saved' | 'deleted'; code: string } | { kind: 'failed'; error: unknown } | null;

function NoteRow(props: { lang: Lang; entry: GlossaryEntry; save(code: string, meaning: string): Promise<boolean>; remove(code: string): Promise<boolean> }) {
  const { lang, entry, save, remove } = props;
  const [meaning, setMeaning] = useState(entry.meaning);
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const id = `note-${entry.code}`;
  const submit = (event: Event) => {
    event.preventDefault();
    const read = readForm(meaningSchema, meaning);
    setProblem(read.ok ? undefined : { ...read.problems[0]!, path: 'meaning' });
    if (read.ok) void save(entry.code, read.data);
  };
  return (
    <li data-code={entry.code}>
      <form class="note-row" onSubmit={submit} noValidate>
        <TextField
          id={id}
          lang={lang}
          inputMode="text"
          label={entry.code}
          hint={text(lang, 'options_glossary_updated', { when: formatMoment(lang, entry.updatedAt) })}
          value={meaning}
          onValue={setMeaning}
          problem={problem}
        />
        <button type="submit" aria-label={text(lang, 'options_glossary_saveFor', { code: entry.code })}>
          {t(lang, 'badge_glossary_save')}
        </button>
        <button type="button" aria-label={text(lang, 'options_glossary_deleteFor', { code: entry.code })} onClick={() => void remove(entry.code)}>
          {t(lang, 'options_glossary_delete')}
        </button>
      </form>
    </li>
  );
}

export function GlossaryPage({ lang, send, policy }: { lang: Lang; send: Send; policy: Policy }) {
  const [list, reload] = useLoad(() => send({ type: 'glossary/list' }), [send]);
  const [draft, setDraft] = useState({ code: '', meaning: '' });
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);

  /** Whether it worked; either way the outcome is shown. */
  const act = async (kind: 'saved' | 'deleted', code: string, work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setOutcome({ kind, code });
      reload();
      return true;
    } catch (error) {
      setOutcome({ kind: 'failed', error });
      return false;
    }
  };
  const save = (code: string, meaning: string) => act('saved', code, () => send({ type: 'glossary/put', code, meaning }));
  const remove = (code: string) => act('deleted', code, () => send({ type: 'glossary/delete', code }));
  const add = async (event: Event) => {
    event.preventDefault();
    const read = readForm(noteSchema(policy), draft);
    if (!read.ok) {
      setProblems(read.problems);
      document.getElementById(`add-${read.problems[0]?.path}`)?.focus();
      return;
    }
    setProblems([]);
    // What the seller typed stays until the worker has it.
    if (await save(read.data.code, read.data.meaning)) setDraft({ code: '', meaning: '' });
  };

  const entries = list.state === 'ready' ? [...list.value.entries].sort((a, b) => a.code.localeCompare(b.code)) : [];
  return (
    <div class="glossary">
      <section aria-labelledby="glossary-documented">
        <h3 id="glossary-documented">{t(lang, 'options_glossary_documentedHeading')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'popup_field_code')}</th>
              <th scope="col">{t(lang, 'badge_fact_meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(policy.knownEventCodes).map(([code, meaning]) => (
              <tr key={code} data-code={code}>
                <th scope="row">{code}</th>
                <td>{t(lang, meaning)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="source">{t(lang, 'badge_source', { source: t(lang, 'policy_src_events') })}</p>
      </section>
      <section aria-labelledby="glossary-yours">
        <h3 id="glossary-yours">{t(lang, 'options_glossary_yoursHeading')}</h3>
        <p class="hint">{t(lang, 'options_glossary_hint')}</p>
        {list.state === 'loading' && <p class="muted">{t(lang, 'ui_loading')}</p>}
        {list.state === 'failed' && <Failure lang={lang} error={list.error} />}
        {list.state === 'ready' && entries.length === 0 && <p class="empty">{t(lang, 'options_glossary_none')}</p>}
        <ul class="notes">
          {entries.map((entry) => (
            <NoteRow key={`${entry.code}:${entry.updatedAt}`} lang={lang} entry={entry} save={save} remove={remove} />
          ))}
        </ul>
        <form class="add-note" onSubmit={add} noValidate aria-labelledby="glossary-add">
          <h4 id="glossary-add">{t(lang, 'options_glossary_add')}</h4>
          <div class="grid-note">
            <TextField
              id="add-code"
              lang={lang}
              inputMode="text"
              label={t(lang, 'popup_field_code')}
              placeholder="FR-123"
              maxLength={12}
              value={draft.code}
              onValue={(code) => setDraft((d) => ({ ...d, code }))}
              problem={problemAt(problems, 'code')}
            />
            <TextField
              id="add-meaning"
              lang={lang}
              inputMode="text"
              label={t(lang, 'badge_fact_meaning')}
              value={draft.meaning}
              onValue={(meaning) => setDraft((d) => ({ ...d, meaning }))}
              problem={problemAt(problems, 'meaning')}
            />
          </div>
          <button type="submit" class="primary">
            {t(lang, 'options_glossary_addButton')}
          </button>
        </form>
        <div role="status" class="outcome">
          {outcome?.kind === 'saved' && <p class="tone-good">{text(lang, 'options_glossary_saved', { code: outcome.code })}</p>}
          {outcome?.kind === 'deleted' && <p class="tone-good">{text(lang, 'options_glossary_deleted', { code: outcome.code })}</p>}
        </div>
        {outcome?.kind === 'failed' && <Failure lang={lang} error={outcome.error} />}
      </section>
    </div>
  );
}
