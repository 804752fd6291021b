/**
 * The extension's own pages in real Chromium: the popup runs a quick check from the keyboard and
 * lists the SKUs at risk that browsing an inventory page recorded; the options page charts a SKU
 * and saves a setting whole (and refuses an invalid one). With LSM_SCREENSHOTS=1 it also saves
 * docs/popup.png and docs/options.png.
 */
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { addDays } from '../../lib/rules/day';
import { SETTINGS_KEY } from '../../lib/settings/schema';
import {
  collectPageErrors,
  extensionStorage,
  openExtensionPage,
  openFixture,
  settleBadges,
} from './browser';
import { REPO_ROOT } from './paths';
import { launchForFile } from './suite';

const SCREENSHOTS = process.env.LSM_SCREENSHOTS === '1';
const STORE = '2001';
const storageKey = SETTINGS_KEY.replace(/^local:/, '');

const ext = launchForFile({ lang: 'zh-CN' });
beforeAll(async () => {
  // Browsing an inventory page is what fills the history the popup and options page read.
  const inventory = await openFixture(ext.context, 'inventory-zh-fusion', { channelId: STORE });
  await settleBadges(inventory);
  await recorded('ES-CHAIR-002');
  await inventory.close();
});

/** Waits (outside a test, where expect.poll is not allowed) until the worker's history holds the SKU. */
async function recorded(sku: string, timeout = 10_000): Promise<void> {
  for (const start = Date.now(); Date.now() - start < timeout; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (JSON.stringify((await extensionStorage(ext)).indexedDB).includes(sku)) return;
  }
  throw new Error(`the history never recorded ${sku}`);
}

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs', name), fullPage: true });
}

describe('popup', () => {
  it('runs the safety-line check from the keyboard and lists the store at risk', async () => {
    const page = await openExtensionPage(ext, 'popup.html');
    await page.setViewportSize({ width: 380, height: 600 });
    // The popup in a tab of its own sees no Seller Center tab: it lists the store seen last.
    await expect.poll(() => page.locator('[data-sku]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(page.locator('[data-sku="ES-CHAIR-002"] [data-reason]').first().textContent()).resolves.toContain('水位线');

    await page.getByLabel('日均销量（件）').first().fill('15');
    await page.getByLabel('可售库存（件）').first().fill('90');
    await page.getByLabel('仓库国家（市场）').selectOption('ES');
    await page.getByLabel('可售库存（件）').first().press('Enter');
    const verdict = page.locator('#check-panel-safety .verdict');
    await expect.poll(() => verdict.locator('.status').getAttribute('data-status')).toBe('low');
    await expect(verdict.textContent()).resolves.toContain('安全水位线');

    // Typed text that is not a number gets a reason, not a verdict.
    await page.getByLabel('可售库存（件）').first().fill('九十');
    await page.getByLabel('可售库存（件）').first().press('Enter');
    await expect.poll(() => page.locator('#safety-sellable-problem').textContent()).toContain('请输入一个数字');
    await expect.poll(() => verdict.count()).toBe(0);

    // Run it again for the picture.
    await page.getByLabel('可售库存（件）').first().fill('90');
    await page.getByLabel('可售库存（件）').first().press('Enter');
    await expect.poll(() => verdict.count()).toBe(1);
    await screenshot(page, 'popup.png');
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });
});

/** Six weeks of one SKU selling 15 a day, replenished twice: the backup's latest snapshot is the real reading. */
function withHistory(backupText: string, sku: string): string {
  const backup = JSON.parse(backupText) as { data: { skuSnapshots: { sku: string; day: string; readAt: number; sellable: number }[] } };
  const latest = backup.data.skuSnapshots.find((record) => record.sku === sku);
  if (!latest) throw new Error(`no snapshot of ${sku} in the backup`);
  const earlier = Array.from({ length: 42 }, (_, i) => {
    const back = 42 - i;
    const sellable = Math.max(0, 90 + 15 * (back % 18) - (back > 30 ? 60 : 0));
    return { ...latest, day: addDays(latest.day, -back), readAt: latest.readAt - back * 86_400_000, sellable, turnoverDays: null };
  });
  backup.data.skuSnapshots.push(...earlier);
  return JSON.stringify(backup);
}

describe('options page', () => {
  it('restores a backup file, only once the seller confirms', async () => {
    const page = await openExtensionPage(ext, 'options.html#/data');
    const exported = (await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'backup/export',
      }),
    )) as { ok: boolean; data: { text: string } };
    expect(exported.ok).toBe(true);
    await page.getByLabel('从备份恢复（选择 .json 文件）').setInputFiles({
      name: 'history.json',
      mimeType: 'application/json',
      buffer: Buffer.from(withHistory(exported.data.text, 'ES-CHAIR-002')),
    });
    await page.getByRole('button', { name: '恢复并替换' }).click();
    await expect.poll(() => page.locator('.outcome').textContent()).toMatch(/已恢复 \d+ 条记录/);
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });

  it('charts a SKU recorded from the inventory page', async () => {
    const page = await openExtensionPage(ext, `options.html#/history?store=${STORE}&sku=ES-CHAIR-002`);
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => page.locator('.chart canvas').count(), { timeout: 10_000 }).toBe(2);
    // The restored weeks and the real reading: a row a day in the table under the charts.
    await expect.poll(() => page.locator('.chart-table tbody tr').count()).toBe(43);
    await expect(page.locator('.intro').count()).resolves.toBe(1);
    await screenshot(page, 'options.png');
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });

  it('saves a setting whole, and refuses an invalid one with its reason', async () => {
    const page = await openExtensionPage(ext, 'options.html#/settings');
    await page.getByLabel('西班牙 (ES)').fill('21');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.locator('.save-state').textContent()).resolves.toContain('已保存');
    await expect
      .poll(async () => ((await extensionStorage(ext)).local[storageKey] as { leadTimeDays?: unknown } | undefined)?.leadTimeDays)
      .toEqual({ ES: 21 });

    await page.getByLabel('墨西哥 (MX)').fill('0');
    await page.getByLabel('保留天数').fill('365');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.locator('.save-state').textContent()).resolves.toContain('没有保存');
    const stored = (await extensionStorage(ext)).local[storageKey] as { leadTimeDays: unknown; retentionDays: number };
    expect(stored.leadTimeDays).toEqual({ ES: 21 });
    expect(stored.retentionDays).not.toBe(365);
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });
});
