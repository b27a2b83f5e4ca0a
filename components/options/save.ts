/** What the options page hands its sections to save a change (shared, so no section imports the page). */
import type { Settings } from '@/utils/settings';

/** Applies a change computed from the latest stored settings; resolves with what was saved. */
export type Save = (change: (current: Settings) => Partial<Settings>, notice?: string) => Promise<Settings>;
