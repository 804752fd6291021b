import { t } from '@/lib/i18n';
import { safetyLine, safetyStatus } from '@/lib/rules/safety';
import { skuRowFeature } from './inventory-rows';
import { explanation, fact, figureText } from './views';

/** Per SKU row: sellable stock against the safety water line (daily sales × the multiplier in force for its market today). */
export default skuRowFeature('safety-line', {
  kind: 'safety',
  status: (figures, { rules }) => safetyStatus(figures, rules),
  label: (figures, { lang, rules }) => t(lang, `badge_safety_${safetyStatus(figures, rules)}`),
  explain(figures, { lang, rules }) {
    const verdict = safetyLine(figures, rules);
    return explanation(
      lang,
      t(lang, 'badge_title_safety', { sku: figures.sku }),
      [
        fact(lang, 'badge_fact_sellable', figureText(lang, verdict.sellable)),
        fact(lang, 'badge_fact_dailySales', figureText(lang, verdict.dailySales)),
        fact(lang, 'badge_fact_multiplier', figureText(lang, verdict.multiplier)),
        fact(lang, 'badge_fact_line', figureText(lang, verdict.line === null ? null : Math.ceil(verdict.line))),
        fact(lang, 'badge_fact_daysOfCover', figureText(lang, verdict.daysOfCover, 'badge_unit_days')),
        fact(lang, 'badge_fact_inTransit', figureText(lang, verdict.inTransit)),
        fact(lang, 'badge_fact_market', figures.market ? t(lang, `policy_market_${figures.market}`) : t(lang, 'badge_notShown')),
      ],
      verdict,
      figures.dailySalesFrom === 'sales30d' ? t(lang, 'badge_note_sales30d') : undefined,
    );
  },
});
