// Watches a Playwright page for everything that goes wrong in it, Basira's isolated world included.
import assert from 'node:assert/strict';

/**
 * Everything a page or Basira's isolated world reports as going wrong: page errors, console
 * errors and warnings, uncaught exceptions in any execution context (CDP sees the content
 * script's isolated world too), and browser log errors. Attach before the page navigates.
 */
export async function watchErrors(p) {
  const errors = [];
  const contexts = new Map();
  p.on('pageerror', (e) => errors.push({ source: 'pageerror', text: `${e.message}\n${e.stack ?? ''}` }));
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      errors.push({ source: `console.${m.type()}`, text: `${m.text()} @ ${m.location()?.url ?? ''}` });
  });
  const cdp = await p.context().newCDPSession(p);
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const ctx = contexts.get(d.executionContextId);
    errors.push({
      source: 'exception',
      world: ctx?.origin ?? '',
      text: `${d.exception?.description ?? d.text} @ ${d.url ?? ''}`,
    });
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (!['error', 'warning', 'assert'].includes(e.type)) return;
    const ctx = contexts.get(e.executionContextId);
    errors.push({
      source: `console-api.${e.type}`,
      world: ctx?.origin ?? '',
      text: e.args.map((a) => a.value ?? a.description ?? '').join(' '),
    });
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error') errors.push({ source: 'log', text: `${entry.text} @ ${entry.url ?? ''}` });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');

  /** Basira's: from its world, naming it, or from an extension address. */
  const isBasira = (e) =>
    (e.world ?? '').startsWith('chrome-extension://') || /basira|chrome-extension:\/\//i.test(e.text);
  /** The content script's isolated world, once it has started. */
  const basiraContext = () => [...contexts.values()].find((c) => c.origin.startsWith('chrome-extension://'));
  return {
    errors,
    cdp,
    basiraContext,
    /** Errors that are Basira's, thrown or logged. */
    basira: () => errors.filter(isBasira),
    /** Errors that are Basira's and were thrown (page errors, uncaught exceptions), not logged. */
    basiraThrown: () =>
      errors.filter((e) => (e.source === 'pageerror' || e.source === 'exception') && isBasira(e)),
    /** Evaluates `expression` in Basira's content-script world: what a compromised content script could do. */
    async inBasiraWorld(expression) {
      const ctx = basiraContext();
      assert.ok(ctx, "Basira's content script world exists");
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: ctx.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
  };
}
