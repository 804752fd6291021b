/**
 * The content script reads a page in passes, and the page cannot change during a pass's
 * synchronous part (no page script runs in between). Within `readingOnce`, each reader that asks
 * `once` reads a root the first time only: page detection, the badges and the history recorder
 * share one walk over the tables and the text of a page of thousands of rows. Outside it, every
 * call reads afresh (tests, the popup).
 */

let memo: Map<string, WeakMap<object, unknown>> | null = null;

export function readingOnce<T>(run: () => T): T {
  if (memo) return run();
  memo = new Map();
  try {
    return run();
  } finally {
    memo = null;
  }
}

export function once<T>(reader: string, root: object, read: () => T): T {
  if (!memo) return read();
  let byRoot = memo.get(reader);
  if (!byRoot) memo.set(reader, (byRoot = new WeakMap()));
  if (byRoot.has(root)) return byRoot.get(root) as T;
  const value = read();
  byRoot.set(root, value);
  return value;
}
