/** "Forget everything" (with a confirmation that says what goes) and the notice of a rebuilt memory; shared by the insights page and the options. */
import { useEffect, useState } from 'preact/hooks';
import { seenOn } from '@/utils/explain';
import { t } from '@/utils/i18n';
import type { MemoryNotice } from '@/utils/memory/notice';
import type { MemoryActions } from '@/utils/ui/memory-actions';
import { useConfirmation } from '../ui/confirmation';

export function ForgetMemory({ actions, onForgotten }: { actions: MemoryActions; onForgotten: () => void }) {
  const { confirming, open, close, text, opener } = useConfirmation<HTMLParagraphElement>();
  const [failed, setFailed] = useState('');
  return (
    <div class="forget">
      <button
        type="button"
        class="button-secondary"
        ref={opener}
        aria-expanded={confirming}
        aria-controls="forget-confirm"
        data-action="forget"
        onClick={() => (confirming ? close() : open())}
      >
        {t('memory_forget')}
      </button>
      {confirming && (
        <div class="confirm" id="forget-confirm">
          <p tabIndex={-1} ref={text}>
            {t('memory_forget_confirm_text')}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button-danger"
              data-action="forget-confirm"
              onClick={() =>
                void actions.forget().then(
                  () => {
                    setFailed('');
                    onForgotten();
                    close();
                  },
                  (e: Error) => setFailed(t('insights_error', e?.message ?? String(e))),
                )
              }
            >
              {t('memory_forget_confirm')}
            </button>
            <button type="button" class="button-secondary" onClick={close}>
              {t('opt_cancel')}
            </button>
          </div>
        </div>
      )}
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}

/** "On 3 Dec the memory could not be read and was started again, empty. Your settings were kept." */
export function MemoryNoticeLine({ actions }: { actions: MemoryActions }) {
  const [notice, setNotice] = useState<MemoryNotice | null>(null);
  useEffect(() => {
    void actions.notice().then(setNotice, () => undefined);
  }, [actions]);
  if (!notice) return null;
  return (
    <div class="memory-notice">
      <p>{t('memory_notice', seenOn(notice.date, t))}</p>
      <button
        type="button"
        class="button-quiet"
        onClick={() =>
          void actions.dismissNotice().then(
            () => setNotice(null),
            () => undefined,
          )
        }
      >
        {t('memory_notice_dismiss')}
      </button>
    </div>
  );
}
