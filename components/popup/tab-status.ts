import { storeIdFromUrl } from '@/lib/pages/detect';
import { SELLER_CENTER_HOSTS } from '@/lib/seller-center-hosts';

/**
 * What the popup can honestly say about the active tab. It has no `tabs` permission, so the browser
 * shows it the URL only of pages it may read (Seller Center): any other page, and no page, look the
 * same. Which kind of page it is, and whether the anti-bot gate is up, only the content script
 * knows (it decides from what the page shows), and it does not answer the popup: the badges on
 * the page say it.
 */
export type TabStatus = { kind: 'seller'; host: string; storeId: string } | { kind: 'other' };

export function tabStatus(url: string | undefined): TabStatus {
  if (!url) return { kind: 'other' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  const host = SELLER_CENTER_HOSTS.find((known) => known === parsed.hostname);
  return host && parsed.protocol === 'https:' ? { kind: 'seller', host, storeId: storeIdFromUrl(parsed) } : { kind: 'other' };
}
