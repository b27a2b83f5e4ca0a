/**
 * The popup: the site and its state with a per-site pause, the findings in page order (exactly
 * the badge's list), and "About Basira". Everything from the page is rendered as text.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Correction } from '@/utils/feedback';
import { plural, t } from '@/utils/i18n';
import type { FindingWire, TabState } from '@/utils/protocol';
import { pausedHere, siteOf } from '@/utils/ui/hosts';
import type { PopupActions, PopupSettings } from '@/utils/ui/popup-actions';
import { About } from './popup/About';
import { FindingCard } from './popup/FindingCard';
import { Logo } from './ui/Logo';

export interface PopupProps {
  actions: PopupActions;
  /** How often the popup asks for the tab's state again (the page keeps scanning as it changes). */
  pollMs?: number;
}

type Loaded = TabState | null | undefined;
type StateName = 'loading' | 'unsupported' | 'paused' | 'scanning' | 'done';

export function Popup({ actions, pollMs = 1000 }: PopupProps) {
  const [state, setState] = useState<Loaded>(undefined);
  const [settings, setSettings] = useState<PopupSettings | null>(null);
  const [view, setView] = useState<'findings' | 'about'>('findings');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const aboutButton = useRef<HTMLButtonElement>(null);
  const lastJson = useRef<string | null>(null);
  const returning = useRef(false);

  // Back from "About", focus returns to the button that opened it, in the same frame.
  useLayoutEffect(() => {
    if (view !== 'findings' || !returning.current) return;
    returning.current = false;
    aboutButton.current?.focus();
  }, [view]);

  useEffect(() => {
    let alive = true;
    const refresh = () =>
      actions
        .load()
        .catch(() => null)
        .then((next) => {
          const json = JSON.stringify(next);
          // Polling must not re-render an unchanged list (open details, focus, scroll stay put).
          if (!alive || json === lastJson.current) return;
          lastJson.current = json;
          setState(next);
        });
    const readSettings = () =>
      actions
        .settings()
        .then((s) => alive && setSettings(s))
        .catch(() => undefined);
    void refresh();
    void readSettings();
    const timer = setInterval(refresh, pollMs);
    const unwatch = actions.watchSettings(() => {
      void readSettings();
      void refresh();
    });
    return () => {
      alive = false;
      clearInterval(timer);
      unwatch();
    };
  }, [actions, pollMs]);

  const host = siteOf(state?.url);
  // The settings decide (the content script follows them within a moment); before they are read,
  // the page's own report does.
  const pausedBySettings = host && settings ? pausedHere(settings.pausedSites, host) : null;
  const paused = pausedBySettings ?? state?.status === 'paused';
  const stateName: StateName =
    state === undefined
      ? 'loading'
      : state === null || state.status === 'unsupported'
        ? 'unsupported'
        : paused
          ? 'paused'
          : state.status === 'done'
            ? 'done'
            : 'scanning'; // scanning, or just resumed and about to scan
  const count = stateName === 'paused' || !state ? 0 : state.count;

  const togglePause = useCallback(async () => {
    if (!host) return;
    setBusy(true);
    try {
      await actions.setPaused(host, !paused);
      setSettings(await actions.settings());
    } finally {
      setBusy(false);
    }
  }, [actions, host, paused]);

  const statusText = {
    loading: t('status_loading'),
    unsupported: t('status_unsupported'),
    paused: t('status_paused'),
    scanning: count > 0 ? plural('status_count', count) : t('status_scanning'),
    done: count > 0 ? plural('status_count', count) : t('status_none'),
  }[stateName];

  return (
    <div class="popup">
      <header class="bar">
        <div class="brand">
          <Logo size={22} />
          <h1>{t('popupTitle')}</h1>
        </div>
        <nav class="bar-actions" aria-label={t('popup_nav')}>
          <button
            type="button"
            class="button-quiet"
            ref={aboutButton}
            aria-pressed={view === 'about'}
            onClick={() => setView(view === 'about' ? 'findings' : 'about')}
          >
            {t('popup_about')}
          </button>
          <button
            type="button"
            class="button-quiet"
            data-action="insights"
            onClick={() => actions.openInsights()}
          >
            {t('insights_open')}
          </button>
          <button type="button" class="button-quiet" onClick={() => actions.openOptions()}>
            {t('popup_settings')}
          </button>
        </nav>
      </header>

      <section class="site" aria-labelledby="site-status">
        <div class="site-text">
          {host && (
            <p class="host" dir="ltr">
              {host}
            </p>
          )}
          <p class="status" id="site-status" role="status" data-state={stateName} data-count={count}>
            {statusText}
          </p>
        </div>
        {host && stateName !== 'unsupported' && (
          <button
            type="button"
            class={paused ? 'button-primary pause' : 'button-secondary pause'}
            disabled={busy}
            onClick={togglePause}
          >
            {t(paused ? 'resume_site' : 'pause_site')}
          </button>
        )}
      </section>

      {count > 0 && (
        <p class="legend">
          <span class="legend-item">
            <span class="legend-dot red" aria-hidden="true" />
            {t('legend_red')}
          </span>
          <span class="legend-item">
            <span class="legend-dot amber" aria-hidden="true" />
            {t('legend_amber')}
          </span>
        </p>
      )}

      <p class="announce" aria-live="polite">
        {announcement}
      </p>

      <main class="content">
        {view === 'about' ? (
          <About
            onBack={() => {
              returning.current = true;
              setView('findings');
            }}
          />
        ) : (
          <FindingsView
            state={state}
            stateName={stateName}
            settings={settings}
            onShow={(finding) => {
              setAnnouncement('');
              void actions
                .show(finding.id)
                .catch(() => false)
                .then((shown) => setAnnouncement(shown ? '' : t('show_failed')));
            }}
            onCorrect={(finding, correction) => {
              setAnnouncement('');
              void actions
                .correct(finding, correction)
                .then(() => setAnnouncement(t('wrong_done')))
                .catch(() => setAnnouncement(t('wrong_failed')));
            }}
          />
        )}
      </main>

      <footer class="foot">{t('footer_privacy')}</footer>
    </div>
  );
}

