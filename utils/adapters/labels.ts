/**
 * Native labels ("Promoted", "Paid partnership with Canva", "Sponsored", "إعلان") read the way
 * platforms render them: words split across elements (the brand in its own link), letters split
 * across spans with hidden decoys, the real text behind `aria-labelledby` or only in `aria-label`,
 * a visible copy hidden from screen readers beside an accessible copy hidden from sight. Every
 * adapter that reads labels reads them here. Works without layout (the CLI's parsed pages) and, on
 * a live page, also asks the browser whether a decoy letter is rendered.
 */
import { BLOCK_TAGS, SKIP_TAGS } from '../dom/text';

/** Class names of the "visually hidden" pattern: read by screen readers, not shown. */
const SR_ONLY_CLASS =
  /(?:^|\s)(?:visually-hidden|visuallyhidden|sr-only|sr-only-text|screen-reader-text|screen-reader-only|a11y-hidden|a11y-text|u-hidden-visually|hidden-visually|assistive-text)(?:\s|$)/i;
/** Elements whose content is never a label's text; buttons are read (some labels are buttons). */
const NOT_TEXT: ReadonlySet<string> = new Set([...SKIP_TAGS].filter((t) => t !== 'BUTTON'));
/** Elements a label's text never runs across (line breaks count as spaces, not as new lines). */
const LINE_BREAKS = new Set(['BR', 'WBR']);
/** A label's last word that needs the next part to be whole: "Paid partnership with" + "Canva". */
const CONNECTOR =
  /(?:^|\s)(?:with|by|from|mit|von|avec|par|de|con|por|da|door|przez|tarafından|مع|بواسطة|من|برعاية)$/iu;
const INTERACTIVE =
  'button, [role="button"], [role="menu"], [role="menuitem"], [role="toolbar"], input, select, textarea';

/** Not rendered at all: `hidden`, `display: none`, `visibility: hidden`. */
function notRendered(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)/i.test(style);
}

/** Whether an element or one of its ancestors is not rendered (an aria-labelledby target kept out of view). */
function hiddenWithin(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) if (notRendered(p)) return true;
  return false;
}

/** Hidden from sight but read by screen readers: the accessible duplicate of a label. */
export function isVisuallyHidden(el: Element): boolean {
  if (SR_ONLY_CLASS.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  return style !== null && /\bclip\s*:\s*rect|clip-path\s*:\s*inset\(\s*50%/i.test(style);
}

/** Whether decoys may be found by asking the browser for computed style (see withComputedStyle). */
let askBrowser = false;

/**
 * Runs `read` with decoys also found through the browser's computed style (decoys hidden only by
 * a page stylesheet). Only an adapter whose platform hides letters so (Facebook) asks, and only for
 * its label areas: on a page whose style or layout is not computed yet (a background tab, a
 * 5,000-deep tree) one such question costs the whole page's layout.
 */
export function withComputedStyle<T>(read: () => T): T {
  askBrowser = true;
  try {
    return read();
  } finally {
    askBrowser = false;
  }
}

/**
 * A decoy: rendered, never seen (Facebook's split "Sponsored" hides extra letters this way): by its
 * inline style, or inside withComputedStyle by what the browser says of a letter-sized leaf.
 */
export function isDecoy(el: Element): boolean {
  if (notRendered(el)) return true;
  // Only letter-sized leaves: a whole label may sit in a positioned or fading box.
  if (el.firstElementChild) return false;
  const text = el.textContent ?? '';
  if (text.length > 3 || !text.trim()) return false;
  const style = el.getAttribute('style');
  if (
    style !== null &&
    /font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])|(?<![-\w])(?:width|height)\s*:\s*[01]px|position\s*:\s*(?:absolute|fixed)/i.test(
      style,
    ) &&
    !isVisuallyHidden(el)
  )
    return true;
  const check = (el as HTMLElement).checkVisibility;
  return (
    askBrowser &&
    typeof check === 'function' &&
    el.isConnected &&
    !check.call(el, { opacityProperty: true, visibilityProperty: true })
  );
}

type View = 'accessible' | 'visible';

interface ReadOptions {
  /** Subtrees left out (a post's own text, the author name). */
  skip?: ((el: Element) => boolean) | undefined;
  /** Inside an aria-labelledby target: references are not followed again. */
  inReference?: boolean;
}

