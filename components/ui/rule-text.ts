import type { RuleText } from '@/features/views';
import { t, type Lang } from '@/lib/i18n';
import { marketName } from '@/lib/policy/table';
import { MARKETS, type Market } from '@/lib/records';
import type { Choice } from './fields';
import { formatParams } from './format';

/** A verdict's explanation keys with its numbers formatted for the language, for features/views' explanation(). */
export const formattedRule = (lang: Lang, rule: RuleText): RuleText => ({ ...rule, params: formatParams(lang, rule.params) });

/** The warehouse countries by name, after a "choose" entry that the form refuses. */
export const marketChoices = (lang: Lang): Choice<Market | ''>[] => [
  { value: '', label: t(lang, 'ui_choose') },
  ...MARKETS.map((market) => ({ value: market, label: `${t(lang, marketName(market))} (${market})` })),
];
