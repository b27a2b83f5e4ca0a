/**
 * Long articles about ads, sponsorship deals and FOMO (the project's own fixtures, written in the
 * manner of the articles Basira started from). Talking about sponsorship is not sponsorship: every
 * block is `mention` or `none`, except the unlabelled AI-service ad that closes the ethics essay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plainTextItems } from '@/utils/adapters/plain-text';
import { analyzePage } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';

const ARTICLES = join(__dirname, '../fixtures/articles');
const AD = /Launch your AI-powered sales team/;
const files = readdirSync(ARTICLES).filter((f) => f.endsWith('.txt'));

describe('articles about advertising', () => {
  test('the fixtures are there', () =>
    expect(files.sort()).toEqual(['ad-spend-news.txt', 'ethics-essay-with-ad.txt', 'fomo-essay.txt']));

  test.each(files)('%s: no block is flagged except the trailing ad', (file) => {
    const page = analyzePage(
      plainTextItems(readFileSync(join(ARTICLES, file), 'utf8'), null),
      bundledRules(),
    );
    const ads = page.items.filter((item) => AD.test(item.excerpt));
    expect(ads).toHaveLength(file === 'ethics-essay-with-ad.txt' ? 1 : 0);
    for (const item of page.items) {
      if (ads.includes(item)) {
        expect(item.verdict, item.excerpt).toBe('promotion');
        expect(item.topic).toBe('ai');
      } else {
        expect(['mention', 'none'], `${item.verdict}: ${item.excerpt}`).toContain(item.verdict);
      }
    }
    expect(page.verdict).toBe(
      ads.length ? 'promotion' : page.items.some((i) => i.verdict === 'mention') ? 'mention' : 'none',
    );
  });
});
