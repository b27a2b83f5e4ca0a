/** The options' memory section: remember or pause, how long, whether to keep addresses; insights and "Forget everything". */
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import type { MemoryActions } from '@/utils/ui/memory-actions';
import { ForgetMemory, MemoryNoticeLine } from '../insights/Forget';
import { Choice, Section } from './Field';
import type { Save } from './save';

const RETENTION = [7, 30, 90, 180, 365] as const;

export function MemorySection({
  memory,
  save,
  actions,
  announce,
}: {
  memory: Settings['memory'];
  save: Save;
  actions: MemoryActions;
  /** Says something in the page's one status region. */
  announce: (message: string) => void;
}) {
  const set = (patch: Partial<Settings['memory']>) =>
    void save((s) => ({ memory: { ...s.memory, ...patch } }));
  // A retention set elsewhere (a restored backup) that is not one of the choices is shown as it is.
  const choices = RETENTION.includes(memory.retentionDays as never)
    ? RETENTION
    : [...RETENTION, memory.retentionDays].sort((a, b) => a - b);
  return (
    <Section id="memory" title={t('opt_memory_title')} hint={t('opt_memory_hint')}>
      <MemoryNoticeLine actions={actions} />
      <Choice
        setting="memory.on"
        label={t('opt_memory_on')}
        hint={t('opt_memory_on_hint')}
        checked={memory.on}
        onChange={(on) => set({ on })}
      />
      <div class="field">
        <label for="memory-retention">{t('opt_memory_retention')}</label>
        <select
          id="memory-retention"
          data-setting="memory.retentionDays"
          value={String(memory.retentionDays)}
          onChange={(e) => set({ retentionDays: Number(e.currentTarget.value) })}
        >
          {choices.map((d) => (
            <option key={d} value={String(d)}>
              {RETENTION.includes(d as never) ? t(`opt_memory_days_${d}`) : t('opt_memory_days_n', String(d))}
            </option>
          ))}
        </select>
      </div>
      <Choice
        setting="memory.keepPages"
        label={t('opt_memory_pages')}
        hint={t('opt_memory_pages_hint')}
        checked={memory.keepPages}
        onChange={(keepPages) => set({ keepPages })}
      />
      <div class="button-row">
        <button
          type="button"
          class="button-secondary"
          data-action="insights"
          onClick={() => actions.openInsights()}
        >
          {t('insights_open')}
        </button>
      </div>
      <ForgetMemory actions={actions} onForgotten={() => announce(t('memory_forgotten'))} />
    </Section>
  );
}
