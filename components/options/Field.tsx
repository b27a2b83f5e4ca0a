/** A labelled checkbox or radio with an optional hint tied to it by aria-describedby. */
import { useId } from 'preact/hooks';

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
  children: preact.ComponentChildren;
}) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class="hint">{hint}</p>}
      {children}
    </section>
  );
}
