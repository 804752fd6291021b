import { defineConfig } from 'wxt';

import { contentScriptBuild } from './content-script-build';
import { SELLER_CENTER_MATCHES } from './lib/seller-center-hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: 'dist',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: SELLER_CENTER_MATCHES,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'local-stock-copilot@localstock.tools',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Vite's modulepreload polyfill carries a fetch(); Chrome MV3 and Firefox 115+ support
    // <link rel=modulepreload> natively, and the no-remote-code test refuses any fetch.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The content script has a size budget: see content-script-build.ts.
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        config.plugins = [...(config.plugins ?? []), contentScriptBuild()];
      }
    },
  },
});