/** The message shown instead of the list: loading, unsupported, paused, scanning or nothing found. */
function EmptyState({
  stateName,
  scope,
}: {
  stateName: StateName;
  scope: PopupSettings['scope'] | undefined;
}) {
  if (stateName === 'loading') return <p class="empty">{t('status_loading')}</p>;
  if (stateName === 'unsupported')
    return (
      <div class="empty" data-empty="unsupported">
        <p>{t('unsupported_text')}</p>
        <p class="hint">{t('unsupported_reload')}</p>
      </div>
    );
  if (stateName === 'paused')
    return (
      <div class="empty" data-empty="paused">
        <p>{t('paused_text')}</p>
      </div>
    );
  return (
    <div class="empty" data-empty={stateName === 'scanning' ? 'scanning' : 'none'}>
      <p>{stateName === 'scanning' ? t('empty_scanning') : t('empty_none')}</p>
      {scope !== 'all' && <p class="hint">{t('empty_scope_hint')}</p>}
    </div>
  );
}

function FindingsView({
  state,
  stateName,
  settings,
  onShow,
  onCorrect,
}: {
  state: Loaded;
  stateName: StateName;
  settings: PopupSettings | null;
  onShow: (finding: FindingWire) => void;
  onCorrect: (finding: FindingWire, correction: Correction) => void;
}) {
  const listed = stateName === 'scanning' || stateName === 'done';
  const findings = listed ? (state?.findings ?? []) : [];
  // A mark's "Details" opened the popup: its finding stays the focused one while the popup is open.
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (state?.focus) setFocus(state.focus);
  }, [state?.focus]);
  // The list element stays in place while empty, so findings arrive into a mounted list.
  return (
    <>
      {findings.length === 0 && <EmptyState stateName={stateName} scope={settings?.scope} />}
      <h2 class="visually-hidden" hidden={findings.length === 0}>
        {t('findings_label')}
      </h2>
      <ol class="findings" aria-label={t('findings_label')} hidden={findings.length === 0}>
        {findings.map((f, i) => (
          <FindingCard
            key={f.id}
            finding={f}
            index={i}
            onShow={onShow}
            onCorrect={onCorrect}
            focused={f.id === focus}
          />
        ))}
      </ol>
    </>
  );
}
