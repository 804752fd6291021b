/**
 * Once per e2e run: build the extension (skipped with E2E_SKIP_BUILD=1, which uses the existing
 * dist/chrome-mv3), make a certificate for the Seller Center hosts, start the fixture server, and
 * hand the extension folder and the server's port to the tests (`inject`, read by browser.ts).
 */
import type { TestProject } from 'vitest/node';

import { prepareEnvironment } from './environment';

declare module 'vitest' {
  export interface ProvidedContext {
    lsmExtensionDir: string;
    lsmFixturePort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const environment = await prepareEnvironment({ build: process.env.E2E_SKIP_BUILD !== '1' });
  project.provide('lsmExtensionDir', environment.extensionDir);
  project.provide('lsmFixturePort', environment.port);
  return () => environment.close();
}
