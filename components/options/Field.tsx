/** Pieces the options sections share: a labelled choice, a section, a Remove button, an add form. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface ChoiceProps {
  type?: 'checkbox' | 'radio';
  name?: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Stable hook for tests and the browser test (e.g. "families.links"). */
  setting?: string;
}

/** A labelled checkbox or radio with an optional hint tied to it by aria-describedby. */
export function Choice({ type = 'checkbox', name, label, hint, checked, onChange, setting }: ChoiceProps) {
  const id = useId();
  return (
    <div class="choice">
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        data-setting={setting}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <div class="choice-text">
        <label for={id}>{label}</label>
        {hint && (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** A section of the options page with its heading. */
export function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class="hint">{hint}</p>}
      {children}
    </section>
  );
}

/** Removes one entry of a list; `name` says which to a screen reader. */
export function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" class="button-quiet" aria-label={t('opt_remove_label', name)} onClick={onClick}>
      {t('opt_remove')}
    </button>
  );
}

/**
 * The form under a list that adds one entry: its fields, the Add button, and the error, announced.
 * The field in error points at the error with `aria-describedby={errorId}`.
 */
export function AddForm({
  onSubmit,
  errorId,
  error,
  children,
}: {
  onSubmit: (e: Event) => void;
  errorId: string;
  error: string;
  children: ComponentChildren;
}) {
  return (
    <form class="add-row" onSubmit={onSubmit} noValidate>
      {children}
      <button type="submit" class="button-secondary">
        {t('opt_add')}
      </button>
      {error && (
        <p class="error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
