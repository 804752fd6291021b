/**
 * What both the e2e suite (global-setup.ts) and `npm run demo` need before Chromium starts:
 * the built extension, a certificate for the Seller Center hosts, and the fixture server.
 *
 * The extension is built with `wxt build` (into dist/chrome-mv3, like `npm run build`) and then
 * copied into a temp folder, so a rebuild by someone else while the browser runs cannot change the
 * files under it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createCertificate } from './certificate';
import { SERVED_HOSTS, startFixtureServer } from './fixture-server';
import { REPO_ROOT } from './paths';

export const BUILT_EXTENSION_DIR = join(REPO_ROOT, 'dist/chrome-mv3');

export interface Environment {
  /** The unpacked extension Chromium loads (a private copy of dist/chrome-mv3). */
  extensionDir: string;
  /** The fixture server's port on 127.0.0.1. */
  port: number;
  /** Temp folder holding the copy, the certificate and anything else of this run. */
  tmpDir: string;
  close(): Promise<void>;
}

/** `wxt build` with the local bin; rejects with the build's whole output when it fails. */
export function buildExtension(): Promise<void> {
  // Vitest marks its own process (NODE_ENV=test, VITEST*): the build must not inherit that.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  return new Promise((resolve, reject) => {
    execFile(
      join(REPO_ROOT, 'node_modules/.bin/wxt'),
      ['build'],
      { cwd: REPO_ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`wxt build failed (${error.message.split('\n')[0]}):\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

export interface EnvironmentOptions {
  build: boolean;
  /** Where the fixture server finds its pages; default test/fixtures/pages (the benchmark serves its own). */
  fixturesDir?: string;
}

export async function prepareEnvironment(options: EnvironmentOptions): Promise<Environment> {
  if (options.build) await buildExtension();
  if (!existsSync(join(BUILT_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${BUILT_EXTENSION_DIR}: run \`npm run build\` (or drop E2E_SKIP_BUILD).`);
  }
  const tmpDir = mkdtempSync(join(tmpdir(), 'lsm-e2e-'));
  const extensionDir = join(tmpDir, 'extension');
  cpSync(BUILT_EXTENSION_DIR, extensionDir, { recursive: true });
  try {
    const server = await startFixtureServer({ ...createCertificate(tmpDir, SERVED_HOSTS), fixturesDir: options.fixturesDir });
    return {
      extensionDir,
      port: server.port,
      tmpDir,
      async close() {
        await server.close();
        rmSync(tmpDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
