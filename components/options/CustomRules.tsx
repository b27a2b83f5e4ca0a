/**
 * The person's own rules: phrases (with what they mean), products and brands (with other
 * spellings), and link patterns (host and optional parameter). Each entry is checked with the
 * same zod schema the settings use; import merges a file and never drops a rule already here.
 */
import { useId, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import {
  CustomLink,
  CustomPhrase,
  CustomProduct,
  exportCustomRules,
  importCustomRules,
  MAX_IMPORT_BYTES,
} from '@/utils/custom-rules';
import { CUSTOM_PHRASE_KINDS, type CustomPhraseKind, type CustomRules } from '@/utils/engine/custom';
import { plural, t } from '@/utils/i18n';
import { normalizeSite } from '@/utils/ui/hosts';
import type { Save } from '../Options';
import { Section } from './Field';

const MAX_RULES = 500;
type List = keyof CustomRules;
type Entry<L extends List> = CustomRules[L][number];

const same = (a: unknown, b: unknown) => JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
const kindKey = (kind: CustomPhraseKind) => `kind_${kind.replace(/-/g, '_')}`;

/** Saves `entry` into list `list`, or returns the error to show. */
function useAdder<L extends List>(rules: CustomRules, save: Save, list: L) {
  return (entry: Entry<L>): string | null => {
    const current = rules[list] as Entry<L>[];
    if (current.some((x) => same(x, entry))) return t('opt_err_duplicate');
    if (current.length >= MAX_RULES) return t('opt_err_limit');
    void save((s) => {
      const latest = s.customRules[list] as Entry<L>[];
      if (latest.some((x) => same(x, entry))) return {};
      return { customRules: { ...s.customRules, [list]: [...latest, entry] } };
    });
    return null;
  };
}

function removeFrom<L extends List>(save: Save, list: L, entry: Entry<L>) {
  void save((s) => ({
    customRules: {
      ...s.customRules,
      [list]: (s.customRules[list] as Entry<L>[]).filter((x) => !same(x, entry)),
    },
  }));
}

/** A zod failure as one of the form's own messages (the schema's words are English-only). */
function problem(error: z.core.$ZodError, messages: Record<string, string>): string {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? '');
  if (issue?.code === 'too_small') return t('opt_err_required');
  if (issue?.code === 'too_big')
    return field === 'aliases' && issue.path.length === 1 ? t('opt_err_limit') : t('opt_err_too_long');
  return messages[field] ?? t('opt_err_required');
}

function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" class="button-quiet" aria-label={t('opt_remove_label', name)} onClick={onClick}>
      {t('opt_remove')}
    </button>
  );
}

function FormError({ id, error }: { id: string; error: string }) {
  return error ? (
    <p class="error" id={id} role="alert">
      {error}
    </p>
  ) : null;
}

