import { render } from 'preact';

import '@/components/ui/ui.css';
import '@/components/options/options.css';
import { Options } from '@/components/options/Options';
import { downloadText } from '@/components/ui/download';
import { dayOf } from '@/lib/rules/day';
import { send } from '@/platform/messaging';
import { settingsStore } from '@/platform/settings-item';

/** The options page, in a tab of its own: history, at-risk list, settings, code notes, data. */
render(
  <Options
    send={send}
    settingsStore={settingsStore}
    browserLocale={navigator.language}
    today={dayOf(new Date())}
    now={Date.now}
    download={downloadText}
  />,
  document.getElementById('app')!,
);
