// Ledger entries written straight into the extension's IndexedDB from one of its pages, 100 per
// transaction as the background writes one batch: the bench times it, the demo fills the insights
// page with it. `page` must be an extension page (it shares the extension's origin).

/** Writes `entries` into the ledger; returns the milliseconds the writes took. */
export function seedLedger(page, entries) {
  return page.evaluate(async (list) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('basira-memory');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const start = performance.now();
    for (let b = 0; b < list.length; b += 100) {
      const tx = db.transaction('entries', 'readwrite');
      for (const e of list.slice(b, b + 100)) tx.objectStore('entries').put(e);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    const ms = performance.now() - start;
    db.close();
    return ms;
  }, entries);
}

const PLATFORMS = ['x', 'youtube', 'instagram', 'linkedin', 'tiktok', 'facebook', 'reddit', 'generic'];
const VERDICTS = ['undisclosed', 'sponsored', 'promotion'];

/** `n` entries of the shape the background writes, spread over the last 89 days. */
export function syntheticEntries(n, now = Date.now()) {
  return Array.from({ length: n }, (_, i) => ({
    key: `x|x.com|p${i}`,
    date: now - ((i * 7_919_000) % (89 * 86_400_000)),
    platform: PLATFORMS[i % 8],
    host: 'x.com',
    postId: `p${i}`,
    author: `@creator_${i % 500}`,
    verdict: VERDICTS[i % 3],
    topic: 'ai',
    ties: [{ brand: `Product ${i % 40}`, kind: 'affiliate-link' }],
    products: [`Product ${i % 40}`],
    cueKinds: ['affiliate-link', 'ai-product'],
    rules: ['link.example'],
  }));
}
