/** How every write of the history ends: all of a transaction, or none of it with the reason. */

interface WriteTransaction {
  abort(): void;
  readonly done: Promise<void>;
  readonly error: DOMException | null;
}

/**
 * Aborts a transaction that failed part-way, so nothing of it is written, and gives the error that
 * explains it best: the transaction's own (QuotaExceededError when storage is full), where each
 * request only says AbortError.
 */
export async function abandon(tx: WriteTransaction, writes: readonly Promise<unknown>[], error: unknown): Promise<unknown> {
  try {
    tx.abort();
  } catch {
    // Already finished, or aborted by the browser itself.
  }
  await Promise.allSettled([...writes, tx.done]);
  return tx.error ?? error;
}

/** Waits for the writes and the commit; on any failure, see abandon. */
export async function commit(tx: WriteTransaction, writes: readonly Promise<unknown>[]): Promise<void> {
  try {
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    throw await abandon(tx, writes, error);
  }
}

/** The browser refused to store more: the seller must make room, trying again will not help. */
export const isStorageFull = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
