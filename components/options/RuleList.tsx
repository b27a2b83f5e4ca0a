/**
 * One list of the person's own rules (phrases, products or link patterns): its entries, each with a
 * Remove button, and a form that adds one. A `RuleListSpec` says what differs between the lists
 * (fields, how an entry is checked and shown); duplicates, the size limit and saving are shared.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import type { CustomRules } from '@/utils/engine/custom';
import { t } from '@/utils/i18n';
import { AddForm, RemoveButton } from './Field';
import type { Save } from './save';

const MAX_RULES = 500;
type List = keyof CustomRules;
type Entry<L extends List> = CustomRules[L][number];

/** A text box; `label` is a message key. */
interface TextField<N extends string> {
  name: N;
  label: string;
  /** Host names and parameters: left to right, no autocomplete or spell check. */
  ltr?: boolean;
  /** Offer the keyboard for web addresses. */
  url?: boolean;
  maxLength?: number;
}

/** A choice among fixed values; unlike a text box it keeps its value after an entry is added. */
interface SelectField<N extends string> {
  name: N;
  label: string;
  options: readonly string[];
  optionLabel: (value: string) => string;
  initial: string;
}

type FormField<N extends string> = TextField<N> | SelectField<N>;

export interface RuleListSpec<L extends List, N extends string> {
  list: L;
  /** Message keys of the heading (also the list's accessible name) and of the empty-list note. */
  title: string;
  empty: string;
  /** In form order; the first one is marked invalid and described by the error. */
  fields: readonly FormField<N>[];
  /** The entry the form's values make, or the error to show. */
  check: (values: Record<N, string>) => Entry<L> | string;
  key: (entry: Entry<L>) => string;
  /** Names the entry on its Remove button. */
  name: (entry: Entry<L>) => string;
  render: (entry: Entry<L>) => ComponentChildren;
}

/** Infers a spec's list and field names. */
export const ruleList = <L extends List, N extends string>(spec: RuleListSpec<L, N>) => spec;

const same = (a: unknown, b: unknown) => JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();

/** A zod failure as one of the form's own messages (the schema's words are English-only). */
function problem(error: z.core.$ZodError, messages: Record<string, string>): string {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? '');
  if (issue?.code === 'too_small') return t('opt_err_required');
  if (issue?.code === 'too_big')
    return field === 'aliases' && issue.path.length === 1 ? t('opt_err_limit') : t('opt_err_too_long');
  return messages[field] ?? t('opt_err_required');
}

/** `candidate` checked by `schema`, or the message to show (`messages` by failing field). */
export function parse<S extends z.core.$ZodType>(
  schema: S,
  candidate: unknown,
  messages: Record<string, string> = {},
): z.output<S> | string {
  const parsed = z.safeParse(schema, candidate);
  return parsed.success ? parsed.data : problem(parsed.error, messages);
}

/** Text boxes empty, choices as they start (or, after an entry is added, as they were). */
function cleared<N extends string>(fields: readonly FormField<N>[], kept?: Record<N, string>) {
  return Object.fromEntries(
    fields.map((f) => [f.name, 'options' in f ? (kept?.[f.name] ?? f.initial) : '']),
  ) as Record<N, string>;
}

export function RuleList<L extends List, N extends string>({
  spec,
  rules,
  save,
}: {
  spec: RuleListSpec<L, N>;
  rules: CustomRules;
  save: Save;
}) {
  const { list, fields } = spec;
  const id = useId();
  const [values, setValues] = useState(() => cleared(fields));
  const [error, setError] = useState('');
  const entries = rules[list] as Entry<L>[];

  /** Saves `entry`, or returns the error to show. */
  const add = (entry: Entry<L>): string | null => {
    if (entries.some((x) => same(x, entry))) return t('opt_err_duplicate');
    if (entries.length >= MAX_RULES) return t('opt_err_limit');
    void save((s) => {
      const latest = s.customRules[list] as Entry<L>[];
      if (latest.some((x) => same(x, entry))) return {};
      return { customRules: { ...s.customRules, [list]: [...latest, entry] } };
    });
    return null;
  };
  const remove = (entry: Entry<L>) =>
    void save((s) => ({
      customRules: {
        ...s.customRules,
        [list]: (s.customRules[list] as Entry<L>[]).filter((x) => !same(x, entry)),
      },
    }));
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = spec.check(values);
    const err = typeof checked === 'string' ? checked : add(checked);
    setError(err ?? '');
    if (!err) setValues((v) => cleared(fields, v));
  };
  const set = (name: N, value: string) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <div class="rules" data-rules={list}>
      <h3>{t(spec.title)}</h3>
      {entries.length === 0 ? (
        <p class="empty-list">{t(spec.empty)}</p>
      ) : (
        <ul class="items" aria-label={t(spec.title)}>
          {entries.map((entry) => (
            <li key={spec.key(entry)}>
              <span class="item-text">{spec.render(entry)}</span>
              <RemoveButton name={spec.name(entry)} onClick={() => remove(entry)} />
            </li>
          ))}
        </ul>
      )}
      <AddForm onSubmit={submit} errorId={`${id}-error`} error={error}>
        {fields.map((field, i) => {
          const fieldId = `${id}-${field.name}`;
          const described = i === 0 && error !== '';
          const invalid = {
            'aria-invalid': described ? true : undefined,
            'aria-describedby': described ? `${id}-error` : undefined,
          };
          return (
            <div class="field" key={field.name}>
              <label for={fieldId}>{t(field.label)}</label>
              {'options' in field ? (
                <select
                  id={fieldId}
                  value={values[field.name]}
                  {...invalid}
                  onChange={(e) => set(field.name, e.currentTarget.value)}
                >
                  {field.options.map((o) => (
                    <option value={o} key={o}>
                      {field.optionLabel(o)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={fieldId}
                  type="text"
                  dir={field.ltr ? 'ltr' : 'auto'}
                  inputMode={field.url ? 'url' : undefined}
                  autoComplete={field.ltr ? 'off' : undefined}
                  spellcheck={field.ltr ? false : undefined}
                  maxLength={field.maxLength}
                  value={values[field.name]}
                  {...invalid}
                  onInput={(e) => set(field.name, e.currentTarget.value)}
                />
              )}
            </div>
          );
        })}
      </AddForm>
    </div>
  );
}
