/**
 * User settings: one versioned WXT storage item. Reads are parsed field by field, so a corrupt or
 * partial value keeps every valid field and falls back to defaults only where it must.
 */

import * as z from 'zod/mini';
import { storage } from '#imports';

export const SettingsSchema = z.object({
  /** `ai`: count AI-product promotion only (default); `all`: all sponsored content. */
  scope: z.enum(['ai', 'all']),
  /** Whether `promotion` (hype, calls to action without a tie) counts on the badge. */
  countPromotion: z.boolean(),
  marks: z.boolean(),
  badge: z.boolean(),
  /** Hostnames where Basira does not scan. */
  pausedSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(5000)),
  /** UI language override; `auto` follows the browser. */
  language: z.enum(['auto', 'en', 'ar']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  scope: 'ai',
  countPromotion: true,
  marks: true,
  badge: true,
  pausedSites: [],
  language: 'auto',
};

/** Keeps every field of `raw` that is valid and takes the default for the rest. */
export function coerceSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const shape = SettingsSchema.def.shape as Record<string, z.ZodMiniType>;
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      if (!Object.hasOwn(raw, key)) continue;
      const parsed = z.safeParse(shape[key]!, (raw as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return out as Settings;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = coerceSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function isPaused(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return settings.pausedSites.some((s) => host === s || host.endsWith(`.${s}`));
}
