import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { getSettings, type Settings, updateSettings } from '@/utils/settings';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
  }, []);
  if (!settings) return null;
  const set = (patch: Partial<Settings>) => void updateSettings(patch).then(setSettings);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('privacyPromise')}</p>
      <label>
        <input
          type="checkbox"
          checked={settings.scope === 'all'}
          onChange={(e) => set({ scope: e.currentTarget.checked ? 'all' : 'ai' })}
        />{' '}
        All sponsored content
      </label>
    </main>
  );
}