/** Collapses whitespace and trims separators ("Promoted •" → "Promoted"). */
export function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u00a0\u200b-\u200f\u2066-\u2069]+/g, ' ')
    .replace(/^[\s•·|:;,–—-]+|[\s•·|:;,–—-]+$/g, '')
    .trim();
}

/** Text of `nodes` as one view sees it: what a screen reader reads, or what the eye sees. */
function readNodes(nodes: Iterable<Node>, view: View, opts: ReadOptions, out: string[]): void {
  for (const node of nodes) {
    if (out.length > 400) return;
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (opts.skip?.(el)) continue;
    const ariaHidden = el.getAttribute('aria-hidden') === 'true';
    if (NOT_TEXT.has(el.tagName)) {
      // An icon or image that names itself ("Sponsored" drawn as an SVG with a label).
      if (view === 'accessible' && !ariaHidden) {
        const name = el.getAttribute('aria-label') || (el.tagName === 'IMG' ? el.getAttribute('alt') : '');
        if (name) out.push(` ${name} `);
      }
      continue;
    }
    if (isDecoy(el)) continue;
    if (view === 'accessible') {
      if (ariaHidden) {
        // A hidden separator (" · ") still separates two parts; a hidden letter did not.
        const t = el.textContent ?? '';
        if (t.trim() && !/[\p{L}\p{N}]/u.test(t)) out.push(` ${t.trim()} `);
        else if (t.length > 3 || !/\p{L}/u.test(t)) out.push(' ');
        continue;
      }
      const named = explicitName(el, opts);
      if (named) {
        out.push(` ${named} `);
        continue;
      }
    } else if (isVisuallyHidden(el)) continue;
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) out.push(' ');
    readNodes(el.childNodes, view, opts, out);
    if (block) out.push(' ');
  }
}

/** The name an element gives itself: its aria-labelledby targets, else its aria-label. */
function explicitName(el: Element, opts: ReadOptions): string {
  if (!opts.inReference) {
    const referenced = referencedText(el);
    if (referenced) return referenced;
  }
  return cleanLabel(el.getAttribute('aria-label') ?? '');
}

/**
 * The text of an element's aria-labelledby targets, in order: where obfuscated labels keep their
 * real words. A target hidden from everyone still names (that is how the pattern is used).
 */
export function referencedText(el: Element): string {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).slice(0, 6);
  if (ids.length === 0) return '';
  const root = el.getRootNode?.() as Partial<Document> | undefined;
  const parts: string[] = [];
  for (const id of ids) {
    const target =
      (typeof root?.getElementById === 'function' ? root.getElementById(id) : null) ??
      el.ownerDocument?.getElementById(id);
    if (!target || target === el) continue;
    const out: string[] = [];
    if (hiddenWithin(target)) out.push(target.textContent ?? '');
    else readNodes(target.childNodes, 'accessible', { inReference: true }, out);
    parts.push(out.join(''));
  }
  return cleanLabel(parts.join(' '));
}

function viewOf(nodes: Iterable<Node>, view: View, opts: ReadOptions): string {
  const out: string[] = [];
  readNodes(nodes, view, opts, out);
  return cleanLabel(out.join(''));
}

/** The text a screen reader announces for an element: aria-labelledby, aria-label, else its content. */
export function accessibleText(el: Element, skip?: (el: Element) => boolean): string {
  return explicitName(el, {}) || viewOf(el.childNodes, 'accessible', { skip });
}

/** The text the eye sees in an element: decoys and visually hidden duplicates left out. */
export function visibleText(el: Element, skip?: (el: Element) => boolean): string {
  return viewOf(el.childNodes, 'visible', { skip });
}

/** Both readings of one label element, accessible first, without repeats or empties. */
export function labelTexts(el: Element, skip?: (el: Element) => boolean): string[] {
  const a = accessibleText(el, skip);
  const v = visibleText(el, skip);
  return [...new Set([a, v].filter(Boolean))];
}

/** The one text of a label element: what a screen reader announces, else what is seen. */
export function labelText(el: Element): string {
  return labelTexts(el)[0] ?? '';
}

/** Whether a short text can be a label: has a letter, is not a count or a lone separator. */
function acceptable(t: string, max: number): boolean {
  return t.length >= 2 && t.length <= max && /\p{L}/u.test(t);
}

