/**
 * The item's own words with the matched cues in <mark>. Every run is a text child, so Preact
 * creates text nodes: page text is never parsed as HTML. A plain function, not a component:
 * the popup may render hundreds of these at once.
 */
import type { FindingWire } from '@/utils/protocol';
import { highlightRuns } from '@/utils/ui/highlight';

export function snippet(finding: FindingWire) {
  const runs = highlightRuns(finding);
  return (
    <blockquote class="snippet" dir="auto">
      {finding.snippetStart > 0 && '… '}
      {runs.length === 0
        ? finding.excerpt
        : runs.map((run, i) =>
            run.kinds.length > 0 ? (
              <mark key={i} data-kind={run.kinds.join(' ')}>
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
    </blockquote>
  );
}
