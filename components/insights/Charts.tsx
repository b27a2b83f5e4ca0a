/**
 * The insights page's charts: plain SVG and CSS, no charting library. Each chart is a figure whose
 * accessible name summarises it, followed by the same numbers as a table (the alternative a
 * screen reader, a printout or a copy-paste needs).
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type DayCount, FLAGGED_VERDICTS } from '@/utils/memory/insights';

/** A chart with its title, its summary as the figure's name, and its data as a table behind "Show as a table". */
export function ChartFigure({
  title,
  summary,
  table,
  children,
  id,
}: {
  title: string;
  summary: string;
  table: ComponentChildren;
  children: ComponentChildren;
  id: string;
}) {
  const titleId = useId();
  return (
    <section class="card chart" id={id} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <figure role="img" aria-label={summary}>
        {children}
      </figure>
      <details class="data-table">
        <summary>{t('insights_table')}</summary>
        {table}
      </details>
    </section>
  );
}

const HEIGHT = 120;

/** Flagged posts per day, stacked by verdict; time runs in the page's reading direction. */
export function DailyBars({
  days,
  rtl,
  format,
}: {
  days: DayCount[];
  rtl: boolean;
  format: (day: string) => string;
}) {
  const max = Math.max(1, ...days.map((d) => FLAGGED_VERDICTS.reduce((n, v) => n + d.counts[v], 0)));
  const slot = 100 / days.length;
  const bars = days.flatMap((d, i) => {
    const x = (rtl ? days.length - 1 - i : i) * slot;
    let y = HEIGHT;
    return FLAGGED_VERDICTS.map((v) => {
      const h = (d.counts[v] / max) * (HEIGHT - 4);
      y -= h;
      return h > 0 ? (
        <rect
          key={`${d.day}-${v}`}
          class={`seg seg-${v}`}
          x={`${x + slot * 0.15}%`}
          y={y}
          width={`${slot * 0.7}%`}
          height={h}
        />
      ) : null;
    });
  });
  return (
    <>
      <svg class="daily" width="100%" height={HEIGHT} aria-hidden="true" focusable="false">
        <line class="axis" x1="0" x2="100%" y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {bars}
      </svg>
      <div class="axis-labels" aria-hidden="true">
        <span>{days[0] ? format(days[0].day) : ''}</span>
        <span>{days.at(-1) ? format(days.at(-1)!.day) : ''}</span>
      </div>
      <ul class="key" aria-hidden="true">
        {FLAGGED_VERDICTS.map((v) => (
          <li key={v}>
            <span class={`swatch seg-${v}`} />
            {t(`verdict_${v}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Horizontal bars for a few named counts (platforms, products); CSS logical sizes follow RTL. */
export function NamedBars({
  rows,
  number,
}: {
  rows: { name: string; count: number }[];
  number: (n: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul class="named-bars" aria-hidden="true">
      {rows.map((r) => (
        <li key={r.name}>
          <span class="bar-name" dir="auto">
            {r.name}
          </span>
          <span class="bar-track">
            <span class="bar-fill" style={{ inlineSize: `${(r.count / max) * 100}%` }} />
          </span>
          <span class="bar-count">{number(r.count)}</span>
        </li>
      ))}
    </ul>
  );
}
