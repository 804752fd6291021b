/**
 * The worker's history in real Chromium, across two simulated days: day one is the inventory page
 * read by the content script, day two a reading sent through the message protocol (lib/messages.ts)
 * a day later. Then: both days' per-SKU snapshots are in the worker's IndexedDB, the reminder and
 * prune alarms are scheduled, the hourly reminder alarm notifies the store below the water line once
 * (once the seller has chosen in the first-run explanation), a second visit and cycle do not notify
 * it again, and the backup downloaded from the options page restores every record into a fresh
 * profile.
 */
import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { localDay } from '../../lib/history/clock';
import { DB_NAME } from '../../lib/history/db';
import type { ReminderState, SkuSnapshot } from '../../lib/history/schema';
import { recentOf, storedRingSchema } from '../../lib/history/recent-days';
import { snapshotsIn as weekSnapshots, storedWeekSchema } from '../../lib/history/sku-weeks';
import { backgroundSender } from '../../lib/messages';
import type { PageReading, SkuFigures } from '../../lib/records';
import { addDays } from '../../lib/rules/day';
import { SETTINGS_KEY } from '../../lib/settings/schema';
import { EXPECTED_PAGES, expectedSkuBadges } from '../fixtures/pages/expected';
import {
  collectPageErrors,
  extensionStorage,
  launchWithExtension,
  openExtensionPage,
  openFixture,
  waitForBadges,
  type Extension,
} from './browser';
import { launchForFile } from './suite';

const STORE = '2001';
/** A second store, whose out-of-stock SKU shows that a reminder cycle ran and told what was new. */
const OTHER_STORE = '2002';
const PAGE = 'inventory-zh-fusion';
const expected = EXPECTED_PAGES[PAGE]!;
const DAY_MS = 24 * 60 * 60 * 1000;
const settingsKey = SETTINGS_KEY.replace(/^local:/, '');

/** The SKU below the water line whose stock falls further on day two. */
const CHAIR = 'ES-CHAIR-002';
const CHAIR_DAY_TWO = 60;

/** The SKUs the fixture puts below the line or out of stock today: what a reminder must name. */
const BELOW_THE_LINE = expectedSkuBadges(expected)
  .safety.filter(({ status }) => status === 'low' || status === 'out')
  .map(({ sku }) => sku)
  .sort();

const ext = launchForFile({ lang: 'zh-CN' });
/** An extension page, the sender of protocol messages (the options page's rights). */
let ui: Page;
beforeAll(async () => {
  ui = await openExtensionPage(ext, 'options.html#/data');
});

/** The real protocol client, its transport chrome.runtime.sendMessage in an extension page. */
const protocol = (page: Page) =>
  backgroundSender((message) =>
    page.evaluate(
      (sent) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(sent),
      message,
    ),
  );

async function history(target: Extension = ext): Promise<Record<string, unknown[]>> {
  return (await extensionStorage(target)).indexedDB[DB_NAME] ?? {};
}

/** Every SKU snapshot stored, out of the packed week records (Playwright brings their typed arrays back as such). */
const snapshotsIn = (records: Record<string, unknown[]>): SkuSnapshot[] => (records.skuWeeks ?? []).flatMap((week) => weekSnapshots(storedWeekSchema.parse(week)));
const snapshotsOf = async (storeId: string) => snapshotsIn(await history()).filter((s) => s.storeId === storeId);
const statesOf = async (storeId: string) => ((await history()).reminderState as ReminderState[] | undefined ?? []).filter((s) => s.storeId === storeId);
const figuresOf = ({ storeId: _s, day: _d, readAt: _r, ...figures }: SkuSnapshot): SkuFigures => figures;
const bySku = <T extends { sku: string }>(rows: T[]) => [...rows].sort((a, b) => a.sku.localeCompare(b.sku));

