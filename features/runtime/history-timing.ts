/**
 * When a page reading goes to history: this long after it was taken, when the page has drawn what
 * it just rendered. Sent at once, the worker's write of a big page (another process, and the
 * browser's IndexedDB backend) competes with the page's own layout for the same cores: on 2,000
 * rows, some 40-65 ms more of the page's main-thread time (measured side by side: README,
 * Performance). Its own module: the benchmark waits for it too.
 */
export const RECORD_AFTER_MS = 1000;

/** Then each part goes when the page is idle, or after this long at the latest. */
export const RECORD_WITHIN_MS = 1000;
