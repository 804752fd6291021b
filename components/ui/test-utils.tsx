import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

import { backgroundSender, type Failure, type MessageType, type Request } from '@/lib/messages';
import { BACKUP_STORES, type GlossaryEntry, type SkuSnapshot, type StoreRecord } from '@/lib/history/schema';
import { skuHistoryOf } from '@/lib/history/sku-history';
import { compareKeys } from '@/lib/history/sku-weeks';
import { NO_NOTICES, type Notices } from '@/lib/notices';
import type { StorePlan } from '@/lib/reminders/schema';

/** Test helpers for the popup and options components (happy-dom): mount, type, submit, and a fake worker. */

export interface Mounted {
  root: HTMLElement;
  /** The element a selector finds; throws naming the selector when there is none. */
  get<E extends Element = HTMLElement>(selector: string): E;
  /** The control a visible label names. */
  field<E extends HTMLElement = HTMLInputElement>(label: string | RegExp): E;
  /** The button (or link) with this text. */
  button(name: string | RegExp): HTMLElement;
  text(): string;
  unmount(): void;
}

const matches = (actual: string, wanted: string | RegExp) =>
  typeof wanted === 'string' ? actual.replace(/\s+/g, ' ').trim() === wanted : wanted.test(actual);

/** Lets pending promises (the fake worker's answers) settle and Preact re-render. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const mounted = new Set<HTMLElement>();
// Every test starts from an empty document: ids must not meet a previous test's.
afterEach(() => {
  for (const root of mounted) {
    render(null, root);
    root.remove();
  }
  mounted.clear();
});

/** Renders into a fresh element of the document; it is removed after the test. */
export async function mount(vnode: ComponentChild): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.add(root);
  await act(() => {
    render(vnode, root);
  });
  await settle();
  const get = <E extends Element>(selector: string): E => {
    const found = root.querySelector<E>(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  };
  return {
    root,
    get,
    field<E extends HTMLElement>(label: string | RegExp): E {
      const labels = [...root.querySelectorAll('label')].filter((element) => !element.closest('[hidden]'));
      const found = labels.find((element) => matches(element.textContent ?? '', label));
      if (!found) throw new Error(`no label ${String(label)} among: ${labels.map((element) => element.textContent).join(' | ')}`);
      return get<E>(`#${CSS.escape(found.htmlFor)}`);
    },
    button(name: string | RegExp): HTMLElement {
      const buttons = [...root.querySelectorAll<HTMLElement>('button, a')].filter((element) => !element.closest('[hidden]'));
      const found = buttons.find((element) => matches(element.textContent ?? '', name));
      if (!found) throw new Error(`no button ${String(name)} among: ${buttons.map((element) => element.textContent).join(' | ')}`);
      return found;
    },
    text: () => (root.textContent ?? '').replace(/\s+/g, ' '),
    unmount() {
      render(null, root);
      root.remove();
      mounted.delete(root);
    },
  };
}

/** Types into an input, select or textarea as a person would: the value, then the input and change events. */
export async function type(element: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    element.click();
  });
  await settle();
}

/** Submits the form the element is in, as Enter in one of its fields does. */
export async function submit(element: HTMLElement): Promise<void> {
  const form = element.closest('form');
  if (!form) throw new Error('not inside a form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** What the fake worker holds; each test starts from its own. */
export interface FakeWorld {
  stores: StoreRecord[];
  plans: Record<string, StorePlan>;
  glossary: GlossaryEntry[];
  snapshots: SkuSnapshot[];
  /** Stored records the worker could not read and left out of its files. */
  skipped: number;
  notices: Notices;
  /** Messages that fail with this failure instead of answering. */
  failures: Partial<Record<MessageType, Failure>>;
  /** Every request the components sent, in order. */
  requests: Request[];
}

/**
 * A worker that answers through the real protocol (lib/messages.ts validates every request and
 * answer), from an in-memory world the test can inspect.
 */
export function fakeBackground(initial: Partial<FakeWorld> = {}) {
  const world: FakeWorld = { stores: [], plans: {}, glossary: [], snapshots: [], skipped: 0, notices: NO_NOTICES, failures: {}, requests: [], ...initial };
  const answer = (request: Request): unknown => {
    switch (request.type) {
      case 'stores/list':
        return { stores: world.stores, skipped: 0, problems: [] };
      case 'store/at-risk': {
        const plan = world.plans[request.storeId] ?? { storeId: request.storeId, day: '2025-11-20', skus: [] };
        return { plan: { ...plan, skus: plan.skus.slice(0, request.limit) }, atRisk: plan.skus.length, skipped: 0, problems: [] };
      }
      case 'sku/history':
        return {
          history: skuHistoryOf(world.snapshots.filter((s) => s.storeId === request.storeId && s.sku === request.sku).sort((a, b) => compareKeys(a.day, b.day))),
          events: [],
          skipped: 0,
          problems: [],
        };
      case 'glossary/list':
        return { entries: world.glossary, skipped: 0, problems: [] };
      case 'glossary/put': {
        const entry = { code: request.code, meaning: request.meaning.trim(), updatedAt: 1 };
        world.glossary = [...world.glossary.filter((e) => e.code !== request.code), entry];
        return { entry };
      }
      case 'glossary/delete':
        world.glossary = world.glossary.filter((e) => e.code !== request.code);
        return {};
      case 'backup/export':
        return { fileName: 'backup.json', text: JSON.stringify({ glossary: world.glossary }), skipped: world.skipped, problems: [] };
      case 'backup/import':
        return {
          imported: Object.fromEntries(
            BACKUP_STORES.map((name) => [name, name === 'glossary' ? (JSON.parse(request.json) as { glossary: unknown[] }).glossary.length : 0]),
          ),
        };
      case 'snapshots/csv':
        return { fileName: 'snapshots.csv', text: 'storeId,sku\n', skipped: world.skipped, problems: [] };
      case 'data/delete-all':
        Object.assign(world, { stores: [], plans: {}, glossary: [], snapshots: [] });
        return {};
      case 'notices/get':
        return world.notices;
      case 'notices/dismiss':
        world.notices = { ...world.notices, [request.notice]: null };
        return {};
      default:
        throw new Error(`the fake worker does not answer ${request.type}`);
    }
  };
  const send = backgroundSender(async (message) => {
    const request = message as Request;
    world.requests.push(request);
    const failure = world.failures[request.type];
    return failure ? { ok: false, error: failure } : { ok: true, data: answer(request) };
  });
  return { world, send };
}