/** Runs in the worker. `chrome` there, typed as far as these tests use it. */
interface WorkerChrome {
  alarms: {
    getAll(): Promise<{ name: string; periodInMinutes?: number; scheduledTime: number }[]>;
    create(name: string, info: { when: number; periodInMinutes: number }): Promise<void>;
  };
  notifications: { getAll(): Promise<Record<string, boolean>>; create(...args: unknown[]): unknown };
}
type WorkerGlobal = { chrome: WorkerChrome; lsmNotified?: string[] };

const alarms = () => ext.serviceWorker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.alarms.getAll());
const shownNotifications = async () => Object.keys(await ext.serviceWorker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.notifications.getAll())).sort();
/**
 * From now on, the worker's notifications.create calls are counted by id: a notification created
 * again with the same id (one per store) replaces the shown one, so getAll alone cannot tell.
 */
const countNotifications = () =>
  ext.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as WorkerGlobal;
    const api = scope.chrome.notifications;
    const create = api.create.bind(api);
    scope.lsmNotified = [];
    api.create = (...args: unknown[]) => {
      scope.lsmNotified!.push(String(args[0]));
      return create(...args);
    };
  });
/** The ids created since countNotifications, in order; null if the worker has restarted since. */
const notified = () => ext.serviceWorker.evaluate(() => (globalThis as unknown as WorkerGlobal).lsmNotified ?? null);

/** The hourly reminder alarm, due now: the worker's own listener runs the cycle. */
async function fireReminderAlarm(): Promise<void> {
  const firedAfter = await ext.serviceWorker.evaluate(async () => {
    const start = Date.now();
    // Unpacked extensions have no 30 s alarm minimum; the period stays the worker's hour.
    await (globalThis as unknown as WorkerGlobal).chrome.alarms.create('plan-reminders', { when: start, periodInMinutes: 60 });
    return start;
  });
  // Fired once it is scheduled an hour on.
  await expect
    .poll(async () => (await alarms()).find((alarm) => alarm.name === 'plan-reminders')!.scheduledTime - firedAfter, { timeout: 10_000 })
    .toBeGreaterThan(30 * 60 * 1000);
}

