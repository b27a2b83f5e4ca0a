/**
 * Back up and restore: every setting in one file (choices, paused sites, own rules, corrections),
 * so a person's corrections and rules travel to another browser. Restoring is checked whole
 * before anything is saved; its lists are added to the ones here (see utils/settings-file.ts).
 */
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import {
  describeSettingsError,
  exportSettings,
  importSettings,
  MAX_SETTINGS_BYTES,
} from '@/utils/settings-file';
import { Section } from './Field';
import { downloadText, FileRow, type ImportOutcome } from './FileIO';
import type { Save } from './save';

export function Backup({ settings, save }: { settings: Settings; save: Save }) {
  const onImport = async (raw: string): Promise<ImportOutcome> => {
    const check = importSettings(settings, raw);
    if (!check.ok) return { ok: false, error: describeSettingsError(check.error, t) };
    let outcome: ImportOutcome = { ok: false, error: '' };
    await save((current) => {
      // Applied to the latest stored settings, not the ones this page rendered.
      const r = importSettings(current, raw);
      outcome = r.ok
        ? { ok: true, message: t('opt_backup_ok') }
        : { ok: false, error: describeSettingsError(r.error, t) };
      return r.ok ? r.settings : {};
    });
    return outcome;
  };
  return (
    <Section id="backup" title={t('opt_backup_title')} hint={t('opt_backup_hint')}>
      <FileRow
        name="backup"
        importLabel={t('opt_backup_import')}
        importHint={t('opt_backup_import_hint')}
        failed={t('opt_backup_failed')}
        maxBytes={MAX_SETTINGS_BYTES}
        tooBig={describeSettingsError({ code: 'too-big', maxKb: MAX_SETTINGS_BYTES / 1024 }, t)}
        onImport={onImport}
      >
        <button
          type="button"
          class="button-secondary export"
          onClick={() => downloadText('basira-settings.json', exportSettings(settings))}
        >
          {t('opt_backup_export')}
        </button>
      </FileRow>
    </Section>
  );
}
