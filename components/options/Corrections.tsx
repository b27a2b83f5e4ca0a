/**
 * "This is wrong", undone: the posts a person hid, the authors muted for a product, and the rules
 * reported as noisy (with their export for maintainers). Each entry goes with one click.
 */
import { noisyReport } from '@/utils/feedback';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { Section } from './Field';
import { downloadText } from './FileIO';
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

/** One kind of correction: its heading and entries, each with its words and Undo. */
function CorrectionList<T>({
  title,
  items,
  keyOf,
  nameOf,
  undo,
  onUndo,
  pageText = false,
}: {
  title: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  nameOf: (item: T) => string;
  /** The feedback without this entry. */
  undo: (feedback: Settings['feedback'], item: T) => Partial<Settings['feedback']>;
  onUndo: (change: (feedback: Settings['feedback']) => Partial<Settings['feedback']>) => void;
  /** The words are a post's (any direction), not the UI's. */
  pageText?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="items" aria-label={title}>
        {items.map((item) => {
          const name = nameOf(item);
          return (
            <li key={keyOf(item)}>
              <span class="item-text" dir={pageText ? 'auto' : undefined}>
                {name}
              </span>
              <Undo name={name} onClick={() => onUndo((f) => undo(f, item))} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function Corrections({ feedback, save }: { feedback: Settings['feedback']; save: Save }) {
  const { hidden, muted, noisy } = feedback;
  const empty = hidden.length === 0 && muted.length === 0 && noisy.length === 0;
  const onUndo = (change: (f: Settings['feedback']) => Partial<Settings['feedback']>) =>
    void save((s) => ({ feedback: { ...s.feedback, ...change(s.feedback) } }));
  return (
    <Section id="corrections" title={t('opt_feedback_title')} hint={t('opt_feedback_intro')}>
      {empty && <p class="empty-list">{t('opt_feedback_none')}</p>}
      <CorrectionList
        title={t('opt_feedback_hidden')}
        items={hidden}
        keyOf={(h) => h.key}
        nameOf={(h) => h.label}
        undo={(f, h) => ({ hidden: f.hidden.filter((x) => x.key !== h.key) })}
        onUndo={onUndo}
        pageText
      />
      <CorrectionList
        title={t('opt_feedback_muted')}
        items={muted}
        keyOf={(m) => `${m.author}\u0000${m.product}`}
        nameOf={(m) => t('opt_feedback_pair', [m.author, m.product])}
        undo={(f, m) => ({ muted: f.muted.filter((x) => x.author !== m.author || x.product !== m.product) })}
        onUndo={onUndo}
      />
      <CorrectionList
        title={t('opt_feedback_noisy')}
        items={noisy}
        keyOf={(n) => n.rule}
        nameOf={(n) => t('opt_feedback_reports', [n.rule, String(n.count)])}
        undo={(f, n) => ({ noisy: f.noisy.filter((x) => x.rule !== n.rule) })}
        onUndo={onUndo}
      />
      {noisy.length > 0 && (
        <button
          type="button"
          class="button-secondary"
          onClick={() => downloadText('basira-noisy-rules.json', noisyReport(feedback))}
        >
          {t('opt_feedback_export')}
        </button>
      )}
    </Section>
  );
}
