/**
 * User settings: one versioned WXT storage item. Reads are parsed field by field, so a corrupt or
 * partial value keeps every valid field and falls back to defaults only where it must.
 */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { CustomRulesSchema } from './custom-rules';
import { type CueKind, kindsOfFamily } from './engine/cues/kinds';
import { EMPTY_CUSTOM_RULES } from './engine/custom';
import { coerceFeedback, EMPTY_FEEDBACK, FeedbackSchema } from './feedback';
import { pausedHere } from './ui/hosts';

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
  /** Which cue families count (AI-product recognition always does). */
  families: z.strictObject({
    disclosure: z.boolean(),
    links: z.boolean(),
    codes: z.boolean(),
    pressure: z.boolean(),
  }),
  customRules: CustomRulesSchema,
  /** "This is wrong": hidden posts, authors muted for a product, rules reported as noisy. */
  feedback: FeedbackSchema,
  /** Memory on the device (utils/memory): what earlier posts teach about the next. */
  memory: z.strictObject({
    /** False pauses it: nothing new is remembered (what is remembered still counts). */
    on: z.boolean(),
    /** Entries older than this many days are forgotten. */
    retentionDays: z.number().check(z.int(), z.gte(1), z.lte(3650)),
    /** Keep each post's address and excerpt (off: the host and the post's id only). */
    keepPages: z.boolean(),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  scope: 'ai',
  countPromotion: true,
  marks: true,
  badge: true,
  pausedSites: [],
  language: 'auto',
  families: { disclosure: true, links: true, codes: true, pressure: true },
  customRules: EMPTY_CUSTOM_RULES,
  feedback: EMPTY_FEEDBACK,
  memory: { on: true, retentionDays: 90, keepPages: false },
};

export function disabledKinds(settings: Settings): Set<CueKind> {
  const off = new Set<CueKind>();
  for (const [family, on] of Object.entries(settings.families) as [keyof Settings['families'], boolean][]) {
    if (!on) for (const kind of kindsOfFamily(family)) off.add(kind);
  }
  return off;
}

export const SETTINGS_VERSION = 2;

/** Migrations between stored versions; each is tested. v1 had no families and no custom rules. */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> =
  {
    2: (old) => ({ ...old, families: DEFAULT_SETTINGS.families, customRules: EMPTY_CUSTOM_RULES }),
  };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Keeps each valid entry of each custom-rule list; drops only the broken ones. */
function coerceCustomRules(raw: unknown): Settings['customRules'] {
  const out = { phrases: [], products: [], links: [] } as Settings['customRules'];
  if (!isRecord(raw)) return out;
  const shape = CustomRulesSchema.def.shape;
  for (const key of ['phrases', 'products', 'links'] as const) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    const item = shape[key].def.element as z.ZodMiniType;
    (out[key] as unknown[]) = list
      .flatMap((entry) => {
        const parsed = z.safeParse(item, entry);
        return parsed.success ? [parsed.data] : [];
      })
      .slice(0, 500);
  }
  return out;
}

/**
 * Keeps every field of `raw` that is valid and takes the default for the rest, so a corrupt or
 * old value never costs the person their other settings.
 */
export function coerceSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (!isRecord(raw)) return out as Settings;
  const shape = SettingsSchema.def.shape as Record<string, z.ZodMiniType>;
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (key === 'customRules') {
      out[key] = coerceCustomRules(value);
      continue;
    }
    if (key === 'feedback') {
      out[key] = coerceFeedback(value);
      continue;
    }
    if (key === 'pausedSites') {
      // One broken entry drops only itself; past the limit, the oldest 5,000 are kept.
      if (Array.isArray(value)) {
        out[key] = value
          .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 253)
          .slice(0, 5000);
      }
      continue;
    }
    if (key === 'memory' && isRecord(value)) {
      // Each valid field is kept on its own: a bad retention never switches memory back on.
      const shape = SettingsSchema.def.shape.memory.def.shape as Record<string, z.ZodMiniType>;
      out[key] = Object.fromEntries(
        Object.entries(DEFAULT_SETTINGS.memory).map(([f, d]) => {
          const parsed = z.safeParse(shape[f]!, value[f]);
          return [f, parsed.success ? parsed.data : d];
        }),
      );
      continue;
    }
    if (key === 'families' && isRecord(value)) {
      out[key] = Object.fromEntries(
        Object.entries(DEFAULT_SETTINGS.families).map(([f, d]) => [
          f,
          typeof value[f] === 'boolean' ? value[f] : d,
        ]),
      );
      continue;
    }
    const parsed = z.safeParse(shape[key]!, value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS as never,
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
  return pausedHere(settings.pausedSites, hostname);
}
