// @vitest-environment node
/**
 * What ships, checked on the BUILT extension for both browsers (not on wxt.config.ts): the
 * permissions a seller is asked for, and that the code neither loads nor evaluates anything it
 * did not ship. See PRIVACY.md; a change here must change it too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { builtExtensions, filesUnder, readJson, type Browser, type BuiltExtensions } from './built-extension';

/** Written out, not imported from the config: this test is the second pair of eyes on it. */
const SELLER_CENTER = ['https://csp.aliexpress.com/*', 'https://gsp.aliexpress.com/*'];
const API_PERMISSIONS = ['alarms', 'notifications', 'storage'];

/**
 * Every URL the built code may contain, with why. Anything else (an analytics host, a CDN, a
 * remote config) fails the test: the extension talks to no server.
 */
const ALLOWED_URLS: Record<string, string> = {
  'https://csp.aliexpress.com/*': 'match pattern: the pages read',
  'https://gsp.aliexpress.com/*': 'match pattern: the pages read',
  'http://www.w3.org/2000/svg': 'XML namespace (Preact), never fetched',
  'http://www.w3.org/1999/xhtml': 'XML namespace (Preact), never fetched',
  'http://www.w3.org/1998/Math/MathML': 'XML namespace (Preact), never fetched',
  'https://github.com/wxt-dev/wxt/issues/371': "text of a WXT error message ('wxt/storage' outside an extension)",
  'https://wxt.dev/guide/go-further/testing.html': 'text of the same WXT error message',
};

/** `https://${host}/*`: the match patterns built from the host list (the minifier picks the name). */
const HOST_TEMPLATE = /^https:\/\/\$\{[\w$]+\}\/\*$/;

/** Ways code reaches the network or runs text as code; none may appear in what ships. */
const FORBIDDEN_CALLS: [string, RegExp][] = [
  ['eval', /(?<![\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function("...")', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['fetch', /(?<![\w$])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['remote import()', /\bimport\s*\(\s*["'`]https?:/],
];

let built: BuiltExtensions;
beforeAll(async () => {
  built = await builtExtensions();
}, 180_000);
afterAll(() => built?.dispose());

const manifestOf = (browser: Browser) => readJson(join(built.dirs[browser], 'manifest.json'));
const sorted = (list: unknown) => [...((list as string[] | undefined) ?? [])].sort();
const codeFiles = (browser: Browser) => filesUnder(built.dirs[browser]).filter((file) => /\.(m?js|html)$/.test(file));

describe.each<Browser>(['chrome', 'firefox'])('built %s extension', (browser) => {
  it('asks for the two Seller Center hosts and storage / alarms / notifications, nothing more', () => {
    const manifest = manifestOf(browser);
    if (browser === 'chrome') {
      expect(manifest.manifest_version).toBe(3);
      expect(sorted(manifest.permissions)).toEqual(API_PERMISSIONS);
      expect(sorted(manifest.host_permissions)).toEqual(SELLER_CENTER);
    } else {
      // Firefox MV2: host permissions are listed under `permissions`.
      expect(manifest.manifest_version).toBe(2);
      expect(sorted(manifest.permissions)).toEqual([...API_PERMISSIONS, ...SELLER_CENTER].sort());
      expect(manifest.host_permissions).toBeUndefined();
    }
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('has no broad or sensitive permission anywhere in the manifest', () => {
    const text = JSON.stringify(manifestOf(browser));
    for (const broad of ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '"tabs"', '"webRequest', '"cookies"', '"history"', '"scripting"', '"activeTab"', '"debugger"', '"nativeMessaging"', '"management"']) {
      expect(text, broad).not.toContain(broad);
    }
    expect(manifestOf(browser).externally_connectable).toBeUndefined();
  });

  it('runs its content script on the two Seller Center hosts only', () => {
    const scripts = (manifestOf(browser).content_scripts as { matches: string[] }[] | undefined) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(sorted(script.matches)).toEqual(SELLER_CENTER);
  });

  it('exposes no file to web pages, and keeps the default content security policy (no eval, no remote script)', () => {
    const manifest = manifestOf(browser);
    const resources = (manifest.web_accessible_resources as unknown[] | undefined) ?? [];
    expect(resources).toEqual([]);
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval/);
  });

  it('ships no remote code: every script is a packaged file, and no code fetches, evaluates or imports from a server', () => {
    const files = codeFiles(browser);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(built.dirs[browser], file), 'utf8');
      for (const [name, pattern] of FORBIDDEN_CALLS) if (pattern.test(text)) found.push(`${file}: ${name}`);
      if (file.endsWith('.html')) {
        for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
          if (/^(https?:)?\/\//i.test(src!)) found.push(`${file}: remote <script src="${src}">`);
        }
        for (const [, href] of text.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi)) {
          if (/^(https?:)?\/\//i.test(href!)) found.push(`${file}: remote <link href="${href}">`);
        }
      }
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) {
        if (!(url in ALLOWED_URLS) && !HOST_TEMPLATE.test(url)) found.push(`${file}: URL ${url}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('Firefox specifics', () => {
  it('declares an add-on id and that it collects no data (gecko.data_collection_permissions)', () => {
    const gecko = (manifestOf('firefox').browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('uses an event page (background scripts), as Firefox MV2 does, and the same locales as Chrome', () => {
    const firefox = manifestOf('firefox');
    const chrome = manifestOf('chrome');
    expect((firefox.background as { scripts?: string[] } | undefined)?.scripts?.length).toBeGreaterThan(0);
    expect(firefox.default_locale).toBe(chrome.default_locale);
    const locales = (browser: Browser) => filesUnder(built.dirs[browser]).filter((file) => file.startsWith('_locales/'));
    expect(locales('firefox')).toEqual(locales('chrome'));
  });

  it('ships the same files as Chrome, apart from the manifest-specific ones', () => {
    const strip = (files: string[]) => files.filter((file) => !/^(manifest\.json|background\.js|.*\.map)$/.test(file));
    expect(strip(filesUnder(built.dirs.firefox))).toEqual(strip(filesUnder(built.dirs.chrome)));
  });
});
