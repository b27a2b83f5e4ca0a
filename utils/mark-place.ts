/**
 * Where a mark's chip goes on its post: the first spot, from the post's top inline-end corner,
 * that covers none of the post's content (its text, media and controls). Pure geometry: the
 * DOM side (utils/marks.ts) measures, this decides.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Spot {
  left: number;
  top: number;
  /** No free spot: the chip shrinks to a dot on the post's corner, mostly outside its box. */
  compact: boolean;
}

/** Space kept between the chip, the post's edge and the content. */
const INSET = 4;
/** The compact chip (a dot) when no free spot exists. */
export const DOT = 12;
/** Candidates tried along each edge; a long post is not searched to its end. */
const MAX_STEPS = 12;

const overlaps = (a: Box, b: Box, pad: number) =>
  a.left < b.left + b.width + pad &&
  b.left < a.left + a.width + pad &&
  a.top < b.top + b.height + pad &&
  b.top < a.top + a.height + pad;

/**
 * The chip's spot (viewport coordinates, like the boxes): along the inline-end edge from the top,
 * then along the bottom edge toward the start, then along the top edge toward the start; the
 * first that lies inside the post and clears every content box by 2 px. `rtl` is the post's own
 * direction, so the chip never sits on the side where its author and avatar usually are.
 */
export function placeChip(
  post: Box,
  chip: { width: number; height: number },
  content: readonly Box[],
  rtl: boolean,
  /** Below this edge nothing was measured (a long post): no spot reaches past it. */
  below = Number.POSITIVE_INFINITY,
): Spot {
  const { width: w, height: h } = chip;
  const fits = w + 2 * INSET <= post.width && h + 2 * INSET <= post.height;
  if (fits) {
    const endX = rtl ? post.left + INSET : post.left + post.width - INSET - w;
    const startX = rtl ? post.left + post.width - INSET - w : post.left + INSET;
    const topY = post.top + INSET;
    const bottomY = post.top + post.height - INSET - h;
    const toward = (from: number, to: number, step: number) => {
      const out: number[] = [];
      const dir = Math.sign(to - from);
      for (let i = 0, v = from; i < MAX_STEPS && (v - to) * dir <= 0; i++, v += dir * step) out.push(v);
      if (out.at(-1) !== to) out.push(to);
      return out;
    };
    const candidates: [number, number][] = [
      ...toward(topY, bottomY, h + 2).map((y): [number, number] => [endX, y]),
      ...toward(endX, startX, Math.max(8, w / 2)).map((x): [number, number] => [x, bottomY]),
      ...toward(endX, startX, Math.max(8, w / 2)).map((x): [number, number] => [x, topY]),
    ];
    for (const [left, top] of candidates) {
      if (top + h > below) continue;
      const box = { left, top, width: w, height: h };
      if (!content.some((c) => c.width > 0 && c.height > 0 && overlaps(box, c, 2)))
        return { left, top, compact: false };
    }
  }
  // A dot in the top inline-end corner, inside the post's box (outside it, it could widen the page).
  return { left: rtl ? post.left : post.left + post.width - DOT, top: post.top, compact: true };
}
