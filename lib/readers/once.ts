/**
 * The content script reads a page in passes, and the page cannot change during a pass's
 * synchronous part (no page script runs in between). Within `readingOnce`, each reader that asks
 * `once` reads a root the first time only: page detection, the badges and the history recorder
 * share one walk over the tables and the text of a page of thousands of rows. Outside it, every
 * call reads afresh (tests, the popup).
 *
 * Across passes, with `KeptReadings`, a reader that asks `kept` reads a subtree again only once
 * the page has changed something in it: a clock ticking beside a table of thousands of rows
 * leaves the table's reading as it was.
 */

let memo: Map<string, WeakMap<object, unknown>> | null = null;
let keeping: KeptReadings | null = null;

export function readingOnce<T>(run: () => T, kept?: KeptReadings): T {
  if (memo) return run();
  memo = new Map();
  keeping = kept ?? null;
  keeping?.settle();
  try {
    return run();
  } finally {
    memo = null;
    keeping = null;
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

/**
 * What was read of subtrees in earlier passes, kept until the page changes something inside one.
 * The page loop tells it what its observer saw: the targets of the page's mutations (the parent
 * whose children changed, the text that changed) and the nodes they added (a subtree put back on
 * the page may have changed while it was off it, unobserved). Only child lists and text are
 * watched, not attributes: hovering a row toggles those all the time.
 */
export class KeptReadings {
  private readings = new Map<Element, Map<string, unknown>>();
  private changed = new Set<Node>();
  /**
   * Nodes added, by the parent they were added to, as the observer gave them: looked through only
   * for a kept subtree under that parent (a page that puts in 2,000 rows leaves its table's header
   * and wrapper readings alone without touching each row).
   */
  private added: { target: Node; nodes: ArrayLike<Node> }[] = [];

  change(target: Node, added: ArrayLike<Node> = []): void {
    this.changed.add(target);
    if (added.length > 0) this.added.push({ target, nodes: added });
  }

  /** Forgets the readings of subtrees that changed, were put back, or left the page since the last pass. */
  settle(): void {
    const changed = [...this.changed];
    const added = this.added;
    this.changed.clear();
    this.added = [];
    const putBack = (root: Element) =>
      added.some(({ target, nodes }) => target.contains(root) && Array.prototype.some.call(nodes, (node: Node) => node.contains(root)));
    for (const root of this.readings.keys()) {
      const stale = !root.isConnected || changed.some((node) => root.contains(node)) || putBack(root);
      if (stale) this.readings.delete(root);
    }
  }

  read<T>(reader: string, root: Element, read: () => T): T {
    // Off the page, its changes are not seen: nothing to keep.
    if (!root.isConnected) return read();
    let byReader = this.readings.get(root);
    if (!byReader) this.readings.set(root, (byReader = new Map()));
    if (byReader.has(reader)) return byReader.get(reader) as T;
    const value = read();
    byReader.set(reader, value);
    return value;
  }
}

/** Inside a pass of the page loop, what `read` gave for `root` while the page has not changed it; else `once`. */
export const kept = <T>(reader: string, root: Element, read: () => T): T =>
  keeping ? keeping.read(reader, root, read) : once(reader, root, read);
