/**
 * A backup of all the settings in one file: choices, paused sites, the person's own rules and
 * their corrections ("This is wrong"). Restoring parses the file with zod and refuses it whole,
 * naming the setting and the entry, on the first problem, so the settings are never half changed.
 * A restored file's choices replace the current ones; its lists are added to the current lists,
 * so restoring never loses a paused site, a rule or a correction, and restoring twice adds
 * nothing the second time.
 */
import * as z from 'zod/mini';
import { describeImportError, type ImportError, importError, mergeCustomRules } from './custom-rules';
import { mergeFeedback } from './feedback';
import { type Settings, SettingsSchema } from './settings';
import { normalizeSite } from './ui/hosts';

export const SETTINGS_FILE = { format: 'basira-settings', version: 1 } as const;
/** Big enough for every list full (5,000 sites, 1,500 rules, 5,000 corrections). */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

const SettingsFile = z.object({
  format: z.literal(SETTINGS_FILE.format),
  version: z.literal(SETTINGS_FILE.version),
  // A file from an older Basira may lack a setting: what is missing stays as it is here.
  settings: z.partial(SettingsSchema),
});

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ ...SETTINGS_FILE, settings }, null, 2)}\n`;
}

/** The settings a restore names: each has a name and an "allowed" text in the messages. */
const NAMED = [
  'scope',
  'countPromotion',
  'marks',
  'badge',
  'language',
  'families',
  'memory',
  'pausedSites',
  'feedback',
] as const;
type Named = (typeof NAMED)[number];
const FEEDBACK_LISTS = ['hidden', 'muted', 'noisy'] as const;

export type SettingsImportError =
  | { code: 'too-big'; maxKb: number }
  | { code: 'not-json' }
  | { code: 'rules-file' }
  | { code: 'not-settings-file' }
  | { code: 'bad-setting'; setting: Named; list?: (typeof FEEDBACK_LISTS)[number]; index?: number }
  | { code: 'rules'; error: ImportError };

export type SettingsImportResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: SettingsImportError };

function settingError(path: readonly PropertyKey[]): SettingsImportError {
  const [key, a, b] = path;
  if (key === 'customRules') return { code: 'rules', error: importError([{ path: path.slice(1) }], 'bad') };
  const setting = NAMED.find((n) => n === key);
  if (!setting) return { code: 'not-settings-file' };
  if (setting === 'feedback') {
    const list = FEEDBACK_LISTS.find((l) => l === a);
    return list
      ? { code: 'bad-setting', setting, list, ...(typeof b === 'number' ? { index: b } : {}) }
      : { code: 'bad-setting', setting };
  }
  return { code: 'bad-setting', setting, ...(typeof a === 'number' ? { index: a } : {}) };
}

/** Parses a backup and applies it to `current`; on any error `current` stays as it is. */
export function importSettings(current: Settings, raw: string): SettingsImportResult {
  if (raw.length > MAX_SETTINGS_BYTES)
    return { ok: false, error: { code: 'too-big', maxKb: MAX_SETTINGS_BYTES / 1024 } };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format === 'basira-custom-rules') return { ok: false, error: { code: 'rules-file' } };
  const parsed = z.safeParse(SettingsFile, data);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? [];
    return {
      ok: false,
      error:
        path[0] === 'settings' && path.length > 1
          ? settingError(path.slice(1))
          : { code: 'not-settings-file' },
    };
  }
  const file = parsed.data.settings;
  // A full address is reduced to its host, as the paused-sites form does.
  const sites: string[] = [];
  for (const [index, entry] of (file.pausedSites ?? []).entries()) {
    const host = normalizeSite(entry);
    if (!host) return { ok: false, error: { code: 'bad-setting', setting: 'pausedSites', index } };
    sites.push(host);
  }
  const rules = mergeCustomRules(current.customRules, file.customRules ?? current.customRules);
  if (!rules.ok) return { ok: false, error: { code: 'rules', error: rules.error } };
  const next: Settings = {
    ...current,
    ...(file.scope !== undefined && { scope: file.scope }),
    ...(file.countPromotion !== undefined && { countPromotion: file.countPromotion }),
    ...(file.marks !== undefined && { marks: file.marks }),
    ...(file.badge !== undefined && { badge: file.badge }),
    ...(file.language !== undefined && { language: file.language }),
    ...(file.families !== undefined && { families: file.families }),
    ...(file.memory !== undefined && { memory: file.memory }),
    pausedSites: [...new Set([...current.pausedSites, ...sites])].slice(0, 5000),
    customRules: rules.rules,
    feedback: file.feedback ? mergeFeedback(current.feedback, file.feedback) : current.feedback,
  };
  return { ok: true, settings: next };
}

/** A restore error in plain words, in the UI's language, naming the setting and what is allowed. */
export function describeSettingsError(
  e: SettingsImportError,
  t: (key: string, subs?: string | string[]) => string,
): string {
  switch (e.code) {
    case 'too-big':
    case 'not-json':
      return describeImportError(e, t);
    case 'rules':
      return describeImportError(e.error, t);
    case 'rules-file':
      return t('settings_err_rules_file');
    case 'not-settings-file':
      return t('settings_err_not_settings_file');
    case 'bad-setting': {
      const name = t(`settings_name_${e.list ? `feedback_${e.list}` : e.setting}`);
      const where = e.index === undefined ? name : t('settings_entry', [String(e.index + 1), name]);
      return t('settings_err_bad', [where, t(`settings_allowed_${e.setting}`)]);
    }
  }
}
