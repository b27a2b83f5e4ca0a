/**
 * Sources for an explanation: each a link that opens in a new tab. A catalogue entry without an
 * address (a seed article) is never cited. Uses ARIA list roles rather than <ul>, so a finding's
 * `li` stays the only list item inside the findings list.
 */
import { t } from '@/utils/i18n';
import { SOURCES, type SourceKey } from '@/utils/sources';

export function SourceList({ keys, label }: { keys: readonly SourceKey[]; label?: string }) {
  const cited = keys.flatMap((key) => {
    const source = SOURCES[key];
    return source.url ? [{ key, source, url: source.url }] : [];
  });
  return (
    <div class="sources">
      {label && <p class="sources-label">{label}</p>}
      {/* biome-ignore lint/a11y/useSemanticElements: an <li> here would count as a finding in `.findings li` (see the header comment) */}
      <div role="list">
        {cited.map(({ key, source, url }) => {
          const meta = [source.publisher, source.year].filter(Boolean).join(', ');
          return (
            // biome-ignore lint/a11y/useSemanticElements: as above
            <div role="listitem" class="source" key={key} data-source={key}>
              <a href={url} target="_blank" rel="noopener noreferrer">
                <span dir="auto">{source.title}</span>
                <span class="visually-hidden"> {t('opens_new_tab')}</span>
              </a>
              <span class="source-meta">
                <bdi>{meta}</bdi>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
