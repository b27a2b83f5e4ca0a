/**
 * Every text colour pair the theme uses has a contrast of at least 4.5:1 (WCAG 2 AA), in the
 * light and the dark scheme; the focus ring at least 3:1 against the backgrounds it sits on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../components/theme.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]),
  );
}
const light = tokens(css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = {
  ...light,
  ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'), css.indexOf('/* Arabic'))),
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [text, background] pairs as the CSS uses them. */
const TEXT_PAIRS = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['fg', 'neutral-bg'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['link', 'bg'],
  ['link', 'surface'],
  ['link', 'neutral-bg'],
  ['red', 'red-bg'],
  ['amber', 'amber-bg'],
  ['neutral', 'neutral-bg'],
  ['mark-fg', 'mark-bg'],
  ['on-accent', 'accent'],
  ['on-danger', 'danger'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['ok', 'surface'],
  ['bg', 'fg'],
] as const;

describe.each([
  ['light', light],
  ['dark', dark],
])('%s scheme', (_name, scheme: Record<string, string>) => {
  test.each(TEXT_PAIRS)('%s on %s ≥ 4.5:1', (fg, bg) => {
    expect(scheme[fg], fg).toBeDefined();
    expect(scheme[bg], bg).toBeDefined();
    expect(contrast(scheme[fg]!, scheme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  test.each(['bg', 'surface'])('focus ring on %s ≥ 3:1', (bg) => {
    expect(contrast(scheme.focus!, scheme[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

test('the contrast formula matches known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});
