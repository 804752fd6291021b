/**
 * History in IndexedDB, in real Chromium: bench/history-steps.ts bundled (Vite, one IIFE) and run
 * in an extension page, where it talks to the real worker through the message protocol. While
 * the worker does not answer the protocol, the same steps call the worker's own functions
 * (lib/history, lib/reminders) on IndexedDB in an ordinary page of the same browser instead, and
 * the figures say so.
 */
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';

import { openBlank, openExtensionPage, type Extension } from '../test/e2e/browser';
import { REPO_ROOT } from '../test/e2e/paths';
import type { HistoryFigures, HistoryOptions } from './history-steps';

declare const lsmHistoryBench: typeof import('./history-steps');

/** A module of steps bundled to run inside an extension page, its exports on the global `name`. */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'error',
    root: REPO_ROOT,
    resolve: { alias: { '@': REPO_ROOT.replace(/\/$/, '') } },
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name } },
  });
  const [result] = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  return result!.output[0].code;
}

async function inject(page: Page, code: string): Promise<void> {
  // Evaluated through the DevTools protocol: the extension page's CSP does not apply to it.
  await page.evaluate(`${code}\nglobalThis.lsmHistoryBench = lsmHistoryBench;`);
}

export async function measureHistory(ext: Extension, options: HistoryOptions): Promise<HistoryFigures> {
  const code = await bundleForPage('bench/history-steps.ts', 'lsmHistoryBench');
  const extensionPage = await openExtensionPage(ext, 'popup.html');
  let page: Page = extensionPage;
  try {
    await inject(page, code);
    const viaWorker = await page.evaluate(() => lsmHistoryBench.workerAnswers());
    if (!viaWorker) {
      page = await openBlank(ext.context, 'nonSeller');
      await inject(page, code);
    }
    return await page.evaluate(
      ([target, stepOptions]) => lsmHistoryBench.runHistory(target, stepOptions),
      [viaWorker ? 'worker' : 'page', options] as const,
    );
  } finally {
    await extensionPage.close();
    if (page !== extensionPage) await page.close();
  }
}
