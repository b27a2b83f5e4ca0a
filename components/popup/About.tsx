/** "About Basira": how it works, the privacy promise, and why it matters, with sources. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { SourceList } from '../ui/SourceList';

const LABELS = ['undisclosed', 'sponsored', 'promotion', 'mention'] as const;

export function About({ onBack }: { onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves with the view, in the same frame: a keyboard user never acts on a stale focus.
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section class="about" aria-labelledby="about-title">
      <div class="view-head">
        <h2 id="about-title" tabIndex={-1} ref={heading}>
          {t('popup_about')}
        </h2>
        <button type="button" class="button-quiet" onClick={onBack}>
          {t('popup_back')}
        </button>
      </div>
      <p class="lead">{t('about_intro')}</p>

      <h3>{t('about_how_title')}</h3>
      <p>{t('about_how_1')}</p>
      <p>{t('about_how_2')}</p>
      <dl class="labels" aria-label={t('about_labels_title')}>
        {LABELS.map((v) => (
          <div class="label-row" key={v}>
            <dt>
              <span class={`chip chip-${v}`}>{t(`verdict_${v}`)}</span>
            </dt>
            <dd>{t(`why_${v}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('about_how_3')}</p>

      <h3>{t('about_privacy_title')}</h3>
      <p>{t('about_privacy')}</p>

      <h3>{t('about_context_title')}</h3>
      <p>{t('about_context_2')}</p>
      <p>{t('about_context_3')}</p>
      <SourceList keys={['rp-2026', 'pew-2025']} label={t('about_sources')} />
    </section>
  );
}
