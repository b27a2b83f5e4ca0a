/** Reading pages: canonical addresses in saved and live pages, text capped without reading it all. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { canonicalUrl, textOf } from '@/utils/dom/text';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('canonicalUrl', () => {
  test.each([
    [
      '<html><head><link rel="canonical" href="https://a.example/1"></head><body></body></html>',
      'https://a.example/1',
    ],
    [
      '<html><head><meta property="og:url" content="https://a.example/2"></head><body></body></html>',
      'https://a.example/2',
    ],
    // Saved pages without a real head: the CLI's parser leaves these where they are.
    [
      '<html><link rel="canonical" href="https://a.example/3"><body><article>x</article></body></html>',
      'https://a.example/3',
    ],
    [
      '<html><head><title>t</title></head><link rel="canonical" href="https://a.example/4"><body></body></html>',
      'https://a.example/4',
    ],
    ['<!doctype html><meta property="og:url" content="https://a.example/5"><p>hi</p>', 'https://a.example/5'],
    ['<html><head><title>t</title></head><body><p>none</p></body></html>', null],
  ])('%s → %s', (html, want) => {
    expect(canonicalUrl(doc(html))).toBe(want);
  });

  test('the canonical link wins over og:url; headOnly looks nowhere else', () => {
    const d = doc(
      '<html><head><meta property="og:url" content="https://a.example/og"><link rel="canonical" href="https://a.example/c"></head></html>',
    );
    expect(canonicalUrl(d)).toBe('https://a.example/c');
    const stray = doc(
      '<html><head><title>t</title></head><body><link rel="canonical" href="https://a.example/x"></body></html>',
    );
    expect(canonicalUrl(stray, true)).toBeNull();
    expect(canonicalUrl(stray)).toBe('https://a.example/x');
  });
});

describe('textOf', () => {
  test('stops at 20,000 characters, also in a run of 50,000 siblings', () => {
    const d = doc(
      `<html><body><article><p>${'<span>word</span> '.repeat(50_000)}</p></article></body></html>`,
    );
    const text = textOf(d.querySelector('article')!);
    expect(text.length).toBe(20_000);
    expect(text.startsWith('word word')).toBe(true);
  });
});
