/** Reset to defaults, after a confirmation that says what goes; the person's own rules stay unless asked. */
import { useState } from 'preact/hooks';
import { EMPTY_CUSTOM_RULES } from '@/utils/engine/custom';
import { t } from '@/utils/i18n';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { useConfirmation } from '../ui/confirmation';
import { Choice, Section } from './Field';
import type { Save } from './save';

export function Reset({ save }: { save: Save }) {
  const confirmation = useConfirmation<HTMLLegendElement>();
  const { confirming, open, text, opener } = confirmation;
  const [rulesToo, setRulesToo] = useState(false);

  const close = () => {
    confirmation.close();
    setRulesToo(false);
  };
  const reset = () => {
    const wipeRules = rulesToo;
    void save(
      (s) => ({ ...DEFAULT_SETTINGS, customRules: wipeRules ? EMPTY_CUSTOM_RULES : s.customRules }),
      t('opt_reset_done'),
    );
    close();
  };

  return (
    <Section id="reset" title={t('opt_reset_title')}>
      <button
        type="button"
        class="button-secondary"
        ref={opener}
        aria-expanded={confirming}
        aria-controls="reset-confirm"
        onClick={() => (confirming ? close() : open())}
      >
        {t('opt_reset')}
      </button>
      {confirming && (
        <fieldset class="confirm" id="reset-confirm">
          <legend id="reset-confirm-text" tabIndex={-1} ref={text}>
            {t('opt_reset_confirm_text')}
          </legend>
          <Choice label={t('opt_reset_rules_too')} checked={rulesToo} onChange={setRulesToo} />
          <div class="button-row">
            <button type="button" class="button-danger" onClick={reset}>
              {t('opt_reset_confirm')}
            </button>
            <button type="button" class="button-secondary" onClick={close}>
              {t('opt_cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </Section>
  );
}
