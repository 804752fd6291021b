import { describe, expect, it } from 'vitest';

import { NO_NOTICES, noticeBoard, type Notices } from './notices';

function board(initial: unknown = undefined, permissionLevel?: () => Promise<string>) {
  const kept = { value: initial, saves: 0 };
  const notices = noticeBoard({
    load: async () => kept.value,
    save: async (next) => {
      kept.value = next;
      kept.saves += 1;
    },
    permissionLevel,
  });
  return { kept, notices };
}

const full: NonNullable<Notices['storageFull']> = { at: 1, prunedBefore: '2025-12-31', saved: true, detail: 'QuotaExceededError' };

describe('notice board', () => {
  it('keeps one notice apart from the other, and clears it', async () => {
    const { notices } = board();
    expect(await notices.read()).toEqual(NO_NOTICES);
    await notices.set('storageFull', full);
    await notices.set('notificationsBlocked', { detail: 'create failed' });
    expect(await notices.read()).toEqual({ storageFull: full, notificationsBlocked: { detail: 'create failed' } });
    await notices.set('storageFull', null);
    expect(await notices.read()).toEqual({ storageFull: null, notificationsBlocked: { detail: 'create failed' } });
  });

  it('reads a stored value that does not fit as no notices, and writes nothing that would not change', async () => {
    const { kept, notices } = board({ storageFull: 'yes' });
    expect(await notices.read()).toEqual(NO_NOTICES);
    await notices.set('notificationsBlocked', null);
    expect(kept.saves).toBe(0);
  });

  it("takes Chrome's permission level as the word on notifications", async () => {
    let level = 'denied';
    const { notices } = board(undefined, async () => level);
    expect((await notices.read()).notificationsBlocked).toEqual({ detail: expect.stringContaining('denied') });
    level = 'granted';
    expect((await notices.read()).notificationsBlocked).toBeNull();
  });
});
