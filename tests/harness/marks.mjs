// Marks are drawn as flagged posts come within a screen of the viewport (utils/content/run.ts). A
// test that counts every mark on a long page scrolls through it first, as a person would. Works
// with Playwright and Puppeteer pages alike.

/** Scrolls from the top to the bottom, two screens at a time, letting each position render. */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const settle = () => new Promise((r) => setTimeout(r, 50));
    const step = Math.max(400, 2 * innerHeight);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await settle();
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await settle();
    scrollTo(0, 0);
    await settle();
  });
}

/** The marks in the document now (drawn ones only). */
export const marksNow = (page) => page.evaluate(() => document.querySelectorAll('basira-mark').length);

/**
 * Every mark of the page, once it has been scrolled through: again while a pass still adds marks
 * (on a loaded machine a frame can be late, and a post seen only in that frame waits for the next pass).
 */
export async function allMarks(page) {
  let count = -1;
  for (let pass = 0; pass < 4; pass++) {
    await scrollThrough(page);
    const now = await marksNow(page);
    if (now === count) break;
    count = now;
  }
  return count;
}

/** Waits until scrolling through the page shows `n` marks; returns the count. */
export async function waitForMarks(page, n, timeout = 30_000) {
  const start = Date.now();
  let got = await marksNow(page);
  while (got !== n) {
    if (Date.now() - start > timeout) throw new Error(`the page shows ${got} marks, not ${n}`);
    await new Promise((r) => setTimeout(r, 100));
    got = await allMarks(page);
  }
  return got;
}
