/**
 * Plain text (saved `.txt` pages): paragraphs become items. Consecutive short lines in the same
 * script are one block (a teaser, an ad's three lines); long lines stand alone.
 */
import { hashId } from '../dom/text';
import { countArabic } from '../engine/arabic';
import type { ItemInput } from '../engine/types';

const SHORT_LINE = 160;
const LATIN = /[A-Za-z]/g;

function script(line: string): 'ar' | 'latin' | 'other' {
  const ar = countArabic(line);
  const la = line.match(LATIN)?.length ?? 0;
  if (ar === 0 && la === 0) return 'other';
  return ar >= la ? 'ar' : 'latin';
}

export function splitPlainText(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let currentScript: string | null = null;
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
    currentScript = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const s = script(line);
    const short = line.length <= SHORT_LINE;
    if (!short) {
      flush();
      blocks.push(line);
      continue;
    }
    if (currentScript !== null && s !== currentScript) flush();
    current.push(line);
    currentScript = s;
  }
  flush();
  return blocks;
}

export function plainTextItems(text: string, url: string | null): ItemInput[] {
  return splitPlainText(text).map((block, i) => ({
    id: `t-${i}-${hashId(block.slice(0, 200))}`,
    text: block,
    links: [],
    labels: [],
    lang: null,
    url,
    platform: 'generic',
    author: null,
  }));
}
