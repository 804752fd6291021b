import { SELLER_CENTER_MATCHES } from '@/lib/seller-center-hosts';

export default defineContentScript({
  matches: SELLER_CENTER_MATCHES,
  main() {},
});
