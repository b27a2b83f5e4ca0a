/**
 * The options page. Every change is saved at once through `updateSettings`, one after another
 * (a queue), so quick changes never overwrite each other; changes made elsewhere (the popup's
 * pause) show up here through the settings watcher.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyLanguage, type LanguagePreference, type MessageLoader, t } from '@/utils/i18n';
import { getSettings, type Settings, settingsItem, updateSettings } from '@/utils/settings';
import { extensionMemoryActions, type MemoryActions } from '@/utils/ui/memory-actions';
import { Backup } from './options/Backup';
import { Corrections } from './options/Corrections';
import { CustomRulesEditor } from './options/CustomRules';
import { Choice, Section } from './options/Field';
import { MemorySection } from './options/Memory';
import { PausedSites } from './options/PausedSites';
import { Reset } from './options/Reset';
import type { Save } from './options/save';
import { Logo } from './ui/Logo';

const SCOPES = ['ai', 'all'] as const;
const FAMILIES = ['disclosure', 'links', 'codes', 'pressure'] as const;

/** Language names are written in their own language, whatever the UI language. */
const LANGUAGES: { value: LanguagePreference; lang?: string; name?: string }[] = [
  { value: 'auto' },
  { value: 'en', lang: 'en', name: 'English' },
  { value: 'ar', lang: 'ar', name: 'العربية' },
];

export interface OptionsProps {
  /** Reads a locale's messages when the language is switched (tests pass their own). */
  loadMessages?: MessageLoader;
  /** Memory's ledger, notice and "Forget" (tests pass their own). */
  memoryActions?: MemoryActions;
}

export function Options({ loadMessages, memoryActions }: OptionsProps) {
  const memory = useMemo(() => memoryActions ?? extensionMemoryActions(), [memoryActions]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  const [, setLanguageVersion] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const appliedLanguage = useRef<LanguagePreference | null>(null);

  useEffect(() => {
    let alive = true;
    const read = () =>
      void getSettings().then((s) => {
        if (alive) setSettings(s);
      });
    read();
    const unwatch = settingsItem.watch(read);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  // The page was rendered in the stored language; later changes (here or in another tab) re-render.
  const language = settings?.language;
  useEffect(() => {
    if (!language) return;
    if (appliedLanguage.current === null || appliedLanguage.current === language) {
      appliedLanguage.current = language;
      return;
    }
    appliedLanguage.current = language;
    void applyLanguage(language, loadMessages).then(() => {
      document.title = t('optionsTitle');
      setLanguageVersion((n) => n + 1);
      setNotice(t('opt_saved'));
    });
  }, [language, loadMessages]);

  // The "Saved" note goes away after a moment (it stays in the status region long enough to be read).
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const save: Save = useCallback((change, message) => {
    const run = queue.current.then(async () => {
      const next = await updateSettings(change(await getSettings()));
      setSettings(next);
      setNotice(message ?? t('opt_saved'));
      return next;
    });
    queue.current = run.catch(() => setNotice(t('opt_save_failed')));
    return run;
  }, []);

  if (!settings) return null;
  const toggle = (key: 'countPromotion' | 'marks' | 'badge') => (on: boolean) =>
    void save(() => ({ [key]: on }));

  return (
    <div class="options">
      <header class="page-head">
        <Logo size={40} />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="lead">{t('privacyPromise')}</p>
        </div>
      </header>

      <main>
        <Section id="count" title={t('opt_count_title')}>
          <fieldset>
            <legend>{t('opt_scope_legend')}</legend>
            {SCOPES.map((scope) => (
              <Choice
                key={scope}
                type="radio"
                name="scope"
                setting={`scope.${scope}`}
                label={t(`opt_scope_${scope}`)}
                hint={t(`opt_scope_${scope}_hint`)}
                checked={settings.scope === scope}
                onChange={(on) => on && void save(() => ({ scope }))}
              />
            ))}
          </fieldset>
          <Choice
            setting="countPromotion"
            label={t('opt_promotion')}
            hint={t('opt_promotion_hint')}
            checked={settings.countPromotion}
            onChange={toggle('countPromotion')}
          />
          <fieldset>
            <legend>{t('opt_families_legend')}</legend>
            <p class="hint">{t('opt_families_hint')}</p>
            {FAMILIES.map((family) => (
              <Choice
                key={family}
                setting={`families.${family}`}
                label={t(`opt_family_${family}`)}
                hint={t(`opt_family_${family}_hint`)}
                checked={settings.families[family]}
                onChange={(on) => void save((s) => ({ families: { ...s.families, [family]: on } }))}
              />
            ))}
          </fieldset>
        </Section>

        <Section id="display" title={t('opt_display_title')}>
          <Choice
            setting="marks"
            label={t('opt_marks')}
            hint={t('opt_marks_hint')}
            checked={settings.marks}
            onChange={toggle('marks')}
          />
          <Choice
            setting="badge"
            label={t('opt_badge')}
            checked={settings.badge}
            onChange={toggle('badge')}
          />
        </Section>

        <Section id="language" title={t('opt_language_title')}>
          <div class="field">
            <label for="language-select">{t('opt_language_label')}</label>
            <select
              id="language-select"
              value={settings.language}
              onChange={(e) => {
                const value = e.currentTarget.value as LanguagePreference;
                void save(() => ({ language: value }));
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l.value} value={l.value} lang={l.lang}>
                  {l.name ?? t('opt_language_auto')}
                </option>
              ))}
            </select>
          </div>
        </Section>

        <MemorySection memory={settings.memory} save={save} actions={memory} announce={setNotice} />
        <PausedSites sites={settings.pausedSites} save={save} />
        <Corrections feedback={settings.feedback} save={save} />
        <CustomRulesEditor rules={settings.customRules} save={save} />
        <Backup settings={settings} save={save} />
        <Reset save={save} />
      </main>

      <p class="notice" role="status">
        {notice}
      </p>
    </div>
  );
}
