import { t } from '@/lib/i18n';
import { turnover, turnoverStatus } from '@/lib/rules/turnover';
import { skuRowFeature } from './inventory-rows';
import { explanation, fact, figureText } from './views';

/** Per SKU row: the turnover-days (ITO) band, the slow-mover premium it costs, or the rebate it may earn. */
export default skuRowFeature('turnover', {
  kind: 'ito',
  status: (figures, { rules }) => turnoverStatus(figures, rules.policy).status,
  label(figures, { lang, rules }) {
    const { status, basis } = turnoverStatus(figures, rules.policy);
    return t(lang, `badge_ito_${status}`) + (basis === 'estimated' ? t(lang, 'badge_estimatedMark') : '');
  },
  explain(figures, { lang, rules }) {
    const verdict = turnover(figures, rules.policy);
    return explanation(
      lang,
      t(lang, 'badge_title_ito', { sku: figures.sku }),
      [
        fact(lang, 'badge_fact_turnoverDays', figureText(lang, verdict.turnoverDays, 'badge_unit_days')),
        fact(lang, 'badge_fact_sellable', figureText(lang, figures.sellable)),
        fact(lang, 'badge_fact_surcharge', figureText(lang, verdict.surchargeCnyPerMonth, 'badge_unit_cnyPerMonth')),
      ],
      verdict,
      verdict.basisNote ? t(lang, verdict.basisNote, verdict.params) : undefined,
    );
  },
});
