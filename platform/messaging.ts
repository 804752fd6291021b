import { backgroundSender } from '@/lib/messages';

/** The popup's and options page's line to the background worker: requests and answers validated by lib/messages.ts. */
export const send = backgroundSender((message) => browser.runtime.sendMessage(message));