/** No element under `el` starts a new line (a label's parts on one line run together). */
function inlineOnly(el: Element, opts: ReadOptions, memo: Map<Element, boolean>): boolean {
  const known = memo.get(el);
  if (known !== undefined) return known;
  let inline = true;
  for (const c of el.children) {
    if (opts.skip?.(c) || NOT_TEXT.has(c.tagName) || notRendered(c)) continue;
    if ((BLOCK_TAGS.has(c.tagName) && !LINE_BREAKS.has(c.tagName)) || !inlineOnly(c, opts, memo)) {
      inline = false;
      break;
    }
  }
  memo.set(el, inline);
  return inline;
}

/** The visible text of a sibling node: a text node's value, an inline element's visible text. */
function siblingText(n: Node | null): string | null {
  if (!n) return null;
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.nodeType !== 1) return '';
  const el = n as Element;
  if (BLOCK_TAGS.has(el.tagName)) return null;
  if (NOT_TEXT.has(el.tagName) || isDecoy(el)) return '';
  const out: string[] = [];
  readNodes(el.childNodes, 'visible', {}, out);
  return out.join('');
}

/** Whether an element holds part of a word ("partner" of "partner"+"ship"), glued to a sibling. */
function isFragment(el: Element): boolean {
  const own = siblingText(el);
  if (!own?.trim()) return false;
  const near = (step: (n: Node) => Node | null) => {
    for (let n = step(el); n; n = step(n)) {
      const t = siblingText(n);
      if (t === null) return '';
      if (t) return t;
    }
    return '';
  };
  // Two parts that touch without a space, one of them a short stub ("partner"+"ship", "Ad"+"obe"):
  // two whole words set side by side ("Sponsored"+"Follow") are not fragments.
  const head = (t: string) => t.match(/^[\p{L}\p{N}]+/u)?.[0].length ?? 0;
  const tail = (t: string) => t.match(/[\p{L}\p{N}]+$/u)?.[0].length ?? 0;
  const glued = (left: string, right: string) => {
    // A change of case ("Acme"+"Promoted", "Ad"+"Follow") starts a new word.
    const newWord = /\p{Ll}$/u.test(left) && /^\p{Lu}/u.test(right);
    return tail(left) > 0 && head(right) > 0 && Math.min(tail(left), head(right)) <= 4 && !newWord;
  };
  return (
    glued(
      near((n) => n.previousSibling),
      own,
    ) ||
    glued(
      own,
      near((n) => n.nextSibling),
    )
  );
}

export interface LabelOptions {
  /** Subtrees that are not labels (the post's text, the author's name): neither read nor joined. */
  skip?: (el: Element) => boolean;
  /** The longest label, in characters. */
  max?: number;
  /** How many labels at most. */
  limit?: number;
}

/**
 * Short texts under `root` that may be native labels, in document order, each read whole: a line's
 * parts joined ("Paid partnership with" + <a>Canva</a>), split letters rejoined without their
 * decoys, aria-labelledby targets and aria-labels read, the accessible and the visible copy of a
 * duplicated label each once, a label ending in "with"/"by"/"مع" joined to the part after it.
 * Texts from buttons and menus come last. Nothing under `skip` is read, so a post's own text
 * never becomes a label.
 */
