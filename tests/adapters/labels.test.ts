/**
 * Native labels as platforms render them (utils/adapters/labels.ts): split words joined, split
 * letters rejoined without their decoys, aria-labelledby and aria-label read, duplicated copies read
 * once, and a post's own text never taken for a label.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  accessibleText,
  cleanLabel,
  isDecoy,
  isVisuallyHidden,
  labelsIn,
  labelText,
  referencedText,
  visibleText,
} from '@/utils/adapters/labels';

/** The element #root of a small page (the rest of the page holds aria-labelledby targets). */
const root = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root') as unknown as Element;
};

describe('labelsIn: a split label is read whole', () => {
  test.each([
    [
      'words split across spans, the brand in its own link',
      '<span><span>Paid </span><span>partner</span><span>ship with </span><a href="/canva/"><span>Canva</span></a></span>',
      'Paid partnership with Canva',
    ],
    [
      '"Paid partnership with" set straight in a box, the brand link in a block of its own',
      '<div>Paid partnership with <div><a href="/canva/">canva</a></div></div>',
      'Paid partnership with canva',
    ],
    [
      '"Promoted by" and the company in separate blocks',
      '<div><div><span>Promoted by</span></div><div><a href="/company/acme/">Acme Robotics</a></div></div>',
      'Promoted by Acme Robotics',
    ],
    [
      'Arabic words split across spans',
      '<span><span>شراكة </span><span>مدفوعة</span><span> مع </span><a href="/brand/">sahab.ai</a></span>',
      'شراكة مدفوعة مع sahab.ai',
    ],
    [
      'Facebook letters with decoys hidden every way',
      '<a href="/ads/about/"><span style="display:flex"><span>S</span><span style="position:absolute;top:3em">k</span><span>p</span><span>o</span><span style="display:none">z</span><span>n</span><span style="font-size:0">e</span><span>s</span><span>o</span><span style="opacity:0">a</span><span>r</span><span hidden>q</span><span>e</span><span style="visibility:hidden">t</span><span>d</span></span></a>',
      'Sponsored',
    ],
    [
      'the visible copy hidden from screen readers beside a visually hidden accessible copy',
      '<span class="update-components-actor__description"><span aria-hidden="true">Promoted<span> </span><svg aria-label="Visible to anyone"></svg></span><span class="visually-hidden">Promoted</span></span>',
      'Promoted',
    ],
    [
      'a bare text node beside icons',
      '<div class="sub-description">Promoted<span aria-hidden="true"><svg><use href="#i"></use></svg><svg><use href="#g"></use></svg><span> </span></span></div>',
      'Promoted',
    ],
    [
      'the label only in aria-label, on a box of icons',
      '<span aria-label="Promoted"><span aria-hidden="true"><svg></svg><span> </span><svg></svg><span> </span></span></span>',
      'Promoted',
    ],
    [
      'the label only in an icon’s name',
      '<span><svg role="img" aria-label="Sponsored"></svg></span>',
      'Sponsored',
    ],
    [
      'the real word behind aria-labelledby, its target out of view elsewhere',
      '<a aria-labelledby="t1" href="/ads/about/"><svg><use href="#SvgT9"></use></svg></a></div><div style="display:none"><span id="t1">Sponsored</span>',
      'Sponsored',
    ],
    [
      'aria-labelledby with several targets, in order',
      '<span aria-labelledby="p1 p2"></span><i id="p1" hidden>Paid</i><i id="p2" hidden>partnership</i>',
      'Paid partnership',
    ],
    [
      'two words set side by side with no space (blocks by CSS): the label still stands alone',
      '<span><span>Acme</span><span>Promoted</span></span>',
      'Promoted',
    ],
    [
      'a label followed by a separator and the time',
      '<span><span><a href="/business/help/">Paid partnership</a></span><span aria-hidden="true"> · </span><a href="/posts/1" aria-label="3 hours ago"><span>3h</span></a></span>',
      'Paid partnership',
    ],
  ])('%s', (_name, html, want) => {
    const labels = labelsIn(root(html));
    expect(labels).toContain(want);
  });
});