describe('history across two days', () => {
  let dayOne: string;
  let readAtDayOne: number;

  it('keeps one snapshot per SKU for the day the page was read and for the day sent through the protocol', async () => {
    const page = await openFixture(ext.context, PAGE, { channelId: STORE });
    const errors = collectPageErrors(page);
    await waitForBadges(page, '[data-lsm-kind="safety"]', expected.skus.length);
    await expect.poll(async () => (await snapshotsOf(STORE)).length, { timeout: 10_000 }).toBe(expected.skus.length);
    await page.close();
    expect(errors).toEqual([]);

    const first = await snapshotsOf(STORE);
    dayOne = first[0]!.day;
    readAtDayOne = first[0]!.readAt;
    expect(bySku(first.map(figuresOf))).toEqual(bySku(expected.skus.map(({ figures }) => figures)));
    expect(new Set(first.map((s) => `${s.day} ${s.readAt}`))).toEqual(new Set([`${dayOne} ${readAtDayOne}`]));

    // Day two: the same page a day later, the chair's stock run further down.
    const timeZone = await ext.serviceWorker.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const readAtDayTwo = readAtDayOne + DAY_MS;
    const dayTwo = localDay(readAtDayTwo, timeZone);
    expect(dayTwo).toBe(addDays(dayOne, 1));
    const dayTwoFigures = expected.skus.map(({ figures }) => (figures.sku === CHAIR ? { ...figures, sellable: CHAIR_DAY_TWO } : figures));
    const reading: PageReading = { storeId: STORE, pageKind: 'inventory', readAt: readAtDayTwo, skus: dayTwoFigures, store: null, events: [] };
    expect(await protocol(ui)({ type: 'reading/save', reading })).toEqual({ saved: expected.skus.length, skipped: 0, problems: [] });

    const both = await snapshotsOf(STORE);
    expect(both).toHaveLength(2 * expected.skus.length);
    const onDay = (day: string) => bySku(both.filter((s) => s.day === day));
    expect(onDay(dayOne).map(figuresOf)).toEqual(bySku(first).map(figuresOf));
    expect(onDay(dayTwo).map(figuresOf)).toEqual(bySku(dayTwoFigures));
    expect(onDay(dayTwo).every((s) => s.readAt === readAtDayTwo)).toBe(true);
    // The chart's question, answered by the worker: the chair's two days, oldest first.
    const chair = await protocol(ui)({ type: 'sku/history', storeId: STORE, sku: CHAIR });
    expect(chair.history.days).toEqual([dayOne, dayTwo]);
    expect(chair.history.sellable).toEqual([expected.skus.find(({ figures }) => figures.sku === CHAIR)!.figures.sellable, CHAIR_DAY_TWO]);
    const [store, ...others] = (await history()).stores as { storeId: string; firstSeen: number; lastSeen: number }[];
    expect(others).toEqual([]);
    expect(store).toEqual({ storeId: STORE, firstSeen: expect.any(Number), lastSeen: readAtDayTwo });
    expect(store!.firstSeen).toBeLessThanOrEqual(readAtDayOne);
  });

  it('schedules the hourly reminder plan and the daily prune with browser.alarms', async () => {
    await expect
      .poll(async () => (await alarms()).map((alarm) => [alarm.name, alarm.periodInMinutes]).sort())
      .toEqual([
        ['plan-reminders', 60],
        ['prune-history', 24 * 60],
      ]);
  });

  it('notifies the store below the line once, not once per visit or cycle', async () => {
    // Only this test fires the reminder alarm: the worker's first one, a minute after start, moves an hour on.
    await ext.serviceWorker.evaluate(() =>
      (globalThis as unknown as WorkerGlobal).chrome.alarms.create('plan-reminders', { when: Date.now() + 60 * 60 * 1000, periodInMinutes: 60 }),
    );
    // Nothing is notified before the seller has read the first-run explanation and chosen.
    const options = await openExtensionPage(ext, 'options.html');
    await options.getByRole('button', { name: '立即通知' }).click();
    await expect
      .poll(async () => ((await extensionStorage(ext)).local[settingsKey] as { notifications?: unknown } | undefined)?.notifications)
      .toMatchObject({ mode: 'immediate', introSeen: true });
    await expect.poll(() => options.locator('.intro').count()).toBe(0);
    expect(collectPageErrors(options)).toEqual([]);
    await options.close();

    await countNotifications();
    expect(await shownNotifications()).toEqual([]);

    await fireReminderAlarm();
    await expect.poll(shownNotifications, { timeout: 10_000 }).toEqual([`reminder:${STORE}`]);
    expect(await notified()).toEqual([`reminder:${STORE}`]);

    // What it told is what the at-risk view shows, and includes every SKU the page puts below the line.
    const { plan } = await protocol(ui)({ type: 'store/at-risk', storeId: STORE });
    const belowTheLine = plan.skus.filter((s) => s.reasons.some((r) => r.reason === 'low' || r.reason === 'out')).map((s) => s.snapshot.sku);
    expect(belowTheLine.sort()).toEqual(BELOW_THE_LINE);
    expect(BELOW_THE_LINE).toContain(CHAIR);
    const told = await statesOf(STORE);
    const planned = plan.skus.flatMap((s) => s.reasons.map((r) => `${s.snapshot.sku} ${r.reason}`)).sort();
    expect(told.map((s) => `${s.sku} ${s.reason}`).sort()).toEqual(planned);
    expect(new Set(told.map((s) => s.notifiedAt)).size).toBe(1);

    // Visit again: today's snapshots are read anew, the reasons stay as they were.
    const page = await openFixture(ext.context, PAGE, { channelId: STORE });
    await waitForBadges(page, '[data-lsm-kind="safety"]', expected.skus.length);
    await expect
      .poll(async () => (await snapshotsOf(STORE)).filter((s) => s.day === dayOne && s.readAt > readAtDayOne).length, { timeout: 10_000 })
      .toBe(expected.skus.length);
    await page.close();

    // Another store runs out of stock: the next cycle must tell that, and only that.
    const fan = expected.skus.find(({ figures }) => figures.sku === 'SA-FAN-003')!.figures;
    expect(fan.sellable).toBe(0);
    const reading: PageReading = { storeId: OTHER_STORE, pageKind: 'inventory', readAt: Date.now(), skus: [fan], store: null, events: [] };
    expect((await protocol(ui)({ type: 'reading/save', reading })).saved).toBe(1);

    await fireReminderAlarm();
    await expect.poll(shownNotifications, { timeout: 10_000 }).toEqual([`reminder:${STORE}`, `reminder:${OTHER_STORE}`]);
    expect(await notified()).toEqual([`reminder:${STORE}`, `reminder:${OTHER_STORE}`]);
    expect(await statesOf(STORE)).toEqual(told);
  });

  it('downloads a backup and a CSV from the options page; the backup restores into a fresh profile with nothing lost', async () => {
    const page = await openExtensionPage(ext, 'options.html#/data');
    const [backupFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载备份' }).click()]);
    expect(backupFile.suggestedFilename()).toMatch(/^local-stock-copilot-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = await backupFile.path();
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    const csv = readFileSync(await csvFile.path(), 'utf8');
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();

    const before = await extensionStorage(ext);
    const records = before.indexedDB[DB_NAME]!;
    const stored = snapshotsIn(records);
    expect(stored).toHaveLength(2 * expected.skus.length + 1);

    // The CSV: a header in Chinese, then a row per SKU and day, as stored.
    expect(csv.startsWith('\ufeff店铺ID,日期,SKU,')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows.slice(1).map(([storeId, day, sku]) => `${storeId} ${day} ${sku}`).sort()).toEqual(
      stored.map((s) => `${s.storeId} ${s.day} ${s.sku}`).sort(),
    );
    expect(rows.find(([storeId, day, sku]) => storeId === STORE && day === addDays(dayOne, 1) && sku === CHAIR)?.[6]).toBe(String(CHAIR_DAY_TWO));

    const fresh = await launchWithExtension({ lang: 'zh-CN' });
    try {
      const restore = await openExtensionPage(fresh, 'options.html#/data');
      expect(Object.values(await history(fresh)).flat()).toEqual([]);
      await restore.getByLabel('从备份恢复（选择 .json 文件）').setInputFiles(backupPath);
      await restore.getByRole('button', { name: '恢复并替换' }).click();
      // Files count a record per SKU and day, not the week records that hold them, and leave out
      // planning's copy of the last days (recentDays), built again on import.
      const { skuWeeks: _, recentDays: recentBefore, ...others } = records;
      const total = Object.values(others).flat().length + stored.length;
      await expect.poll(() => restore.locator('.outcome').textContent(), { timeout: 10_000 }).toContain(`已恢复 ${total} 条记录`);
      expect(collectPageErrors(restore)).toEqual([]);

      const after = await extensionStorage(fresh);
      const { recentDays: recentAfter, ...restored } = after.indexedDB[DB_NAME]!;
      expect(restored).toEqual({ ...others, skuWeeks: records.skuWeeks });
      // Rebuilt in SKU order rather than in the order the pages were read: the same days for planning.
      const planningDays = (rings: unknown[] = []) => recentOf(rings.map((ring) => storedRingSchema.parse(ring)));
      expect(planningDays(recentAfter)).toEqual(planningDays(recentBefore));
      expect(planningDays(recentAfter)).toHaveLength(expected.skus.length + 1);
      expect(after.local[settingsKey]).toEqual(before.local[settingsKey]);
    } finally {
      await fresh.close();
    }
  });
});
