/**
 * `npm run demo`: the extension in Chromium on every fixture page, at its Seller Center URL.
 *
 * Builds the extension, starts the e2e suite's fixture server (test/e2e/fixture-server.ts) and
 * launches Chromium through the suite's launcher (test/e2e/browser.ts). With a display ($DISPLAY),
 * the window stays open with one tab per fixture page until you close it. Without one, it saves a
 * full-page screenshot of each page (after its badges settle) and exits.
 *
 *   npm run demo                         # headed if $DISPLAY is set, else screenshots to docs/demo/
 *   npm run demo -- --out /tmp/shots     # screenshots elsewhere
 *   npm run demo -- --headless           # screenshots even with a display
 *   npm run demo -- --lang en            # the browser (and so the extension) in English
 *   npm run demo -- --skip-build         # use the existing dist/chrome-mv3
 *
 * Needs Chromium (`apt-get install chromium`, or CHROMIUM_PATH) and openssl; for readable Chinese
 * in the screenshots, a CJK font (`apt-get install fonts-noto-cjk`).
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  chromiumFound,
  collectPageErrors,
  fixtureUrl,
  launchWithExtension,
  listFixtures,
  openFixture,
  settleBadges,
  type Extension,
} from '../test/e2e/browser';
import { warnWithoutChineseFont } from '../test/e2e/chinese-font';
import { prepareEnvironment } from '../test/e2e/environment';
import { FIXTURES_DIR } from '../test/e2e/fixture-server';
import { REPO_ROOT } from '../test/e2e/paths';

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    out: { type: 'string', default: join(REPO_ROOT, 'docs/demo') },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    lang: { type: 'string', default: 'zh-CN' },
    'skip-build': { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  if (!chromiumFound()) return 1;
  const fixtures = listFixtures();
  if (fixtures.length === 0) {
    console.error(`No fixture pages in ${FIXTURES_DIR}.`);
    return 1;
  }

  console.log(flags['skip-build'] ? 'Using the existing dist/chrome-mv3 ...' : 'Building the extension (wxt build) ...');
  const environment = await prepareEnvironment({ build: !flags['skip-build'] });
  const ext = await launchWithExtension({
    extensionDir: environment.extensionDir,
    port: environment.port,
    headless: flags.headless,
    lang: flags.lang,
  }).catch(async (error: unknown) => {
    await environment.close();
    throw error;
  });
  try {
    return flags.headless ? await screenshots(ext.context, fixtures) : await browse(ext, fixtures);
  } finally {
    await ext.close().catch(() => undefined);
    await environment.close();
  }
}

/** Headless: one full-page screenshot per fixture page. */
async function screenshots(context: Extension['context'], fixtures: string[]): Promise<number> {
  warnWithoutChineseFont('Chinese text will show as boxes');
  const out = resolve(flags.out);
  mkdirSync(out, { recursive: true });
  let failures = 0;
  for (const name of fixtures) {
    const page = await openFixture(context, name);
    const badges = await settleBadges(page);
    const file = join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const errors = collectPageErrors(page);
    failures += errors.length > 0 ? 1 : 0;
    console.log(`  ${name}: ${badges.length} badge(s) -> ${relative(process.cwd(), file) || file}`);
    for (const error of errors) console.log(`    page error: ${error}`);
    await page.close();
  }
  console.log(`\n${fixtures.length} screenshots in ${out}`);
  return failures > 0 ? 1 : 0;
}

/** Headed: a tab per fixture page; returns when the browser window is closed (or on Ctrl-C). */
async function browse(ext: Extension, fixtures: string[]): Promise<number> {
  const [startPage] = ext.context.pages();
  for (const name of fixtures) {
    await openFixture(ext.context, name);
    console.log(`  ${fixtureUrl(name)}`);
  }
  await startPage?.close(); // the empty tab Chromium opens with
  const { action, options_ui: optionsUi } = ext.manifest as { action?: { default_popup?: string }; options_ui?: { page?: string } };
  for (const [label, page] of [['Popup', action?.default_popup], ['Options', optionsUi?.page]]) {
    if (page) console.log(`${label}: ${ext.origin}/${page}`);
  }
  console.log('\nClose the browser window (or press Ctrl-C) to stop.');
  await new Promise<void>((done) => {
    ext.context.once('close', () => done());
    process.once('SIGINT', () => done());
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
