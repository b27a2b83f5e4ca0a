/**
 * The person's own rules: phrases (with what they mean), products and brands (with other
 * spellings), and link patterns (host and optional parameter). Each entry is checked with the
 * same zod schema the settings use; import merges a file and never drops a rule already here.
 */
import { useId, useState } from 'preact/hooks';
import {
  CustomLink,
  CustomPhrase,
  CustomProduct,
  describeImportError,
  exportCustomRules,
  importCustomRules,
  MAX_IMPORT_BYTES,
} from '@/utils/custom-rules';
import { CUSTOM_PHRASE_KINDS, type CustomPhraseKind } from '@/utils/engine/cues/kinds';
import type { CustomRules } from '@/utils/engine/custom';
import { plural, t } from '@/utils/i18n';
import { normalizeSite } from '@/utils/ui/hosts';
import { Section } from './Field';
import { parse, RuleList, ruleList } from './RuleList';
import type { Save } from './save';

const kindKey = (kind: CustomPhraseKind) => `kind_${kind.replace(/-/g, '_')}`;

const PHRASES = ruleList({
  list: 'phrases',
  title: 'opt_phrases_title',
  empty: 'opt_phrases_empty',
  fields: [
    { name: 'phrase', label: 'opt_phrase_label', maxLength: 200 },
    {
      name: 'kind',
      label: 'opt_phrase_kind_label',
      options: CUSTOM_PHRASE_KINDS,
      optionLabel: (k) => t(kindKey(k as CustomPhraseKind)),
      initial: 'disclosure',
    },
  ],
  check: ({ kind, phrase }) => parse(CustomPhrase, { kind, phrase }),
  key: (p) => `${p.kind}:${p.phrase}`,
  name: (p) => p.phrase,
  render: (p) => (
    <>
      <bdi>{p.phrase}</bdi> <span class="tag">{t(kindKey(p.kind))}</span>
    </>
  ),
});

/** Other spellings, split on Latin or Arabic commas. */
const splitAliases = (s: string) =>
  s
    .split(/[,،]/)
    .map((x) => x.trim())
    .filter(Boolean);

const PRODUCTS = ruleList({
  list: 'products',
  title: 'opt_products_title',
  empty: 'opt_products_empty',
  fields: [
    { name: 'name', label: 'opt_product_name' },
    { name: 'aliases', label: 'opt_product_aliases' },
  ],
  check: ({ name, aliases }) => parse(CustomProduct, { name, aliases: splitAliases(aliases) }),
  key: (p) => p.name,
  name: (p) => p.name,
  render: (p) => (
    <>
      <bdi>{p.name}</bdi>
      {p.aliases.length > 0 && (
        <span class="tag" dir="auto">
          {p.aliases.join(', ')}
        </span>
      )}
    </>
  ),
});

const LINKS = ruleList({
  list: 'links',
  title: 'opt_links_title',
  empty: 'opt_links_empty',
  fields: [
    { name: 'host', label: 'opt_link_host', ltr: true, url: true },
    { name: 'param', label: 'opt_link_param', ltr: true },
    { name: 'name', label: 'opt_link_name' },
  ],
  check: ({ name, host, param }) => {
    if (!host.trim()) return t('opt_err_required');
    const site = normalizeSite(host);
    const candidate = {
      name: name.trim() || site || host.trim(),
      host: site ?? host,
      ...(param.trim() ? { param: param.trim() } : {}),
    };
    return parse(CustomLink, candidate, { host: t('opt_err_host'), param: t('opt_err_param') });
  },
  key: (l) => `${l.host}?${l.param ?? ''}`,
  name: (l) => l.name,
  render: (l) => (
    <>
      <bdi>{l.name}</bdi>{' '}
      <code dir="ltr">
        {l.host}
        {l.param ? `?${l.param}=` : ''}
      </code>
    </>
  ),
});

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
      setResult({
        ok: false,
        error: describeImportError({ code: 'too-big', maxKb: MAX_IMPORT_BYTES / 1024 }, t),
      });
      return;
    }
    const raw = await file.text();
    // A refused file changes nothing, so nothing is saved and no "Saved" is shown.
    const check = importCustomRules(rules, raw);
    if (!check.ok) {
      setResult({ ok: false, error: describeImportError(check.error, t) });
      return;
    }
    let outcome: ImportState = null;
    await save((s) => {
      const r = importCustomRules(s.customRules, raw);
      outcome = r.ok ? { ok: true, added: r.added } : { ok: false, error: describeImportError(r.error, t) };
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
          <p class="import-reason">{result.error}</p>
        </div>
      )}
    </div>
  );
}

export function CustomRulesEditor({ rules, save }: { rules: CustomRules; save: Save }) {
  return (
    <Section id="rules" title={t('opt_rules_title')} hint={t('opt_rules_hint')}>
      <RuleList spec={PHRASES} rules={rules} save={save} />
      <RuleList spec={PRODUCTS} rules={rules} save={save} />
      <RuleList spec={LINKS} rules={rules} save={save} />
      <ImportExport rules={rules} save={save} />
    </Section>
  );
}
