/**
 * What a badge shows, already translated: features turn a rule's verdict into this, the badge host
 * draws it. The explanation is a function so that thousands of rows cost nothing until a seller
 * hovers or focuses one badge.
 */
export const BADGE_KINDS = ['eligibility', 'choice', 'safety', 'ito', 'event-code', 'page'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

/** Colour is never the only signal: every tone has its own icon, and the label says the verdict. */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'unknown';

export const TONE_ICON: Record<Tone, string> = {
  good: '✓',
  warn: '!',
  bad: '✕',
  info: 'i',
  unknown: '?',
};

export interface ExplanationFact {
  label: string;
  value: string;
}

export interface GlossaryEditor {
  code: string;
  current: string | null;
  labels: { field: string; save: string; saved: string; failed: string };
  save(meaning: string): Promise<void>;
}

export interface ExplanationModel {
  title: string;
  facts: ExplanationFact[];
  rule: string;
  /** Where the rule comes from; a notice about the page itself (kind "page") has none. */
  source?: string;
  advice: string;
  note?: string;
  glossary?: GlossaryEditor;
}

/**
 * The badge contract's attributes (shared/domain/seller-center-pages.md), with one kind of our own:
 * "page", a notice about the whole page (test/fixtures/pages/README.md).
 */
export interface BadgeContract {
  kind: BadgeKind;
  status: string;
  criterion?: string;
  sku?: string;
  code?: string;
}

export interface BadgeView extends BadgeContract {
  tone: Tone;
  label: string;
  /** What a screen reader says for the compact badge: the verdict and the figure. */
  ariaLabel: string;
  explain(): ExplanationModel;
}

/** Two views that draw the same compact badge need no DOM write. */
export const badgeFace = (view: BadgeView): string =>
  [view.kind, view.status, view.criterion, view.sku, view.code, view.tone, view.label, view.ariaLabel].join('\u0001');
