/**
 * The insights page: what memory kept, for the last 7, 30 or 90 days. Charts are SVG/CSS with a
 * table behind each; export as JSON or CSV and "Forget everything" sit at the end. Everything
 * shown comes from the ledger on this device.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiDirection, uiLanguage } from '@/utils/i18n';
import type { LedgerEntry } from '@/utils/memory/graph';
import {
  computeInsights,
  FLAGGED_VERDICTS,
  type Insights as InsightsData,
  toCsv,
  toJson,
} from '@/utils/memory/insights';
import type { MemoryActions } from '@/utils/ui/memory-actions';
import { ChartFigure, DailyBars, NamedBars } from './insights/Charts';
import { ForgetMemory, MemoryNoticeLine } from './insights/Forget';
import { Logo } from './ui/Logo';

const RANGES = [7, 30, 90] as const;
type Range = (typeof RANGES)[number];
const DAY = 86_400_000;

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface InsightsProps {
  actions: MemoryActions;
  /** "Now", for tests and the bench. */
  now?: number;
}

export function Insights({ actions, now = Date.now() }: InsightsProps) {
  const [range, setRange] = useState<Range>(30);
  const [entries, setEntries] = useState<LedgerEntry[] | null>(null);
  const [error, setError] = useState('');
  const [paused, setPaused] = useState(false);
  const [status, setStatus] = useState('');

  const load = () =>
    actions
      .read(now - 90 * DAY)
      .then(({ entries }) => {
        performance.mark?.('basira:insights-read'); // the bench times reading apart from drawing
        setEntries(entries);
      })
      .catch((e: Error) => {
        setEntries([]);
        setError(t('insights_error', e?.message ?? String(e)));
      });
  useEffect(() => {
    void load();
    void actions.paused().then(setPaused, () => undefined);
  }, []);

  /** Everything kept (retention can be longer than the 90 days the charts read), read afresh. */
  const exportAll = async (format: 'json' | 'csv') => {
    try {
      const { entries: all } = await actions.read(0);
      if (format === 'json') download('basira-memory.json', 'application/json', toJson(all));
      else download('basira-memory.csv', 'text/csv', toCsv(all));
    } catch (e) {
      setError(t('insights_error', (e as Error)?.message ?? String(e)));
    }
  };
  const data = useMemo(() => (entries ? computeInsights(entries, range, now) : null), [entries, range, now]);
  useEffect(() => {
    if (data) performance.mark?.('basira:insights-shown');
  }, [data]);
  const lang = uiLanguage();
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }), [lang]);
  const formatDay = (day: string) => dayFormat.format(new Date(`${day}T12:00:00`));
  const number = (n: number) => n.toLocaleString(lang);
  const percent = (x: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(x);

  return (
    <div class="insights">
      <header class="page-head">
        <Logo size={40} />
        <div>
          <h1>{t('insights_title')}</h1>
          <p class="lead">{t('insights_lead')}</p>
        </div>
      </header>
      <MemoryNoticeLine actions={actions} />
      {paused && <p class="hint paused-note">{t('insights_paused')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <fieldset class="ranges">
        <legend>{t('insights_range_legend')}</legend>
        {RANGES.map((r) => (
          <button
            key={r}
            type="button"
            class="button-secondary"
            aria-pressed={range === r}
            onClick={() => setRange(r)}
          >
            {t(`insights_range_${r}`)}
          </button>
        ))}
      </fieldset>
      {data && (
        <main>
          <section class="card totals" aria-label={t('insights_total')}>
            <p>
              <span class="big" data-value={data.total}>
                {number(data.total)}
              </span>
              <span class="label">{t('insights_total')}</span>
            </p>
            <p>
              <span class="big red">{percent(data.undisclosedShare)}</span>
              <span class="label">{t('insights_share')}</span>
              <span class="hint">
                {t('insights_share_hint', [number(data.undisclosed), number(data.total)])}
              </span>
            </p>
          </section>
          {data.total === 0 ? (
            <p class="card empty">{t('insights_empty')}</p>
          ) : (
            <>
              <Daily data={data} formatDay={formatDay} number={number} />
              <ChartFigure
                id="platforms"
                title={t('insights_platforms')}
                summary={data.byPlatform
                  .map((p) => `${t(`platform_${p.platform}`)}: ${number(p.count)}`)
                  .join(', ')}
                table={
                  <CountTable
                    number={number}
                    head={t('insights_col_platform')}
                    rows={data.byPlatform.map((p) => ({ name: t(`platform_${p.platform}`), count: p.count }))}
                  />
                }
              >
                <NamedBars
                  rows={data.byPlatform.map((p) => ({ name: t(`platform_${p.platform}`), count: p.count }))}
                  number={number}
                />
              </ChartFigure>
              {data.products.length > 0 && (
                <ChartFigure
                  id="products"
                  title={t('insights_products')}
                  summary={data.products.map((p) => `${p.name}: ${number(p.count)}`).join(', ')}
                  table={<CountTable head={t('insights_col_product')} rows={data.products} number={number} />}
                >
                  <NamedBars rows={data.products} number={number} />
                </ChartFigure>
              )}
              {data.creators.length > 0 && (
                <section class="card" id="creators" aria-labelledby="creators-title">
                  <h2 id="creators-title">{t('insights_creators')}</h2>
                  <ul class="creators">
                    {data.creators.map((c) => (
                      <li
                        key={`${c.platform}|${c.author}|${c.brand}`}
                        data-undisclosed={c.disclosed < c.promotions}
                      >
                        {t('insights_creator_line', [
                          c.author,
                          number(c.promotions),
                          c.brand,
                          number(c.disclosed),
                        ])}{' '}
                        <span class="hint">({t(`platform_${c.platform}`)})</span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
          <section class="card actions" aria-label={t('insights_export_json')}>
            <div class="button-row">
              <button
                type="button"
                class="button-secondary"
                disabled={!entries?.length}
                onClick={() => void exportAll('json')}
              >
                {t('insights_export_json')}
              </button>
              <button
                type="button"
                class="button-secondary"
                disabled={!entries?.length}
                onClick={() => void exportAll('csv')}
              >
                {t('insights_export_csv')}
              </button>
            </div>
            <ForgetMemory
              actions={actions}
              onForgotten={() => {
                setEntries([]);
                setStatus(t('memory_forgotten'));
              }}
            />
          </section>
        </main>
      )}
      <p class="notice" role="status">
        {status}
      </p>
    </div>
  );
}

const total = (d: { counts: Record<string, number> }) => Object.values(d.counts).reduce((a, b) => a + b, 0);

function Daily({
  data,
  formatDay,
  number,
}: {
  data: InsightsData;
  formatDay: (d: string) => string;
  number: (n: number) => string;
}) {
  const busiest = data.days.reduce((a, d) => (total(d) > total(a) ? d : a), data.days[0]!);
  return (
    <ChartFigure
      id="daily"
      title={t('insights_daily')}
      summary={t('insights_daily_summary', [
        number(data.total),
        formatDay(busiest.day),
        number(total(busiest)),
      ])}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('insights_col_day')}</th>
              {FLAGGED_VERDICTS.map((v) => (
                <th scope="col" key={v}>
                  {t(`verdict_${v}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.days
              .filter((d) => total(d) > 0)
              .map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDay(d.day)}</th>
                  {FLAGGED_VERDICTS.map((v) => (
                    <td key={v}>{number(d.counts[v])}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      <DailyBars days={data.days} rtl={uiDirection() === 'rtl'} format={formatDay} />
    </ChartFigure>
  );
}

function CountTable({
  head,
  rows,
  number,
}: {
  head: string;
  rows: { name: string; count: number }[];
  number: (n: number) => string;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('insights_col_count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row" dir="auto">
              {r.name}
            </th>
            <td>{number(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
