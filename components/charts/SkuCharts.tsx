import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';

import { formatDay, formatMonthDay, formatNumber, text } from '@/components/ui/format';
import type { SkuHistory } from '@/lib/history/sku-history';
import { t, type Lang } from '@/lib/i18n';
import type { RuleContext } from '@/lib/rules/context';
import type { Day } from '@/lib/rules/day';
import { daySeconds, secondsDay, skuSeries, type SeasonBand, type SkuSeries } from './series';
import { UPlotChart } from './UPlotChart';

/**
 * One SKU over time: sellable stock against the safety water line (seasonal windows shaded), and
 * days of cover beside turnover days. Lines differ by dash as well as colour, and the legend names them.
 */

const HEIGHT = 220;
const DAY_SECONDS = 86_400;
const HALF_DAY = DAY_SECONDS / 2;
const COLOURS = { sellable: '#1a56db', line: '#a4161a', inTransit: '#4b5563', cover: '#0f6b2f', turnover: '#8a4b00', season: 'rgba(217, 119, 6, 0.14)' };

/** The line is a count of units: a fraction of one still has to be stocked. */
const waterLineUnits = (series: SkuSeries) => series.line.map((v) => (v === null ? null : Math.ceil(v)));

/** Seasonal windows as shaded columns behind the lines. */
const shadeSeasons = (bands: readonly SeasonBand[]): uPlot.Plugin => ({
  hooks: {
    drawClear: (chart) => {
      const { ctx, bbox } = chart;
      ctx.save();
      ctx.fillStyle = COLOURS.season;
      for (const band of bands) {
        const left = chart.valToPos(band.from - HALF_DAY, 'x', true);
        const right = chart.valToPos(band.to + HALF_DAY, 'x', true);
        ctx.fillRect(left, bbox.top, right - left, bbox.height);
      }
      ctx.restore();
    },
  },
});

/** The days the chart spans: the period asked for, so that a few snapshots are seen in their time. */
export interface Span {
  from: Day;
  to: Day;
}

/** Without a span, the data's own days, with a day either side so a single day is not a hairline. */
const xRange = (span: Span | null): uPlot.Scale['range'] =>
  span ? [daySeconds(span.from), daySeconds(span.to)] : (_, min, max) => [min - DAY_SECONDS, max + DAY_SECONDS];

function baseOptions(lang: Lang, span: Span | null, unit: (value: number) => string): Omit<uPlot.Options, 'width' | 'height' | 'series'> {
  return {
    scales: { x: { time: true, range: xRange(span) } },
    // Days are midnight UTC: read them in UTC so the browser's time zone cannot move them.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    axes: [
      { values: (_, splits) => splits.map((seconds) => formatMonthDay(lang, seconds * 1000)) },
      { values: (_, splits) => splits.map((value) => unit(value)), size: 56 },
    ],
    cursor: { drag: { x: false, y: false } },
  };
}

const line = (label: string, stroke: string, value: (v: number) => string, dash?: number[]): uPlot.Series => ({
  label,
  stroke,
  width: 2,
  ...(dash ? { dash } : {}),
  points: { show: true, size: 5 },
  spanGaps: false,
  value: (_, v) => (v === null || v === undefined ? '–' : value(v)),
});

function chartConfigs(lang: Lang, series: SkuSeries, span: Span | null) {
  const units = (v: number) => formatNumber(lang, v, 0);
  const days = (v: number) => formatNumber(lang, v, 1);
  const xSeries: uPlot.Series = { label: t(lang, 'options_chart_day'), value: (_, seconds) => (seconds === null ? '–' : formatDay(lang, secondsDay(seconds))) };
  return {
    stock: {
      options: {
        ...baseOptions(lang, span, units),
        series: [
          xSeries,
          line(t(lang, 'options_chart_sellable'), COLOURS.sellable, units),
          line(t(lang, 'options_chart_line'), COLOURS.line, units, [8, 4]),
          line(t(lang, 'options_chart_inTransit'), COLOURS.inTransit, units, [2, 3]),
        ],
        plugins: [shadeSeasons(series.seasons)],
      },
      data: [series.x, series.sellable, waterLineUnits(series), series.inTransit] as uPlot.AlignedData,
    },
    days: {
      options: {
        ...baseOptions(lang, span, days),
        series: [xSeries, line(t(lang, 'options_chart_cover'), COLOURS.cover, days), line(t(lang, 'options_chart_turnover'), COLOURS.turnover, days, [8, 4])],
      },
      data: [series.x, series.daysOfCover, series.turnoverDays] as uPlot.AlignedData,
    },
  };
}

function FiguresTable({ lang, series }: { lang: Lang; series: SkuSeries }) {
  const cell = (value: number | null, digits = 0) => (value === null ? '–' : formatNumber(lang, value, digits));
  const lineUnits = waterLineUnits(series);
  return (
    <details class="chart-table">
      <summary>{t(lang, 'options_chart_table')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'options_chart_day')}</th>
            <th scope="col">{t(lang, 'options_chart_sellable')}</th>
            <th scope="col">{t(lang, 'options_chart_line')}</th>
            <th scope="col">{t(lang, 'options_chart_inTransit')}</th>
            <th scope="col">{t(lang, 'options_chart_cover')}</th>
            <th scope="col">{t(lang, 'options_chart_turnover')}</th>
          </tr>
        </thead>
        <tbody>
          {series.days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{formatDay(lang, day)}</th>
              <td>{cell(series.sellable[i] ?? null)}</td>
              <td>{cell(lineUnits[i] ?? null)}</td>
              <td>{cell(series.inTransit[i] ?? null)}</td>
              <td>{cell(series.daysOfCover[i] ?? null, 1)}</td>
              <td>
                {cell(series.turnoverDays[i] ?? null, 1)}
                {series.estimated[i] ? t(lang, 'badge_estimatedMark') : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function SkuCharts(props: { lang: Lang; history: SkuHistory; rules: Omit<RuleContext, 'day'>; span: Span | null }) {
  const { lang, history, rules, span } = props;
  const series = useMemo(() => skuSeries(history, rules), [history, rules]);
  const configs = useMemo(() => chartConfigs(lang, series, span), [lang, series, span?.from, span?.to]);
  return (
    <div class="sku-charts">
      <figure>
        <figcaption>{t(lang, 'options_chart_stockTitle')}</figcaption>
        <UPlotChart options={configs.stock.options} data={configs.stock.data} height={HEIGHT} />
        {series.seasons.length > 0 && (
          <ul class="seasons">
            {series.seasons.map((band) => (
              <li key={band.from}>
                <span class="swatch" aria-hidden="true" />
                {text(lang, 'options_chart_season', {
                  name: band.label ?? t(lang, 'options_chart_shippedSeason'),
                  from: formatDay(lang, secondsDay(band.from)),
                  to: formatDay(lang, secondsDay(band.to)),
                  multiplier: band.multiplier,
                })}
              </li>
            ))}
          </ul>
        )}
      </figure>
      <figure>
        <figcaption>{t(lang, 'options_chart_daysTitle')}</figcaption>
        <UPlotChart options={configs.days.options} data={configs.days.data} height={HEIGHT} />
      </figure>
      <FiguresTable lang={lang} series={series} />
    </div>
  );
}