describe('labelsIn: no junk, no decoys, no post text', () => {
  test.each([
    [
      'no glued copies or fragments',
      '<span><span aria-hidden="true">Promoted</span><span class="visually-hidden">Promoted</span></span><span><span>Paid </span><span>partner</span><span>ship</span></span>',
      ['PromotedPromoted', 'partner', 'ship'],
    ],
    [
      'a word split in two is not a label by its first part',
      '<span><span>Ad</span><span>obe</span> <span>Express</span></span>',
      ['Ad', 'obe'],
    ],
    [
      'no decoy letters, no letters glued with decoys',
      '<span><span>S</span><span style="display:none">x</span><span>p</span><span>o</span><span>n</span><span>s</span><span>o</span><span>r</span><span>e</span><span>d</span></span>',
      ['Spxonsored', 'S', 'p'],
    ],
    [
      'a whole decoy word hidden from everyone',
      '<span><span style="display:none">Sponsored</span><a href="/posts/2" aria-label="2 hours ago">2h</a></span>',
      ['Sponsored'],
    ],
    [
      'a name given under aria-hidden is not announced',
      '<span aria-hidden="true"><svg aria-label="Sponsored"></svg></span><span>2h</span>',
      ['Sponsored'],
    ],
    ['counts and separators', '<span>1,402</span><span> · </span><span>12</span>', ['1,402', '·', '12']],
  ])('%s', (_name, html, unwanted) => {
    const labels = labelsIn(root(html));
    for (const u of unwanted) expect(labels).not.toContain(u);
  });

  test('a skipped post text is neither a label nor joined into one', () => {
    const el = root(
      '<span><span>Jo Marsh</span> <span class="post-text">Ad astra! rocket club launch day</span></span><div class="post-text">Sponsored by nobody, just happy</div>',
    );
    const labels = labelsIn(el, { skip: (n) => n.matches('.post-text') });
    expect(labels).toEqual(['Jo Marsh']);
  });

  test('long lines are not labels; their short parts are', () => {
    const el = root(
      `<span><span>Promoted</span> <span>${'a very long headline that goes on '.repeat(4)}</span></span>`,
    );
    const labels = labelsIn(el, { max: 40 });
    expect(labels).toContain('Promoted');
    expect(labels.every((l) => l.length <= 40)).toBe(true);
  });

  test('buttons and menus come last, and the limit holds', () => {
    const el = root(
      '<div role="button" aria-label="More options"><svg></svg></div><span>Sponsored</span><button aria-label="Follow">Follow</button>',
    );
    expect(labelsIn(el)).toEqual(['Sponsored', 'More options', 'Follow']);
    expect(labelsIn(el, { limit: 1 })).toEqual(['Sponsored']);
  });
});

describe('reading one label element', () => {
  test.each([
    // [html of #root's only child, accessible text, visible text]
    [
      '<span><span aria-hidden="true">Promoted •</span><span class="sr-only">Promoted</span></span>',
      'Promoted',
      'Promoted',
    ],
    ['<span aria-label="Sponsored"><svg></svg></span>', 'Sponsored', ''],
    ['<span><img alt="Sponsored"></span>', 'Sponsored', ''],
    ['<span><span>Ad</span><span style="position:absolute;top:3em">x</span></span>', 'Ad', 'Ad'],
    [
      '<span><span>Paid partnership</span><span aria-hidden="true"> · </span><span>2h</span></span>',
      // The hidden separator still separates (so the label alone can be told from the line).
      'Paid partnership · 2h',
      'Paid partnership · 2h',
    ],
    [
      '<span style="clip:rect(0 0 0 0);position:absolute;width:1px">Sponsored</span>',
      'Sponsored',
      'Sponsored',
    ],
  ])('%s', (html, accessible, visible) => {
    const el = root(html).firstElementChild!;
    expect(accessibleText(el)).toBe(accessible);
    expect(visibleText(el)).toBe(visible);
    expect(labelText(el)).toBe(accessible || visible);
  });

  test('aria-labelledby: targets in order, hidden ones too, missing ones skipped', () => {
    const el = root(
      '<a id="l" aria-labelledby="x missing y"></a><span id="x" style="display:none">Paid</span><div hidden><span id="y">partnership</span></div>',
    );
    expect(referencedText(el.querySelector('#l')!)).toBe('Paid partnership');
    expect(labelText(el.querySelector('#l')!)).toBe('Paid partnership');
  });

  test.each([
    ['<span style="display:none">x</span>', true],
    ['<span hidden>x</span>', true],
    ['<span style="position:absolute;top:3em">x</span>', true],
    ['<span style="font-size:0">x</span>', true],
    ['<span style="opacity:0">x</span>', true],
    ['<span style="width:0px">x</span>', true],
    ['<span style="opacity:0.5">x</span>', false],
    ['<span style="font-size:0.9em">x</span>', false],
    // A whole label in a positioned box is not a decoy; only letter-sized ones are.
    ['<span style="position:absolute">Sponsored</span>', false],
    // The accessible copy of a label is visually hidden, not a decoy.
    ['<span style="position:absolute;width:1px;height:1px;clip:rect(0 0 0 0)">Ad</span>', false],
    ['<span>x</span>', false],
  ])('isDecoy(%s) = %s', (html, want) => {
    expect(isDecoy(root(html).firstElementChild!)).toBe(want);
  });

  test.each([
    ['<span class="visually-hidden">x</span>', true],
    ['<span class="a11y-text sr-only">x</span>', true],
    ['<span class="screen-reader-text">x</span>', true],
    ['<span style="clip-path: inset(50%)">x</span>', true],
    ['<span class="hidden-xs">x</span>', false],
    ['<span>x</span>', false],
  ])('isVisuallyHidden(%s) = %s', (html, want) => {
    expect(isVisuallyHidden(root(html).firstElementChild!)).toBe(want);
  });

  test.each([
    ['Promoted •', 'Promoted'],
    ['  · Sponsored  ', 'Sponsored'],
    ['Paid\u00a0partnership\n with  Canva', 'Paid partnership with Canva'],
    ['\u2067تم الترويج\u2069 •', 'تم الترويج'],
  ])('cleanLabel(%j) = %j', (raw, want) => {
    expect(cleanLabel(raw)).toBe(want);
  });
});
