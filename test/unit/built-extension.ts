/**
 * The built extension for tests that check what ships: both browsers built with the production
 * config (scripts/build-into.mjs) into a private temp folder, so dist/ is never touched while
 * others use it. `LSM_BUILT_DIR=dist` (or any folder holding chrome-mv3/ and firefox-mv2/) reuses
 * existing builds instead, e.g. after `npm run build && npm run build:firefox`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path, not `new URL(...)`: under happy-dom the global URL is not Node's.
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type Browser = 'chrome' | 'firefox';
export const BUILD_FOLDERS: Record<Browser, string> = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' };

export interface BuiltExtensions {
  dirs: Record<Browser, string>;
  /** Deletes what this run built (nothing when LSM_BUILT_DIR was used). */
  dispose(): void;
}

export function buildInto(browser: Browser, outDir: string): Promise<void> {
  // Vitest marks its own process (NODE_ENV=test, VITEST*): the build must not inherit that.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'scripts/build-into.mjs'), browser, outDir],
      { cwd: REPO_ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${browser} build failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

export async function builtExtensions(): Promise<BuiltExtensions> {
  const given = process.env.LSM_BUILT_DIR;
  if (given) {
    const base = resolve(REPO_ROOT, given);
    const dirs = { chrome: join(base, BUILD_FOLDERS.chrome), firefox: join(base, BUILD_FOLDERS.firefox) };
    for (const dir of Object.values(dirs)) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`LSM_BUILT_DIR: no manifest.json in ${dir}`);
    }
    return { dirs, dispose: () => {} };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'lsm-built-'));
  try {
    // One after the other: two Vite builds at once on two cores are no faster, and both rewrite .wxt/.
    await buildInto('chrome', outDir);
    await buildInto('firefox', outDir);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    dirs: { chrome: join(outDir, BUILD_FOLDERS.chrome), firefox: join(outDir, BUILD_FOLDERS.firefox) },
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Every file under dir, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

export const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
