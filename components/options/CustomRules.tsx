/**
 * The person's own rules: phrases (with what they mean), products and brands (with other
 * spellings), and link patterns (host and optional parameter). Each entry is checked with the
 * same zod schema the settings use; import merges a file and never drops a rule already here.
 */
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
import { downloadText, FileRow, type ImportOutcome } from './FileIO';
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

function ImportExport({ rules, save }: { rules: CustomRules; save: Save }) {
  const onImport = async (raw: string): Promise<ImportOutcome> => {
    // A refused file changes nothing, so nothing is saved and no "Saved" is shown.
    const check = importCustomRules(rules, raw);
    if (!check.ok) return { ok: false, error: describeImportError(check.error, t) };
    let outcome: ImportOutcome = { ok: false, error: '' };
    await save((s) => {
      const r = importCustomRules(s.customRules, raw);
      outcome = r.ok
        ? { ok: true, message: r.added === 0 ? t('opt_import_none') : plural('opt_import_ok', r.added) }
        : { ok: false, error: describeImportError(r.error, t) };
      return r.ok ? { customRules: r.rules } : {};
    });
    return outcome;
  };
  return (
    <div class="rules" data-rules="file">
      <h3>{t('opt_file_title')}</h3>
      <FileRow
        name="rules"
        importLabel={t('opt_import')}
        importHint={t('opt_import_hint')}
        failed={t('opt_import_failed')}
        maxBytes={MAX_IMPORT_BYTES}
        tooBig={describeImportError({ code: 'too-big', maxKb: MAX_IMPORT_BYTES / 1024 }, t)}
        onImport={onImport}
      >
        <button
          type="button"
          class="button-secondary export"
          onClick={() => downloadText('basira-rules.json', exportCustomRules(rules))}
        >
          {t('opt_export')}
        </button>
      </FileRow>
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
