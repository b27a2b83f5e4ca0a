/**
 * What the render benches (popup-render.ts, insights-render.ts) share: a happy-dom window set up
 * as Preact's globals (before Preact is imported), and the timing of one render after a warm-up
 * as the median of several runs.
 */
import { Window } from 'happy-dom';

export function installWindow(url: string): Window {
  const window = new Window({ url });
  Object.assign(globalThis, {
    window,
    document: window.document,
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    Event: window.Event,
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
  });
  return window;
}

/**
 * Runs `once` a first time (cold), then `runs` more; prints one JSON line with the median, the
 * fastest and the cold time against `target` (ms), plus `fields`; closes the window.
 */
export async function report(
  window: Window,
  bench: string,
  fields: Record<string, unknown>,
  once: () => Promise<number>,
  runs: number,
  target: number,
): Promise<void> {
  const cold = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      bench,
      ...fields,
      ms: round(ms),
      min_ms: round(times[0]!),
      cold_ms: round(cold),
      target,
      met: ms < target,
    }),
  );
  await window.happyDOM.close();
}
