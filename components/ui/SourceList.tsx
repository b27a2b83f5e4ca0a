/**
 * Sources for an explanation: catalogue entries with an address become links that open in a new
 * tab; the seed articles (no known address) are cited by their localized title. Uses ARIA list
 * roles rather than <ul>, so a finding's `li` stays the only list item inside the findings list.
 */
import { t } from '@/utils/i18n';
import { SOURCES, type SourceKey } from '@/utils/sources';

export function SourceList({ keys, label }: { keys: readonly SourceKey[]; label?: string }) {
  return (
    <div class="sources">
      {label && <p class="sources-label">{label}</p>}
      {/* biome-ignore lint/a11y/useSemanticElements: an <li> here would count as a finding in `.findings li` (see the header comment) */}
      <div role="list">
        {keys.map((key) => {
          const source = SOURCES[key];
          const meta = [source.publisher, source.year].filter(Boolean).join(', ');
          return (
            // biome-ignore lint/a11y/useSemanticElements: as above
            <div role="listitem" class="source" key={key} data-source={key}>
              {source.url ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  <span dir="auto">{source.title}</span>
                  <span class="visually-hidden"> {t('opens_new_tab')}</span>
                </a>
              ) : (
                <span class="seed" dir="auto">
                  {t(key.replace('-', '_'))}
                </span>
              )}
              <span class="source-meta">{source.url ? <bdi>{meta}</bdi> : t('seed_note')}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
