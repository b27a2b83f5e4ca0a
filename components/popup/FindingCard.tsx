/**
 * One finding: verdict, where it is, the post's words with the cues marked, each cue in plain
 * words, the concerns it raises with their sources (on request), and "Show on page".
 * Kept lean (few elements, few levels deep): the popup renders up to hundreds at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { cueLines, why } from '@/utils/explain';
import { type Correction, correctionChoices } from '@/utils/feedback-match';
import { t } from '@/utils/i18n';
import type { FindingWire } from '@/utils/protocol';
import { Concerns, concernKey } from './Concerns';
import { snippet } from './Snippet';

export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.85 ? 'high' : confidence >= 0.6 ? 'medium' : 'low';
}

/**
 * "X · @author · Very likely" as one text: the author (page text, any direction) sits inside
 * Unicode isolates, like <bdi>, without an element of its own.
 */
function where(f: FindingWire): string {
  const parts = [t(`platform_${f.platform}`)];
  if (f.author) parts.push(`\u2068${f.author}\u2069`);
  parts.push(t(`confidence_${confidenceLevel(f.confidence)}`));
  return parts.join(' · ');
}

/** The earlier post a prior-partnership cue points to, when its address was kept (http and https only). */
function earlierPost(f: FindingWire): string | null {
  for (const c of f.cues) {
    const url = c.kind === 'prior-partnership' ? c.evidence?.url : null;
    if (url && /^https?:\/\//i.test(url)) return url;
  }
  return null;
}

/** The corrections a finding offers, in words: muting needs an author and a product. */
const corrections = (f: FindingWire) => correctionChoices(f, t);

export interface FindingCardProps {
  finding: FindingWire;
  index: number;
  /** Asks the page to show the post; the popup announces the outcome. */
  onShow?: ((finding: FindingWire) => void) | undefined;
  /** "This is wrong": hide the post, stop flagging its author for its product, or report its rules. */
  onCorrect?: ((finding: FindingWire, correction: Correction) => void) | undefined;
  /** The finding a mark's "Details" asked for: scrolled to, marked current and focused. */
  focused?: boolean;
}

export function FindingCard({ finding: f, index, onShow, onCorrect, focused = false }: FindingCardProps) {
  const [open, setOpen] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [corrected, setCorrected] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused || !item.current) return;
    item.current.scrollIntoView?.({ block: 'start' });
    item.current.focus({ preventScroll: true });
  }, [focused]);
  return (
    <li
      class="finding"
      data-verdict={f.verdict}
      data-id={f.id}
      ref={item}
      tabIndex={focused ? -1 : undefined}
      aria-current={focused ? 'true' : undefined}
    >
      <span class={`chip chip-${f.verdict}`}>{t(`verdict_${f.verdict}`)}</span>
      <span class="where">{where(f)}</span>
      <p class="why">{why(f, t)}</p>
      {snippet(f)}
      {/* One text node, one line per cue: a list element per cue doubled the popup's render time at 200 findings. */}
      <p class="cues">
        {cueLines(f, t)
          .map((line) => `• ${line}`)
          .join('\n')}
      </p>
      {f.concerns.length > 0 && (
        <button
          type="button"
          class="button-quiet disclose"
          aria-expanded={open}
          aria-controls={open ? `concerns-${index}` : undefined}
          onClick={() => setOpen(!open)}
        >
          {`${t('concerns_heading')}: ${f.concerns.map((c) => t(concernKey(c))).join(' · ')}`}
        </button>
      )}
      {earlierPost(f) && (
        <a class="button-secondary earlier" href={earlierPost(f)!} target="_blank" rel="noopener noreferrer">
          {t('memory_show_earlier')}
        </a>
      )}
      {onShow && (
        <button type="button" class="button-secondary show" onClick={() => onShow(f)}>
          {t('show_on_page')}
        </button>
      )}
      {onCorrect && (
        <button
          type="button"
          class="button-quiet wrong"
          aria-expanded={wrong}
          aria-controls={wrong ? `wrong-${index}` : undefined}
          onClick={() => setWrong(!wrong)}
        >
          {t('wrong_button')}
        </button>
      )}
      {open && <Concerns concerns={f.concerns} id={`concerns-${index}`} />}
      {onCorrect && wrong && (
        <div class="corrections" id={`wrong-${index}`}>
          {corrections(f).map(({ correction, label }) => (
            <button
              type="button"
              class="button-secondary"
              key={correction}
              data-correction={correction}
              disabled={corrected}
              onClick={() => {
                setCorrected(true); // once: a double click is one correction
                onCorrect(f, correction);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
