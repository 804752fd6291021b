import type { BadgeView } from '@/components/badge-view';
import type { Lang } from '@/lib/i18n';
import type { PageKind, PageReading } from '@/lib/records';
import type { RuleContext } from '@/lib/rules/context';
import type { Settings } from '@/lib/settings/schema';

/**
 * A page feature, as Refined GitHub does it: it names the page kinds it applies to, and `init` runs
 * once per page (a route change starts a new page) with a signal that aborts when the page goes.
 * `init` returns what to do on every pass over the page; passes run after the page re-renders.
 * A feature that throws is logged and skipped; the others go on.
 */
export interface Feature {
  id: string;
  include: readonly PageKind[];
  init(page: FeaturePage): (pass: FeaturePass) => void;
}

export const defineFeature = (feature: Feature): Feature => feature;

/** What stays the same for the whole page (one route of the single-page app). */
export interface FeaturePage {
  doc: Document;
  url: URL;
  /** Seller Center's channelId: everything stored is keyed by store. */
  storeId: string;
  kinds: ReadonlySet<PageKind>;
  signal: AbortSignal;
  /** Hands what the page showed to the background worker, which keeps the history. */
  record(reading: Omit<PageReading, 'readAt'>): void;
  /** Records a seller's own meaning for an event code. */
  saveGlossary(code: string, meaning: string): Promise<void>;
  /** Asks for one more pass after `ms`, even if the page does not change by then (cancelled with the page). */
  passAfter(ms: number): void;
}

/** What one pass sees: the settings in force now, and where badges go. */
export interface FeaturePass {
  lang: Lang;
  settings: Settings;
  rules: RuleContext;
  glossary: Readonly<Record<string, string>>;
  place(anchor: Element, view: BadgeView): void;
}
