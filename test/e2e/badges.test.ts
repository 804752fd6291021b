/**
 * The badge contract in real Chromium, at the real Seller Center URLs: every SKU row gets exactly
 * one safety and one ITO badge with the right status, store and logistics figures get criterion
 * badges and a summary, event codes are explained, the page's own text is unchanged, no page error
 * is raised, and the single-page app's re-renders keep exactly one badge of each kind per row.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { EXPECTED_PAGES } from '../fixtures/pages/expected';
import { badgeSummary, collectPageErrors, contentScriptWorlds, listFixtures, openFixture, pageOwnText, settleBadges, waitForBadges } from './browser';
import { launchForFile, openWithSkuBadges, removeGate, showCaptchaMask } from './suite';

const ext = launchForFile();

const statuses = async (page: Page, kind: string) =>
  (await badgeSummary(page, `[data-lsm-kind="${kind}"]`)).map(({ sku, status }) => ({ sku, status }));

/** Focuses a badge's button, as Tab would, and waits for its explanation: the popover and its text. */
async function explanationOnFocus(host: Locator): Promise<{ popover: Locator; text: string }> {
  await host.locator('button.badge').focus();
  const popover = host.locator('.explain');
  await expect.poll(() => popover.isVisible()).toBe(true);
  return { popover, text: await popover.innerText() };
}

async function ownTextOf(name: string): Promise<string> {
  const plain = await openFixture(ext.context, name, { host: 'nonSeller' });
  const text = await pageOwnText(plain);
  await plain.close();
  return text;
}

const INVENTORY_PAGES = ['inventory-zh-fusion', 'inventory-en-grid', 'inventory-en-table', 'replenishment-zh'];

