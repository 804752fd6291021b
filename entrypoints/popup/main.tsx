import { render } from 'preact';

import '@/components/ui/ui.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/popup/Popup';
import { tabStatus } from '@/components/popup/tab-status';
import { dayOf } from '@/lib/rules/day';
import { send } from '@/platform/messaging';
import { settingsStore } from '@/platform/settings-item';

/**
 * The toolbar popup. Without the `tabs` permission, tabs.query still answers, but shows the URL
 * only of pages the extension may read (Seller Center); that is all tab-status.ts relies on.
 */
browser.tabs
  .query({ active: true, currentWindow: true })
  .then(([tab]) => tab?.url, () => undefined)
  .then((url) => {
    render(
      <Popup
        send={send}
        settingsStore={settingsStore}
        tab={tabStatus(url)}
        browserLocale={navigator.language}
        today={dayOf(new Date())}
        optionsUrl={browser.runtime.getURL('/options.html')}
      />,
      document.getElementById('app')!,
    );
  });
