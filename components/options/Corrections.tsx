/**
 * "This is wrong", undone: the posts a person hid, the authors muted for a product, and the rules
 * reported as noisy (with their export for maintainers). Each entry goes with one click.
 */
import { noisyReport } from '@/utils/feedback';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { downloadText } from './CustomRules';
import { Section } from './Field';
import type { Save } from './save';

function Undo({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      class="button-quiet"
      aria-label={t('opt_feedback_undo_label', name)}
      onClick={onClick}
    >
      {t('opt_feedback_undo')}
    </button>
  );
}

export function Corrections({ feedback, save }: { feedback: Settings['feedback']; save: Save }) {
  const { hidden, muted, noisy } = feedback;
  const empty = hidden.length === 0 && muted.length === 0 && noisy.length === 0;
  return (
    <Section id="corrections" title={t('opt_feedback_title')} hint={t('opt_feedback_intro')}>
      {empty && <p class="empty-list">{t('opt_feedback_none')}</p>}
      {hidden.length > 0 && (
        <>
          <h3>{t('opt_feedback_hidden')}</h3>
          <ul class="items" aria-label={t('opt_feedback_hidden')}>
            {hidden.map((h) => (
              <li key={h.key} data-hidden={h.key}>
                <span class="item-text" dir="auto">
                  {h.label}
                </span>
                <Undo
                  name={h.label}
                  onClick={() =>
                    void save((s) => ({
                      feedback: { ...s.feedback, hidden: s.feedback.hidden.filter((x) => x.key !== h.key) },
                    }))
                  }
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {muted.length > 0 && (
        <>
          <h3>{t('opt_feedback_muted')}</h3>
          <ul class="items" aria-label={t('opt_feedback_muted')}>
            {muted.map((m) => {
              const name = t('opt_feedback_pair', [m.author, m.product]);
              return (
                <li key={`${m.author}\u0000${m.product}`} data-muted={m.author}>
                  <span class="item-text">{name}</span>
                  <Undo
                    name={name}
                    onClick={() =>
                      void save((s) => ({
                        feedback: {
                          ...s.feedback,
                          muted: s.feedback.muted.filter(
                            (x) => x.author !== m.author || x.product !== m.product,
                          ),
                        },
                      }))
                    }
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {noisy.length > 0 && (
        <>
          <h3>{t('opt_feedback_noisy')}</h3>
          <ul class="items" aria-label={t('opt_feedback_noisy')}>
            {noisy.map((n) => {
              const name = t('opt_feedback_reports', [n.rule, String(n.count)]);
              return (
                <li key={n.rule} data-noisy={n.rule}>
                  <span class="item-text">{name}</span>
                  <Undo
                    name={name}
                    onClick={() =>
                      void save((s) => ({
                        feedback: { ...s.feedback, noisy: s.feedback.noisy.filter((x) => x.rule !== n.rule) },
                      }))
                    }
                  />
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            class="button-secondary"
            onClick={() => downloadText('basira-noisy-rules.json', noisyReport(feedback))}
          >
            {t('opt_feedback_export')}
          </button>
        </>
      )}
    </Section>
  );
}
