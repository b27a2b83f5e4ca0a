// What the browser tests expect, taken from the project's own TypeScript rather than a copy of it:
// the badge's rules (utils/scope.ts) under the default settings (utils/settings.ts), and the saved
// platform pages with their labels (tests/fixtures/pages). The modules load through tsx's import
// API (tsx is a devDependency), scoped to these imports: this works however the harness is run
// (`node --test`, `npm run bench`, `npm run demo`), with no loader flag and no build step.
import { tsImport } from 'tsx/esm/api';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const load = (path) => tsImport(path, import.meta.url);

const { badgeFor, counts } = await load('../../utils/scope.ts');
/** The platforms' domains (utils/adapters/domains.ts): where the platforms' content script runs. */
export const { PLATFORM_DOMAINS } = await load('../../utils/adapters/domains.ts');
// utils/settings.ts defines its WXT storage item as it loads, which needs an extension `browser`:
// here WXT's in-memory fake (the one the unit tests run on, tests/setup.ts), only while it loads.
globalThis.browser = fakeBrowser;
const { DEFAULT_SETTINGS } = await load('../../utils/settings.ts').finally(() => {
  delete globalThis.browser;
});

/** Whether the badge counts an item (a CLI item or a labelled one) under the default settings. */
export const countsOnBadge = (item) => counts(item.verdict, item.topic, DEFAULT_SETTINGS);

/** The badge for a page holding `items`: `{ text, color }`, color `'red' | 'amber' | null`. */
export const badgeOf = (items) => badgeFor(items.filter(countsOnBadge));

/**
 * The badge colours as Chromium reports them (`getBadgeBackgroundColor`): the colours
 * entrypoints/background.ts paints for `badgeFor`'s `color`.
 */
export const BADGE_RGBA = { red: [179, 38, 30, 255] };

/** The saved platform pages and their labels (tests/fixtures/pages/index.ts). */
export const { loadFixtures } = await load('../fixtures/pages/index.ts');

/** The toolbar button's English tooltip for a page holding `items` ("Basira: 1 undisclosed · 2 sponsored"). */
export function expectedTitle(items) {
  const counted = items.filter(countsOnBadge);
  const by = (v) => counted.filter((i) => i.verdict === v).length;
  const parts = [
    by('undisclosed') && `${by('undisclosed')} undisclosed`,
    by('sponsored') && `${by('sponsored')} sponsored`,
    by('promotion') && `${by('promotion')} promotion${by('promotion') === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return parts.length ? `Basira: ${parts.join(' · ')}` : 'Basira: nothing flagged on this page';
}
