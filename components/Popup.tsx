import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { TabState } from '@/utils/protocol';

export interface PopupProps {
  load: () => Promise<TabState | null>;
}

export function Popup({ load }: PopupProps) {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      load()
        .then((s) => alive && setState(s))
        .catch(() => alive && setState(null));
    void refresh();
    const timer = setInterval(refresh, 1000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [load]);

  if (state === undefined) return <p class="status">{t('statusScanning')}</p>;
  if (state === null || state.status === 'unsupported') {
    return (
      <p class="status" data-state="unsupported">
        {t('statusUnsupported')}
      </p>
    );
  }
  const host = state.url ? new URL(state.url).hostname : '';
  const status =
    state.status === 'paused'
      ? t('statusPaused')
      : state.count === 0
        ? state.status === 'scanning'
          ? t('statusScanning')
          : t('statusNone')
        : t('statusDone', String(state.count));
  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        <p class="site">{host}</p>
        <p class="status" data-state={state.status} data-count={state.count}>
          {status}
        </p>
      </header>
      <ol class="findings">
        {state.findings.map((f) => (
          <li key={f.id} data-verdict={f.verdict} data-id={f.id}>
            <span class={`chip chip-${f.verdict}`}>{t(`verdict_${f.verdict}`)}</span>
            <p class="excerpt">{f.excerpt}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
