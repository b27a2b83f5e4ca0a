/** Sites where Basira does not scan: list, add (validated host names), remove. */
import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { normalizeSite } from '@/utils/ui/hosts';
import { AddForm, RemoveButton, Section } from './Field';
import type { Save } from './save';

const MAX_SITES = 5000;

export function PausedSites({ sites, save }: { sites: readonly string[]; save: Save }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const add = (e: Event) => {
    e.preventDefault();
    const host = normalizeSite(value);
    if (!host) return setError(value.trim() ? t('opt_err_host') : t('opt_err_required'));
    if (sites.includes(host)) return setError(t('opt_err_duplicate'));
    if (sites.length >= MAX_SITES) return setError(t('opt_err_limit'));
    setError('');
    setValue('');
    void save((s) => ({ pausedSites: [...s.pausedSites.filter((x) => x !== host), host] }));
  };
  const remove = (site: string) => {
    void save((s) => ({ pausedSites: s.pausedSites.filter((x) => x !== site) }));
    input.current?.focus(); // the button goes away; focus stays somewhere useful
  };

  return (
    <Section id="paused" title={t('opt_paused_title')} hint={t('opt_paused_hint')}>
      {sites.length === 0 ? (
        <p class="empty-list">{t('opt_paused_empty')}</p>
      ) : (
        <ul class="items" aria-label={t('opt_paused_title')}>
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="item-text" dir="ltr">
                {site}
              </span>
              <RemoveButton name={site} onClick={() => remove(site)} />
            </li>
          ))}
        </ul>
      )}
      <AddForm onSubmit={add} errorId={`${id}-error`} error={error}>
        <div class="field">
          <label for={id}>{t('opt_paused_add_label')}</label>
          <input
            id={id}
            ref={input}
            type="text"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </div>
      </AddForm>
    </Section>
  );
}