export function labelsIn(root: Element, opts: LabelOptions = {}): string[] {
  const max = opts.max ?? 40;
  const limit = opts.limit ?? 12;
  const read: ReadOptions = { skip: opts.skip };
  const memo = new Map<Element, boolean>();
  // `run`: read from a run of inline parts of `el`, not from all of it.
  const found: { text: string; el: Element; interactive: boolean; run?: boolean }[] = [];
  const seen = new Set<string>();
  const add = (raw: string, el: Element, interactive: boolean, run = false) => {
    const text = cleanLabel(raw);
    if (!acceptable(text, max) || seen.has(text)) return;
    // A cut label whose whole line was already read ("Paid partnership with" of "Paid partnership
    // with Canva") adds nothing.
    if (
      CONNECTOR.test(text) &&
      found.some((f) => f.el !== el && f.el.contains(el) && f.text.startsWith(`${text} `))
    )
      return;
    seen.add(text);
    // A label read with the line's next part ("Paid partnership · 3h") gives way to the label alone.
    const isWider = (f: (typeof found)[number]) =>
      f.el !== el &&
      f.el.contains(el) &&
      f.text.startsWith(text) &&
      /^\s*[·•|]/.test(f.text.slice(text.length));
    const wider = found.findIndex(isWider);
    if (wider < 0) {
      found.push({ text, el, interactive, run });
      return;
    }
    found[wider] = { text, el, interactive, run };
    for (let i = found.length - 1; i > wider; i--) if (isWider(found[i]!)) found.splice(i, 1);
  };
  const isInteractive = (el: Element) => {
    const hit = el.closest(INTERACTIVE);
    return hit !== null && (hit === root || root.contains(hit));
  };
  // `unheard`: under aria-hidden, where names given only to screen readers do not apply.
  const walk = (el: Element, pieces: boolean, unheard: boolean) => {
    if (found.length >= limit * 3) return;
    if (el !== root && opts.skip?.(el)) return;
    const hiddenHere = unheard || el.getAttribute('aria-hidden') === 'true';
    if (NOT_TEXT.has(el.tagName)) {
      const name = el.getAttribute('aria-label');
      if (name && !hiddenHere && pieces) add(name, el, isInteractive(el));
      return;
    }
    if (isDecoy(el)) return;
    const interactive = isInteractive(el);
    if (pieces && !hiddenHere && el.hasAttribute('aria-labelledby')) add(referencedText(el), el, interactive);
    let childPieces = pieces;
    let line = false;
    // Too long to be a label: no need to read it whole, only its parts.
    const short = (el.textContent ?? '').length <= max * 4;
    if (inlineOnly(el, read, memo)) {
      if (pieces) {
        // A long line is read only for the name it gives itself (its aria-labelledby was read above).
        const a = hiddenHere
          ? ''
          : short
            ? accessibleText(el, opts.skip)
            : cleanLabel(el.getAttribute('aria-label') ?? '');
        const v = short ? visibleText(el, opts.skip) : '';
        add(a, el, interactive);
        add(v, el, interactive);
        // One word (split letters, "Spon"+"sored"): its parts are not labels. Words set side by
        // side with no space but a change of case ("AcmePromoted") are two.
        if (short && !/\s|\p{Ll}\p{Lu}/u.test(v || a)) childPieces = false;
        line = short;
      }
    } else {
      const name = el.getAttribute('aria-label');
      if (pieces && name && !hiddenHere) add(name, el, interactive);
      // Words set straight in a box beside blocks, with the inline parts around them ("Paid
      // partnership with <a>Canva</a>" in a div): no walk below reads a bare text node. Runs end at
      // blocks and at buttons. Runs of elements alone are read element by element, and joined
      // after a connector word below.
      if (pieces && short) {
        let run: Node[] = [];
        const flush = () => {
          if (run.some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim())) {
            if (!hiddenHere) add(viewOf(run, 'accessible', read), el, interactive, true);
            add(viewOf(run, 'visible', read), el, interactive, true);
          }
          run = [];
        };
        for (const c of el.childNodes) {
          const tag = c.nodeType === 1 ? (c as Element).tagName : '';
          if ((BLOCK_TAGS.has(tag) && !LINE_BREAKS.has(tag)) || (tag && (c as Element).matches(INTERACTIVE)))
            flush();
          else run.push(c);
        }
        flush();
      }
    }
    // In a line read whole, a part of a word is not a label of its own.
    for (const c of el.children) walk(c, childPieces && !(line && isFragment(c)), hiddenHere);
  };
  walk(root, true, false);
  // A label cut after its connector word is joined to the next part outside it, across blocks too.
  const joined: typeof found = [];
  for (let i = 0; i < found.length; i++) {
    const cur = found[i]!;
    joined.push(cur);
    if (!CONNECTOR.test(cur.text)) continue;
    // The next part in document order, outside the cut label (a run's next part may be its box's child).
    const next = found
      .slice(i + 1)
      .find(
        (f) =>
          (cur.run || !cur.el.contains(f.el)) &&
          !f.el.contains(cur.el) &&
          (cur.interactive || !f.interactive),
      );
    const text = next ? `${cur.text} ${next.text}` : '';
    if (next && acceptable(text, max) && !seen.has(text)) {
      seen.add(text);
      joined[joined.length - 1] = { text, el: cur.el, interactive: cur.interactive };
    }
  }
  return [...joined.filter((f) => !f.interactive), ...joined.filter((f) => f.interactive)]
    .slice(0, limit)
    .map((f) => f.text);
}
