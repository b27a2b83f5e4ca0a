/**
 * The five seed articles discuss ads, sponsorship deals and FOMO at length. Talking about
 * sponsorship is not sponsorship: every block is `mention` or `none`, except the unlabelled
 * English promotional block at the end of seed 001, an AI-service ad (`promotion`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plainTextItems } from '@/utils/adapters/plain-text';
import { analyzePage } from '@/utils/engine/analyze';

const SEEDS = join(__dirname, '../../../shared/seeds');
const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe.runIf(files.length > 0)('seed articles', () => {
  test.each(files)('%s: no block is flagged except the seed-001 ad', (file) => {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    const page = analyzePage(plainTextItems(text, null));
    for (const item of page.items) {
      const isAd = file.startsWith('001') && /Launch your AI-powered team/.test(item.excerpt);
      if (isAd) {
        expect(item.verdict, item.excerpt).toBe('promotion');
        expect(item.topic).toBe('ai');
      } else {
        expect(['mention', 'none'], `${item.verdict}: ${item.excerpt}`).toContain(item.verdict);
      }
    }
    expect(page.verdict).toBe(
      file.startsWith('001') ? 'promotion' : page.verdict === 'none' ? 'none' : 'mention',
    );
  });
  test('seed 001 has the ad block', () => {
    const text = readFileSync(join(SEEDS, files.find((f) => f.startsWith('001'))!), 'utf8');
    expect(plainTextItems(text, null).some((i) => i.text.includes('Launch your AI-powered team'))).toBe(true);
  });
});
