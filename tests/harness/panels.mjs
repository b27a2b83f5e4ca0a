// What a person sees of the marks' panels and of the explanations' mixed-direction text, for the
// Chromium (tests/browser/panels.test.mjs) and Firefox (tests/firefox/surfaces.test.mjs) suites.
// A mark lives in a closed shadow root, which page scripts cannot open: what is visible is found
// by hit-testing (both browsers), and the panel's words are read through CDP (Chromium) or found
// with the browser's own find-in-page, which searches closed shadow roots (Firefox).

/**
 * For each mark in document order, how many points of the viewport (every 8 px) show it: a chip
 * alone covers a few, an open panel many. A page function (Playwright and Puppeteer alike).
 */
export const markAreas = () => {
  const hosts = [...document.querySelectorAll('basira-mark')];
  const area = hosts.map(() => 0);
  for (let x = 2; x < innerWidth; x += 8)
    for (let y = 2; y < innerHeight; y += 8) {
      const i = hosts.indexOf(document.elementFromPoint(x, y));
      if (i >= 0) area[i]++;
    }
  return area;
};

/**
 * The marks whose panel is open: those that show on more than twice the points they show on with
 * every panel closed (`closed`, from `markAreas` then; an open panel covers many times its chip).
 */
export const openPanels = (areas, closed) => areas.flatMap((a, i) => (a > 2 * closed[i] + 4 ? [i] : []));

/**
 * Where each mark's chip is, in viewport coordinates (the middle of the points that show it), for
 * a click. Call it while every panel is closed.
 */
export const chipCentres = () => {
  const hosts = [...document.querySelectorAll('basira-mark')];
  const sums = hosts.map(() => ({ x: 0, y: 0, n: 0 }));
  for (let x = 1; x < innerWidth; x += 3)
    for (let y = 1; y < innerHeight; y += 3) {
      const i = hosts.indexOf(document.elementFromPoint(x, y));
      if (i >= 0) {
        sums[i].x += x;
        sums[i].y += y;
        sums[i].n++;
      }
    }
  return sums.map((s) => (s.n ? { x: s.x / s.n, y: s.y / s.n } : null));
};

/**
 * Mixed-direction text laid out wrong in `elements` (explanation lines): each run of Latin text in
 * them ("#ad", "Try it free today!", "jasper.ai") must be laid out left to right, its own
 * punctuation included (the "#" before the "a", the "!" after the "y"), in an Arabic line as in an
 * English one; without isolation an Arabic line moves them to the run's far side. Returns the problems and
 * how many runs in right-to-left lines were checked. Its source is evaluated in the page, so it
 * takes no closure.
 */
export function isolationProblems(elements) {
  const problems = [];
  let checked = 0;
  const LATIN = /[#@.,!?]*[A-Za-z](?:[A-Za-z0-9 .,'!?%&/+-]*[A-Za-z0-9.!?%])?/g;
  for (const element of elements) {
    const doc = element.ownerDocument;
    const rtl = doc.defaultView.getComputedStyle(element).direction === 'rtl';
    const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = doc.createRange();
    const rect = (node, i) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return [...range.getClientRects()].find((b) => b.width > 0) ?? null;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.nodeValue.matchAll(LATIN)) {
        if (rtl) checked++;
        // Character boxes in logical order, row by row: on each row, left to right.
        let prev = null;
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const ch = n.nodeValue[i];
          const r = /\s/.test(ch) ? null : rect(n, i);
          if (!r) continue;
          if (prev && Math.abs(r.top - prev.top) < r.height / 2 && r.left < prev.left - 0.5) {
            problems.push(`"${m[0]}": "${ch}" is laid out before "${prev.ch}"`);
            break;
          }
          prev = { top: r.top, left: r.left, ch };
        }
      }
    }
  }
  return { problems, checked };
}

/**
 * Chromium: each mark's panel as CDP sees it through the closed shadow root: whether it is open,
 * its "why" line, its lines, and `isolationProblems` inside it.
 * @param {import('playwright-core').Page} page
 */
export async function panelsByCdp(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadows = [];
    const walk = (node) => {
      if (node.localName === 'basira-mark' && node.shadowRoots?.length) shadows.push(node.shadowRoots[0]);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    const out = [];
    for (const shadow of shadows) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const isolationProblems = ${isolationProblems.toString()};
          const panel = this.querySelector('.panel');
          return {
            open: !panel.hidden,
            why: panel.querySelector('p')?.textContent ?? '',
            lines: [...panel.querySelectorAll('li')].map((li) => li.textContent),
            isolation: isolationProblems(panel.querySelectorAll('p, li')),
          };
        }`,
      });
      out.push(result.value);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** The popup's findings as a person reads them: the "why" line and the cue lines of each. */
export const popupExplanations = () =>
  [...document.querySelectorAll('.finding')].map((f) => ({
    why: f.querySelector('.why').textContent,
    lines: f
      .querySelector('.cues')
      .textContent.split('\n')
      .map((l) => l.replace(/^• /, '')),
  }));