function Phrases({ rules, save }: { rules: CustomRules; save: Save }) {
  const id = useId();
  const [kind, setKind] = useState<CustomPhraseKind>('disclosure');
  const [phrase, setPhrase] = useState('');
  const [error, setError] = useState('');
  const add = useAdder(rules, save, 'phrases');
  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = z.safeParse(CustomPhrase, { kind, phrase });
    const err = parsed.success ? add(parsed.data) : problem(parsed.error, {});
    setError(err ?? '');
    if (!err) setPhrase('');
  };
  return (
    <div class="rules" data-rules="phrases">
      <h3>{t('opt_phrases_title')}</h3>
      {rules.phrases.length === 0 ? (
        <p class="empty-list">{t('opt_phrases_empty')}</p>
      ) : (
        <ul class="items" aria-label={t('opt_phrases_title')}>
          {rules.phrases.map((p) => (
            <li key={`${p.kind}:${p.phrase}`}>
              <span class="item-text">
                <bdi>{p.phrase}</bdi> <span class="tag">{t(kindKey(p.kind))}</span>
              </span>
              <RemoveButton name={p.phrase} onClick={() => removeFrom(save, 'phrases', p)} />
            </li>
          ))}
        </ul>
      )}
      <form class="add-row" onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${id}-phrase`}>{t('opt_phrase_label')}</label>
          <input
            id={`${id}-phrase`}
            type="text"
            dir="auto"
            maxLength={200}
            value={phrase}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setPhrase(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-kind`}>{t('opt_phrase_kind_label')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as CustomPhraseKind)}
          >
            {CUSTOM_PHRASE_KINDS.map((k) => (
              <option value={k} key={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-secondary">
          {t('opt_add')}
        </button>
        <FormError id={`${id}-error`} error={error} />
      </form>
    </div>
  );
}

/** Other spellings, split on Latin or Arabic commas. */
const splitAliases = (s: string) =>
  s
    .split(/[,،]/)
    .map((x) => x.trim())
    .filter(Boolean);

function Products({ rules, save }: { rules: CustomRules; save: Save }) {
  const id = useId();
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [error, setError] = useState('');
  const add = useAdder(rules, save, 'products');
  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = z.safeParse(CustomProduct, { name, aliases: splitAliases(aliases) });
    const err = parsed.success ? add(parsed.data) : problem(parsed.error, {});
    setError(err ?? '');
    if (!err) {
      setName('');
      setAliases('');
    }
  };
  return (
    <div class="rules" data-rules="products">
      <h3>{t('opt_products_title')}</h3>
      {rules.products.length === 0 ? (
        <p class="empty-list">{t('opt_products_empty')}</p>
      ) : (
        <ul class="items" aria-label={t('opt_products_title')}>
          {rules.products.map((p) => (
            <li key={p.name}>
              <span class="item-text">
                <bdi>{p.name}</bdi>
                {p.aliases.length > 0 && (
                  <span class="tag" dir="auto">
                    {p.aliases.join(', ')}
                  </span>
                )}
              </span>
              <RemoveButton name={p.name} onClick={() => removeFrom(save, 'products', p)} />
            </li>
          ))}
        </ul>
      )}
      <form class="add-row" onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${id}-name`}>{t('opt_product_name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            dir="auto"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-aliases`}>{t('opt_product_aliases')}</label>
          <input
            id={`${id}-aliases`}
            type="text"
            dir="auto"
            value={aliases}
            onInput={(e) => setAliases(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-secondary">
          {t('opt_add')}
        </button>
        <FormError id={`${id}-error`} error={error} />
      </form>
    </div>
  );
}

function Links({ rules, save }: { rules: CustomRules; save: Save }) {
  const id = useId();
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [param, setParam] = useState('');
  const [error, setError] = useState('');
  const add = useAdder(rules, save, 'links');
  const submit = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(host);
    const candidate = {
      name: name.trim() || site || host.trim(),
      host: site ?? host,
      ...(param.trim() ? { param: param.trim() } : {}),
    };
    const parsed = z.safeParse(CustomLink, candidate);
    const err = !host.trim()
      ? t('opt_err_required')
      : parsed.success
        ? add(parsed.data)
        : problem(parsed.error, { host: t('opt_err_host'), param: t('opt_err_param') });
    setError(err ?? '');
    if (!err) {
      setName('');
      setHost('');
      setParam('');
    }
  };
  return (
    <div class="rules" data-rules="links">
      <h3>{t('opt_links_title')}</h3>
      {rules.links.length === 0 ? (
        <p class="empty-list">{t('opt_links_empty')}</p>
      ) : (
        <ul class="items" aria-label={t('opt_links_title')}>
          {rules.links.map((l) => (
            <li key={`${l.host}?${l.param ?? ''}`}>
              <span class="item-text">
                <bdi>{l.name}</bdi>{' '}
                <code dir="ltr">
                  {l.host}
                  {l.param ? `?${l.param}=` : ''}
                </code>
              </span>
              <RemoveButton name={l.name} onClick={() => removeFrom(save, 'links', l)} />
            </li>
          ))}
        </ul>
      )}
      <form class="add-row" onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${id}-host`}>{t('opt_link_host')}</label>
          <input
            id={`${id}-host`}
            type="text"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={host}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setHost(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-param`}>{t('opt_link_param')}</label>
          <input
            id={`${id}-param`}
            type="text"
            dir="ltr"
            autoComplete="off"
            spellcheck={false}
            value={param}
            onInput={(e) => setParam(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-name`}>{t('opt_link_name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            dir="auto"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-secondary">
          {t('opt_add')}
        </button>
        <FormError id={`${id}-error`} error={error} />
      </form>
    </div>
  );
}

/** Offers `text` as a file download (a Blob URL on a temporary link; nothing leaves the device). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the Blob after the click returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type ImportState = { ok: true; added: number } | { ok: false; error: string } | null;

function ImportExport({ rules, save }: { rules: CustomRules; save: Save }) {
  const id = useId();
  const [result, setResult] = useState<ImportState>(null);
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setResult({ ok: false, error: t('opt_import_too_big', String(MAX_IMPORT_BYTES / 1024)) });
      return;
    }
    const raw = await file.text();
    let outcome: ImportState = null;
    await save((s) => {
      const r = importCustomRules(s.customRules, raw);
      outcome = r.ok ? { ok: true, added: r.added } : { ok: false, error: r.error };
      return r.ok ? { customRules: r.rules } : {};
    });
    setResult(outcome);
  };
  return (
    <div class="rules" data-rules="file">
      <h3>{t('opt_file_title')}</h3>
      <div class="file-row">
        <div class="field">
          <label for={`${id}-import`} class="file-label">
            {t('opt_import')}
          </label>
          <input
            id={`${id}-import`}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${id}-import-hint`}
            onChange={onFile}
          />
          <p class="hint" id={`${id}-import-hint`}>
            {t('opt_import_hint')}
          </p>
        </div>
        <button
          type="button"
          class="button-secondary export"
          onClick={() => downloadText('basira-rules.json', exportCustomRules(rules))}
        >
          {t('opt_export')}
        </button>
      </div>
      <div class="import-result" aria-live="polite">
        {result?.ok === true && (
          <p class="ok">
            {result.added === 0 ? t('opt_import_none') : plural('opt_import_ok', result.added)}
          </p>
        )}
      </div>
      {result?.ok === false && (
        <div class="error import-error" role="alert">
          <p>{t('opt_import_failed')}</p>
          <pre dir="ltr">{result.error}</pre>
        </div>
      )}
    </div>
  );
}

export function CustomRulesEditor({ rules, save }: { rules: CustomRules; save: Save }) {
  return (
    <Section id="rules" title={t('opt_rules_title')} hint={t('opt_rules_hint')}>
      <Phrases rules={rules} save={save} />
      <Products rules={rules} save={save} />
      <Links rules={rules} save={save} />
      <ImportExport rules={rules} save={save} />
    </Section>
  );
}
