/** The ethics concerns a finding raises: what each means, in the UI language, and where to read more. */
import type { Concern } from '@/utils/engine/types';
import { t } from '@/utils/i18n';
import { CONCERN_SOURCES } from '@/utils/sources';
import { SourceList } from '../ui/SourceList';

export const concernKey = (concern: Concern) => `concern_${concern.replace(/-/g, '_')}`;

export function Concerns({ concerns, id }: { concerns: readonly Concern[]; id: string }) {
  return (
    <div class="concerns" id={id}>
      {concerns.map((concern) => (
        // Not a <section> with a name: one region per concern per finding would flood the landmarks.
        <div class="concern" key={concern} data-concern={concern}>
          <h3>{t(concernKey(concern))}</h3>
          <p>{t(`${concernKey(concern)}_text`)}</p>
          <SourceList keys={CONCERN_SOURCES[concern]} label={t('read_more')} />
        </div>
      ))}
    </div>
  );
}
