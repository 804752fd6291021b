import { useRef, useState } from 'preact/hooks';

import type { Send } from '@/components/ui/background';
import type { Download } from '@/components/ui/download';
import { Failure } from '@/components/ui/Failure';
import { text } from '@/components/ui/format';
import type { SettingsStore } from '@/components/ui/settings-store';
import { t, type Lang, type MessageKey, type MessageParams } from '@/lib/i18n';
import { defaultSettings } from '@/lib/settings/schema';
import { StorePicker } from './StorePicker';

/**
 * The seller's data is theirs: a JSON backup to keep and bring back, the daily snapshots as CSV for
 * Excel, and "delete everything" behind a confirmation. Import and delete replace or remove all of
 * it, so each asks first and says what will happen.
 */

/** What was done, in the seller's words, and how many stored records were unreadable and left out. */
type Done = { key: MessageKey; params?: MessageParams; skipped?: number };
type Outcome = { kind: 'done'; done: Done } | { kind: 'failed'; error: unknown } | null;

export function DataPage(props: { lang: Lang; send: Send; settingsStore: SettingsStore; download: Download; storeIds: readonly string[] }) {
  const { lang, send, settingsStore, download, storeIds } = props;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [pendingImport, setPendingImport] = useState<{ name: string; json: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [csvStore, setCsvStore] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const run = async (work: () => Promise<Done>) => {
    setBusy(true);
    try {
      setOutcome({ kind: 'done', done: await work() });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const exportBackup = () =>
    run(async () => {
      const file = await send({ type: 'backup/export' });
      download(file.fileName, file.text, 'application/json');
      return { key: 'options_data_exported', params: { fileName: file.fileName }, skipped: file.skipped };
    });
  const exportCsv = () =>
    run(async () => {
      const file = await send({ type: 'snapshots/csv', ...(csvStore ? { storeId: csvStore } : {}) });
      download(file.fileName, file.text, 'text/csv');
      return { key: 'options_data_csvSaved', params: { fileName: file.fileName }, skipped: file.skipped };
    });
  const pickFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setPendingImport({ name: file.name, json: await file.text() });
    setOutcome(null);
  };
  const importBackup = (json: string) =>
    run(async () => {
      setPendingImport(null);
      if (fileInput.current) fileInput.current.value = '';
      const { imported } = await send({ type: 'backup/import', json });
      return { key: 'options_data_imported', params: { count: Object.values(imported).reduce((sum, n) => sum + n, 0) } };
    });
  const deleteAll = () =>
    run(async () => {
      setConfirmDelete(false);
      await send({ type: 'data/delete-all' });
      // Settings live in extension storage, beside the worker's history: they go back to the defaults too.
      await settingsStore.save(defaultSettings());
      return { key: 'options_data_deleted' };
    });

  return (
    <div class="data">
      <section aria-labelledby="data-backup">
        <h3 id="data-backup">{t(lang, 'options_data_backupHeading')}</h3>
        <p class="hint">{t(lang, 'options_data_backupHint')}</p>
        <button type="button" onClick={exportBackup} disabled={busy}>
          {t(lang, 'options_data_export')}
        </button>
        <div class="field">
          <label for="import-file">{t(lang, 'options_data_importLabel')}</label>
          <input id="import-file" ref={fileInput} type="file" accept=".json,application/json" onChange={(event) => void pickFile(event.currentTarget)} />
        </div>
        {pendingImport && (
          <div class="confirm" role="group" aria-labelledby="import-confirm">
            <p id="import-confirm" class="note">
              {text(lang, 'options_data_importConfirm', { name: pendingImport.name })}
            </p>
            <button type="button" class="danger" onClick={() => void importBackup(pendingImport.json)} disabled={busy}>
              {t(lang, 'options_data_importYes')}
            </button>{' '}
            <button type="button" onClick={() => setPendingImport(null)}>
              {t(lang, 'options_data_cancel')}
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="data-csv">
        <h3 id="data-csv">{t(lang, 'options_data_csvHeading')}</h3>
        <p class="hint">{t(lang, 'options_data_csvHint')}</p>
        <StorePicker id="csv-store" lang={lang} storeIds={storeIds} value={csvStore} onValue={setCsvStore} allLabel={t(lang, 'options_data_allStores')} />
        <button type="button" onClick={exportCsv} disabled={busy}>
          {t(lang, 'options_data_csv')}
        </button>
      </section>
      <section aria-labelledby="data-delete">
        <h3 id="data-delete">{t(lang, 'options_data_deleteHeading')}</h3>
        <p class="hint">{t(lang, 'options_data_deleteHint')}</p>
        {confirmDelete ? (
          <div class="confirm" role="group" aria-labelledby="delete-confirm">
            <h4 id="delete-confirm" ref={confirmHeading} tabIndex={-1}>
              {t(lang, 'options_data_deleteConfirm')}
            </h4>
            <button type="button" class="danger" onClick={() => void deleteAll()} disabled={busy}>
              {t(lang, 'options_data_deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t(lang, 'options_data_cancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirmDelete(true);
              // The question appears where the button was: take keyboard focus there.
              setTimeout(() => confirmHeading.current?.focus(), 0);
            }}
          >
            {t(lang, 'options_data_delete')}
          </button>
        )}
      </section>
      <div role="status" class="outcome">
        {outcome?.kind === 'done' && (
          <p class="tone-good">
            <span aria-hidden="true">✓ </span>
            {text(lang, outcome.done.key, outcome.done.params)}
          </p>
        )}
        {outcome?.kind === 'done' && outcome.done.skipped ? <p class="note">{text(lang, 'options_skipped', { count: outcome.done.skipped })}</p> : null}
      </div>
      {outcome?.kind === 'failed' && <Failure lang={lang} error={outcome.error} />}
    </div>
  );
}