describe.each(INVENTORY_PAGES)('%s', (name) => {
  it('gives every SKU row one correct safety badge and one correct ITO badge', async () => {
    const { page, expected } = await openWithSkuBadges(ext.context, name);
    await waitForBadges(page, '[data-lsm-kind="ito"]', expected.ito.length);
    expect(await statuses(page, 'safety')).toEqual(expected.safety);
    expect(await statuses(page, 'ito')).toEqual(expected.ito);
    expect(await pageOwnText(page)).toBe(await ownTextOf(name));
    expect(collectPageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('store and logistics figures', () => {
  it.each(['store-performance-zh', 'store-performance-en'])('%s: an eligibility badge per figure and a summary', async (name) => {
    const expected = EXPECTED_PAGES[name]!;
    const page = await openFixture(ext.context, name);
    const errors = collectPageErrors(page);
    const badges = await settleBadges(page, '[data-lsm-kind="eligibility"]');
    // E1 has three figures (one per DSR dimension), E3 two; each shows its own figure's verdict.
    const byCriterion: Record<string, typeof badges> = {};
    for (const badge of badges) (byCriterion[badge.criterion ?? ''] ??= []).push(badge);
    expect(Object.keys(byCriterion).sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'all']);
    expect(byCriterion.E1!.map((b) => b.status)).toEqual(['eligible', 'eligible', 'ineligible']);
    for (const id of ['E2', 'E4', 'E5', 'all'] as const) expect(byCriterion[id]).toEqual([expect.objectContaining({ status: expected.eligibility![id] })]);
    expect(byCriterion.E3!.map((b) => b.status)).toEqual(['eligible', 'eligible']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['logistics-performance-zh', 'logistics-performance-en'])('%s: a Choice badge per metric and a summary', async (name) => {
    const expected = EXPECTED_PAGES[name]!;
    const page = await openFixture(ext.context, name);
    const badges = await waitForBadges(page, '[data-lsm-kind="choice"]', 5);
    expect(Object.fromEntries(badges.map((b) => [b.criterion, b.status]))).toEqual(expected.choice);
    await page.close();
  });
});

describe('event log', () => {
  it.each(['event-log-zh', 'event-log-en'])('%s: every code explained, known and unknown', async (name) => {
    const expected = EXPECTED_PAGES[name]!;
    const page = await openFixture(ext.context, name);
    const badges = await waitForBadges(page, '[data-lsm-kind="event-code"]', expected.events.length);
    expect(badges.map(({ code, status }) => ({ code, status }))).toEqual(expected.events.map(({ code, status }) => ({ code, status })));
    expect(await pageOwnText(page)).toBe(await ownTextOf(name));
    await page.close();
  });
});

describe('a page it recognises but cannot read', () => {
  // Fixture pages are static; Seller Center's own scripts keep re-rendering, and each re-render runs
  // the extension's passes. The test adds a node from the page's side to do the same.
  const notices = (page: Page) => badgeSummary(page, '[data-lsm-kind="page"]');

  it('says so next to the title once the page has had time to render, on that page only', async () => {
    const unreadable = listFixtures().filter((name) => EXPECTED_PAGES[name]!.unreadable);
    expect(unreadable).toEqual(['inventory-zh-unreadable']);
    const page = await openFixture(ext.context, 'inventory-zh-unreadable');
    const errors = collectPageErrors(page);
    await expect.poll(() => contentScriptWorlds(page, ext.extensionId)).toHaveLength(1);
    // Not at once: on a live page the table may still be on its way.
    await page.waitForTimeout(300);
    expect(await badgeSummary(page)).toEqual([]);

    // The readable pages, opened meanwhile, have waited as long once the notice shows here.
    const readable = await Promise.all(
      listFixtures()
        .filter((name) => !EXPECTED_PAGES[name]!.unreadable)
        .map(async (name) => ({ name, page: await openFixture(ext.context, name) })),
    );
    // The page stays still: the notice comes without any change to it.
    await expect.poll(async () => (await notices(page)).length, { timeout: 15_000, interval: 500 }).toBe(1);
    expect(await badgeSummary(page)).toEqual([expect.objectContaining({ kind: 'page', status: 'unknown' })]);
    const host = page.locator('[data-lsm-kind="page"]');
    expect(await host.evaluate((element) => element.parentElement!.matches('h1.page-title'))).toBe(true);
    const { text } = await explanationOnFocus(host);
    expect(text).toContain('页面布局可能改了');
    expect(text).toContain('可用库存');
    expect(text).toContain('刷新页面');
    expect(await pageOwnText(page)).toBe(await ownTextOf('inventory-zh-unreadable'));
    expect(errors).toEqual([]);

    for (const { name, page: other } of readable) {
      expect(await notices(other), name).toEqual([]);
      await other.close();
    }
    await page.close();
  });
});

describe('explanations', () => {
  it('opens on keyboard focus with the figure, the rule, its source and what to do, and closes on Escape', async () => {
    const { page } = await openWithSkuBadges(ext.context, 'inventory-zh-fusion');
    const host = page.locator('[data-lsm-kind="safety"][data-lsm-sku="ES-CHAIR-002"]');
    const { popover, text } = await explanationOnFocus(host);
    expect(text).toContain('ES-CHAIR-002');
    expect(text).toContain('可售库存');
    expect(text).toMatch(/来源：.*§3/);
    expect(await host.locator('button.badge').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    await page.close();
  });

  it('lets the seller record the meaning of an unknown code, shown from then on', async () => {
    const page = await openFixture(ext.context, 'event-log-zh');
    await settleBadges(page, '[data-lsm-kind="event-code"]');
    const host = page.locator('[data-lsm-kind="event-code"][data-lsm-code="SA-118"]').first();
    await host.locator('button.badge').click();
    await host.locator('input').fill('仓库收货异常 (my note)');
    await host.locator('form button').click();
    await expect
      .poll(async () => page.locator('[data-lsm-kind="event-code"][data-lsm-code="SA-118"]').first().locator('button.badge').innerText())
      .toContain('仓库收货异常');
    await page.close();
  });
});

describe('a long table', () => {
  it('gives the rows in view their badges\' buttons as the seller scrolls, and leaves far rows light', async () => {
    const { page } = await openWithSkuBadges(ext.context, 'inventory-en-table');
    // The page grows its table to 600 rows (its own script would, in the main world).
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody')!;
      // Its first row is the table's hidden measuring row.
      const [measure, model] = [tbody.rows[0]!, tbody.rows[1]!];
      const rows = Array.from({ length: 600 }, (_, i) => {
        const row = model.cloneNode(true) as HTMLTableRowElement;
        row.querySelectorAll('[data-lsm-kind]').forEach((badge) => badge.remove());
        row.cells[0]!.textContent = `LONG-${String(i).padStart(3, '0')}`;
        return row;
      });
      tbody.replaceChildren(measure, ...rows);
    });
    await waitForBadges(page, '[data-lsm-kind="safety"]', 600);
    // Rows in the viewport whose hosts have no button yet; rows out of it (and well away) that have one.
    const drawnState = () =>
      page.evaluate(() => {
        const rows = [...document.querySelector('tbody')!.rows].slice(1);
        const inView = (row: Element) => {
          const { top, bottom } = row.getBoundingClientRect();
          return bottom > 0 && top < innerHeight;
        };
        const hasButtons = (row: Element) => [...row.querySelectorAll('[data-lsm-kind]')].every((host) => host.shadowRoot?.querySelector('button'));
        return {
          inView: rows.filter(inView).length,
          inViewWithout: rows.filter((row) => inView(row) && !hasButtons(row)).length,
          drawn: rows.filter(hasButtons).length,
          row300: hasButtons(rows[300]!),
        };
      });
    for (const target of [150, 151, 450, 599, 37]) {
      await page.evaluate((index) => document.querySelector('tbody')!.rows[index + 1]!.scrollIntoView({ block: 'center' }), target);
      await expect.poll(drawnState).toMatchObject({ inViewWithout: 0 });
      expect((await drawnState()).inView).toBeGreaterThan(0);
    }
    // Drawn in runs around what came into view, not everything: the middle was never near.
    expect(await drawnState()).toMatchObject({ row300: false, drawn: expect.any(Number) });
    expect((await drawnState()).drawn).toBeLessThan(450);
    await page.close();
  });
});

describe('a live single-page app', () => {
  // The page's own scripts would do this; the test does it from the page's side (main world).
  it('badges rows that arrive late, keeps one badge per row on re-render, sort and pagination, and leaves none for rows that are gone', async () => {
    const { page, expected } = await openWithSkuBadges(ext.context, 'inventory-en-table');
    const rows = expected.safety.length;

    // Sort: the same row elements, re-ordered. Badges move with their rows, none re-created.
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody')!;
      for (const row of [...tbody.rows].reverse()) tbody.append(row);
    });
    await waitForBadges(page, '[data-lsm-kind="safety"]', rows);

    // Pagination: the body replaced by fresh rows, one fewer.
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody')!;
      const clones = [...tbody.rows].slice(1).map((row) => row.cloneNode(true) as HTMLTableRowElement);
      for (const clone of clones) clone.querySelectorAll('[data-lsm-kind]').forEach((badge) => badge.remove());
      tbody.replaceChildren(...clones);
    });
    await waitForBadges(page, '[data-lsm-kind="safety"]', rows - 1);
    await waitForBadges(page, '[data-lsm-kind="ito"]', rows - 1);

    // A late row, with a SKU nobody has seen.
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody')!;
      const late = tbody.rows[0]!.cloneNode(true) as HTMLTableRowElement;
      late.querySelectorAll('[data-lsm-kind]').forEach((badge) => badge.remove());
      const skuCell = late.cells[0]!;
      skuCell.textContent = 'LATE-ROW-99';
      tbody.append(late);
    });
    await waitForBadges(page, '[data-lsm-kind="safety"]', rows);
    expect((await badgeSummary(page, '[data-lsm-kind="safety"]')).map((b) => b.sku)).toContain('LATE-ROW-99');

    // A cell's figure edited in place: the same badge host changes its status.
    const before = await badgeSummary(page, '[data-lsm-kind="safety"]');
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('LATE-ROW-99'))!;
      const sellable = [...document.querySelectorAll('thead th')].findIndex((th) => /Sellable/i.test(th.textContent!));
      (row as HTMLTableRowElement).cells[sellable]!.textContent = '0';
    });
    await expect.poll(async () => (await badgeSummary(page, '[data-lsm-kind="safety"][data-lsm-sku="LATE-ROW-99"]'))[0]?.status).toBe('out');
    expect((await badgeSummary(page, '[data-lsm-kind="safety"]')).length).toBe(before.length);
    await page.close();
  });

  it('starts again on a route change and removes badges while the anti-bot gate shows', async () => {
    const { page, expected } = await openWithSkuBadges(ext.context, 'inventory-zh-fusion');
    const rows = expected.safety.length;

    await showCaptchaMask(page);
    await waitForBadges(page, '[data-lsm-kind]', 0);
    await removeGate(page);
    await waitForBadges(page, '[data-lsm-kind="safety"]', rows);

    // A soft navigation to a page with no inventory: every badge goes.
    await page.evaluate(() => {
      history.pushState({}, '', '/m_apps/home/index?channelId=2001');
      document.querySelector('main, #root')!.replaceChildren(Object.assign(document.createElement('h1'), { textContent: '首页' }));
    });
    await waitForBadges(page, '[data-lsm-kind]', 0);
    await page.close();
  });

  it('draws nothing on a page that opens behind the gate', async () => {
    const page = await openFixture(ext.context, 'inventory-zh-gate');
    await page.waitForTimeout(800);
    expect(await badgeSummary(page)).toEqual([]);
    await page.close();
  });
});
