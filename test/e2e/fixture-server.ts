/**
 * The HTTPS server that plays Seller Center for the end-to-end suite and `npm run demo`.
 *
 * Chromium is told to resolve the real hosts (csp.aliexpress.com, gsp.aliexpress.com) and one
 * non-seller host to this server (see `hostResolverRules`), so the fixture pages load at the real
 * Seller Center URLs and the production manifest's match patterns are what gets tested:
 *
 *   https://csp.aliexpress.com/m_apps/<any app>/<fixture name>?channelId=<n>
 *     -> test/fixtures/pages/<fixture name>.html
 *   https://<any mapped host>/__lsm/blank
 *     -> an empty single-page-app shell, for tests that write their own DOM
 *
 * Only `<name>.html` files directly inside the fixtures folder are served; a name is letters,
 * digits and dashes, so nothing outside the folder can be reached.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { SELLER_CENTER_HOSTS } from '../../lib/seller-center-hosts';
import { REPO_ROOT } from './paths';

export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures/pages');

/** The Seller Center host (`csp`), its global / Choice twin (`gsp`), and a host the extension must leave alone. */
export const HOSTS = {
  seller: SELLER_CENTER_HOSTS[0],
  global: SELLER_CENTER_HOSTS[1],
  nonSeller: 'shop.example.test',
} as const;
export type HostName = keyof typeof HOSTS;
export const SERVED_HOSTS: readonly string[] = Object.values(HOSTS);

export const BLANK_PATH = '/__lsm/blank';

const FIXTURE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;

const BLANK_PAGE = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><title>Seller Center</title></head>
  <body><div id="root"></div></body>
</html>
`;

/** Names of the fixture pages present now (file names without `.html`), sorted. */
export function listFixtures(dir = FIXTURES_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .filter((name) => FIXTURE_NAME.test(name))
    .sort();
}

export interface FixtureUrlOptions {
  /** Which mapped host serves the page; default `seller` (csp.aliexpress.com). */
  host?: HostName;
  /** The `/m_apps/<app>/` segment; any value reaches the same fixture. Default `local-stock`. */
  app?: string;
  /** The store id in the query; default 2001. `null` leaves the query out. */
  channelId?: number | string | null;
}

/** The real-looking URL of a fixture page, e.g. `https://csp.aliexpress.com/m_apps/local-stock/inventory-zh-fusion?channelId=2001`. */
export function fixtureUrl(name: string, options: FixtureUrlOptions = {}): string {
  const { host = 'seller', app = 'local-stock', channelId = 2001 } = options;
  const url = new URL(`https://${HOSTS[host]}/m_apps/${app}/${name}`);
  if (channelId !== null) url.searchParams.set('channelId', String(channelId));
  return url.href;
}

/** The URL of the empty page shell on a mapped host. */
export function blankUrl(host: HostName = 'seller'): string {
  return `https://${HOSTS[host]}${BLANK_PATH}`;
}

/** Chromium's `--host-resolver-rules` value: every served host to the server, every other host to nowhere. */
export function hostResolverRules(port: number): string {
  return [...SERVED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** PEM certificate and key for the served hosts (see `certificate.ts`). */
  cert: string;
  key: string;
  fixturesDir?: string;
  /** Default 0: a free port. */
  port?: number;
}

export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const { cert, key, fixturesDir = FIXTURES_DIR, port = 0 } = options;
  const server: Server = createServer({ cert, key }, (request, response) => {
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed', 'text/plain');
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!SERVED_HOSTS.includes(host)) return send(421, `not a served host: ${host}`, 'text/plain');

    const { pathname } = new URL(request.url ?? '/', 'https://fixture.invalid');
    if (pathname === BLANK_PATH) return send(200, BLANK_PAGE);
    // No favicon: answer without a 404, so it never shows up as a console error.
    if (pathname === '/favicon.ico') return send(204, '', 'image/x-icon');

    const name = pathname.split('/').at(-1) ?? '';
    if (!FIXTURE_NAME.test(name)) return send(404, `no fixture at ${pathname}`, 'text/plain');
    readFile(join(fixturesDir, `${name}.html`), 'utf8').then(
      (html) => send(200, html),
      () => send(404, `no fixture named ${name} in ${fixturesDir}`, 'text/plain'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
