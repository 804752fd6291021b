/** The fixture server serves fixture pages at Seller Center paths, and nothing else. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCertificate } from './certificate';
import { fixtureUrl, hostResolverRules, SERVED_HOSTS, startFixtureServer, type FixtureServer } from './fixture-server';

let dir: string;
let server: FixtureServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lsm-fixture-server-'));
  const fixturesDir = join(dir, 'pages');
  mkdirSync(fixturesDir);
  writeFileSync(join(fixturesDir, 'inventory-zh.html'), '<p>库存管理</p>');
  writeFileSync(join(fixturesDir, 'notes.txt'), 'not a page');
  writeFileSync(join(dir, 'secret.html'), 'outside the fixtures folder');
  server = await startFixtureServer({ ...createCertificate(dir, SERVED_HOSTS), fixturesDir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(host: string, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, servername: host, headers: { host }, rejectUnauthorized: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server', () => {
  it.each(SERVED_HOSTS)('serves a fixture by its last path segment on %s, any app, any query', async (host) => {
    for (const path of ['/m_apps/local-stock/inventory-zh?channelId=2001', '/apps/other/inventory-zh']) {
      expect(await get(host, path)).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>库存管理</p>' });
    }
  });

  it('serves the blank shell', async () => {
    const blank = await get('gsp.aliexpress.com', '/__lsm/blank');
    expect(blank.status).toBe(200);
    expect(blank.body).toContain('<div id="root"></div>');
  });

  it.each([
    '/m_apps/x/missing',
    '/m_apps/x/notes',
    '/m_apps/x/notes.txt',
    '/m_apps/x/inventory-zh.html',
    '/m_apps/x/..%2Fsecret',
    '/m_apps/x/%2E%2E%2Fsecret',
    '/m_apps/x/..%5Csecret',
    '/../secret',
    '/m_apps/pages/../../secret',
  ])('answers 404 to %s', async (path) => {
    const response = await get('csp.aliexpress.com', path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside the fixtures folder');
  });

  it('answers only for the hosts it plays', async () => {
    expect((await get('seller-acs.aliexpress.com', '/m_apps/x/inventory-zh')).status).toBe(421);
  });

  it('builds the URLs and resolver rules Chromium uses', () => {
    expect(fixtureUrl('inventory-zh')).toBe('https://csp.aliexpress.com/m_apps/local-stock/inventory-zh?channelId=2001');
    expect(fixtureUrl('x', { host: 'nonSeller', app: 'a', channelId: null })).toBe('https://shop.example.test/m_apps/a/x');
    expect(hostResolverRules(4433)).toBe(
      'MAP csp.aliexpress.com 127.0.0.1:4433, MAP gsp.aliexpress.com 127.0.0.1:4433, ' +
        'MAP shop.example.test 127.0.0.1:4433, MAP * ~NOTFOUND',
    );
  });
});
