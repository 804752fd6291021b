import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { click, fakeBackground, mount, settle } from '@/components/ui/test-utils';
import { defaultSettings } from '@/lib/settings/schema';
import { saveSettings, settingsStore } from '@/platform/settings-item';
import { DataPage } from './DataPage';

async function page(world: Parameters<typeof fakeBackground>[0] = {}) {
  const background = fakeBackground({ glossary: [{ code: 'FR-123', meaning: 'Carton over weight', updatedAt: 1 }], ...world });
  const download = vi.fn();
  const ui = await mount(<DataPage lang="en" send={background.send} settingsStore={settingsStore} download={download} storeIds={['2001', '3003']} />);
  return { ui, download, ...background };
}

async function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('data page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('downloads the backup the worker makes, as JSON', async () => {
    const { ui, download } = await page();
    await click(ui.button('Download a backup'));
    expect(download).toHaveBeenCalledWith('backup.json', expect.stringContaining('FR-123'), 'application/json');
    expect(ui.get('[role="status"]').textContent).toContain('Backup downloaded: backup.json');
    expect(ui.get('[role="status"]').textContent).not.toContain('left out');
  });

  it('says when unreadable records were left out of the file', async () => {
    const { ui } = await page({ skipped: 3 });
    await click(ui.button('Download a backup'));
    expect(ui.get('[role="status"]').textContent).toContain('3 stored records did not fit the format and were left out.');
  });

  it("downloads one store's snapshots as CSV, or every store's", async () => {
    const { ui, download, world } = await page();
    await click(ui.button('Download CSV'));
    expect(world.requests).toContainEqual({ type: 'snapshots/csv' });
    const picker = ui.field<HTMLSelectElement>('Store');
    picker.value = '3003';
    await act(() => {
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(ui.button('Download CSV'));
    expect(world.requests).toContainEqual({ type: 'snapshots/csv', storeId: '3003' });
    expect(download).toHaveBeenLastCalledWith('snapshots.csv', expect.any(String), 'text/csv');
  });

  it('imports a backup file only after the seller confirms the replacement', async () => {
    const { ui, world } = await page();
    const json = JSON.stringify({ glossary: [{}, {}] });
    await chooseFile(ui.field('Restore from a backup (choose a .json file)'), new File([json], 'mine.json', { type: 'application/json' }));
    expect(ui.text()).toContain('Restoring mine.json replaces all current history, code notes and settings.');
    expect(world.requests.map((r) => r.type)).not.toContain('backup/import');
    await click(ui.button('Restore and replace'));
    expect(world.requests).toContainEqual({ type: 'backup/import', json });
    expect(ui.get('[role="status"]').textContent).toContain('Restored 2 records.');
  });

  it("shows the worker's reason when a file is refused", async () => {
    const { ui } = await page({ failures: { 'backup/import': { key: 'backup_error_notJson', detail: 'Unexpected token' } } });
    await chooseFile(ui.field('Restore from a backup (choose a .json file)'), new File(['nope'], 'notes.txt'));
    await click(ui.button('Restore and replace'));
    expect(ui.get('[role="alert"]').textContent).toContain('This file is not valid JSON');
  });

  it('says what to do when storage is too full to import', async () => {
    const { ui } = await page({ failures: { 'backup/import': { key: 'history_error_storageFull', detail: 'backup/import: QuotaExceededError' } } });
    await chooseFile(ui.field('Restore from a backup (choose a .json file)'), new File(['{}'], 'mine.json'));
    await click(ui.button('Restore and replace'));
    expect(ui.get('[role="alert"]').textContent).toContain("The browser's storage is full, so this was not saved. To make room");
    expect(ui.get('[role="alert"] code').textContent).toBe('backup/import: QuotaExceededError');
  });

  it('can cancel an import', async () => {
    const { ui, world } = await page();
    await chooseFile(ui.field('Restore from a backup (choose a .json file)'), new File(['{}'], 'mine.json'));
    await click(ui.button('Cancel'));
    expect(ui.text()).not.toContain('Restoring mine.json');
    expect(world.requests.map((r) => r.type)).not.toContain('backup/import');
  });

  it('deletes everything only after a confirmation step, and resets the settings', async () => {
    await saveSettings({ ...defaultSettings(), language: 'en', retentionDays: 90 });
    const { ui, world } = await page();
    await click(ui.button('Delete all data…'));
    await settle();
    expect(document.activeElement?.textContent).toContain('Delete all data? It cannot be undone');
    expect(world.requests.map((r) => r.type)).not.toContain('data/delete-all');
    await click(ui.button('Cancel'));
    expect(world.requests.map((r) => r.type)).not.toContain('data/delete-all');
    await click(ui.button('Delete all data…'));
    await click(ui.button('Yes, delete everything'));
    expect(world.requests.map((r) => r.type)).toContain('data/delete-all');
    expect(world.glossary).toEqual([]);
    expect((await settingsStore.load()).settings).toEqual(defaultSettings());
    expect(ui.get('[role="status"]').textContent).toContain('All data deleted');
  });
});
