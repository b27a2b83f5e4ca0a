import { hasArabic } from '../arabic';
import { normalize, toOriginalSpan } from '../normalize';
import { type ScanRegex, scanAll, scanTest } from '../patterns';
import type { LexiconRef } from '../rules/compile';
import { anyPresent } from '../tokens';
import type { Cue } from '../types';
import { deniedBy, negationsOf } from '../verdict';
import type { CueDetector } from './detector';
import { partnerOfLabel } from './platform-label';
// Read at detection time, after every detector is registered.
import { DETECTOR_BY_KIND } from './registry';

/** `@brand`, `@brandhq`, `@brand_app`, `@brandai`; `#brandpartner`, `#brandambassador`, `#brandad`. */
const HANDLE_OR_PARTNER_TAG =
  /(?<![\w@])@([a-z0-9][a-z0-9_.]{1,30}?)(?:_?(?:hq|app|ai|io|official|labs))?(?![a-z0-9_])|#([a-z0-9]{2,30}?)(?:partner|ambassador|ad|sponsored|collab|creator)(?![a-z0-9_])/g;

/** A host on the .ai top-level domain, or an `ai.` subdomain. */
const AI_HOST = /(?:^|\.)[a-z0-9-]{2,}\.ai$|^ai\.[a-z0-9-]+\.[a-z]{2,}$/;
/**
 * "name.ai" written in the text (Latin or Arabic name), not an Illustrator file ("logo.ai file"),
 * or a handle ending "_ai" / ".ai".
 */
const AI_NAME_IN_TEXT =
  /(?<![\p{L}\p{N}@._-])[\p{L}\p{N}][\p{L}\p{N}-]{1,30}\.ai(?![\p{L}\p{N}_-])(?!\s{0,3}(?:files?|format|extension|ملف))|(?<![\p{L}\p{N}_])@[a-z0-9][a-z0-9_.]{1,30}[._]ai(?![a-z0-9_])/gu;

/**
 * A handle that ends in a capitalised "AI" after a lower-case letter or a digit, as written
 * ("@RaqimAI", "@Draft2AI"): a product's account named after its category. Case is the evidence
 * ("@dubai", "@DUBAI" and "@thai" are not), so it is read on the original text.
 */
const CAMEL_AI_HANDLE = /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{0,28}[A-Za-z][a-z0-9])AI(?![A-Za-z0-9_])/gu;

/**
 * A capitalised name followed by "AI" in the post as written: a product named after its category
 * ("Sorta AI", "Tandem AI", «دفتر AI»). Read on the original text, since case is the evidence; the
 * ("Maschenwerk KI" in German). The first word must not be an ordinary word that starts a sentence or qualifies AI itself
 * ("Generative AI", "Why AI", "Responsible AI"), and an all-capitals line is a shout, not a name.
 */
const NAME_THEN_AI =
  /(?<![\p{L}\p{N}@#._'’-])(\p{Lu}[\p{Ll}\p{N}]{1,20})(?:[ -](\p{Lu}[\p{Ll}\p{N}]{1,20}))?[ -](?:AI|KI)(?![\p{L}\p{N}_.-])|«([^«»\n]{2,24}?)\s?(?:AI|ai|Ai)»/gu;
const NOT_A_NAME = new Set(
  (
    'the this that these those our your my his her their its why how what when where who which whose ' +
    'generative gen open responsible ethical agentic enterprise conversational explainable applied ' +
    'creative physical edge human trustworthy safe sovereign frontier general narrow strong weak ' +
    'artificial modern using use with for about and or but new best top free cheap more most less no ' +
    'not all any some every each of on in to at by from is are was be do does did can will would should ' +
    'could chinese american european arab arabic french german spanish british indian saudi emirati ' +
    'global local big small large tiny real fake good bad better shadow public private medical legal ' +
    'financial ethics state future welcome learn learning teaching students hello hi thanks ok okay yes ' +
    'hot cool just like love hate stop start try get go make build so if then also even only really very ' +
    'much many powerful smart cloud mobile multimodal vertical custom visual voice video image text music ' +
    'art code coding data security cyber health sales marketing customer design on-device offline ' +
    'consumer business school work office home everyday daily weekly today tomorrow after before against ' +
    'trust trusted unsafe dangerous evil superintelligent super true honest when without within ' +
    'embodied predictive analytical assistive narrow-band next first last old ' +
    // German: articles and words before KI ("mit KI", "Die KI", "Künstliche KI").
    'die der das den dem des mit und für von eine ein einer durch per ohne neue neuen unsere unser ' +
    'deine meine seine ihre diese dieser welche künstliche generative'
  ).split(' '),
);
const nameThenAi = (text: string, found: (name: string, span: [number, number]) => void) => {
  if (!text.includes('AI') && !text.includes('KI') && !text.includes('»')) return;
  for (const m of text.matchAll(NAME_THEN_AI)) {
    // "Mit Maschenwerk KI": the name is what follows the ordinary word.
    const words = m[3] ? [m[3].trim()] : [m[1]!, m[2]].filter((w): w is string => !!w);
    while (words.length > 0 && NOT_A_NAME.has(words[0]!.split(/[ -]/)[0]!.toLowerCase())) words.shift();
    const name = words.join(' ');
    if (name.length < 3) continue;
    const start = m[3] ? m.index : m.index + m[0].indexOf(name);
    found(name, [start, m.index + m[0].length]);
  }
};

/** How far before or after an ambiguous name its use words are looked for (normalized characters). */
const USE_WINDOW = 40;

function has(res: readonly ScanRegex[] | undefined, text: string): boolean {
  return res !== undefined && scanTest(res, text);
}

/**
 * Names from the AI lexicon. A name that is also an ordinary word (Claude Monet, Gemini the sign,
 * an aircraft's copilot) counts only with AI context in the same item and none of its exclusions.
 */
const detector: CueDetector = {
  kind: 'ai-product',
  description:
    'An AI product, model or company by name, in Latin or Arabic spelling (ChatGPT, شات جي بي تي، ديب سيك).',
  role: { ai: true },
  concerns: [],
  // Reads phase-1 cues: generic AI phrasing confirms an ambiguous name.
  phase: 2,
  detect(ctx) {
    const lex = ctx.rules.lexicon;
    const text = ctx.norm.text;
    const found: {
      cue: Cue;
      ambiguous: boolean;
      checkExclude?: boolean;
      entryId: string;
      /** The name's span in the normalized text. */
      at?: [number, number];
      /** Ordinary software: only AI words confirm it. */
      software?: boolean;
    }[] = [];
    const gated = anyPresent(lex.gates, ctx.present);
    if (gated) {
      scanAll(lex.res, text, 20, (m) => {
        const alias = m[1];
        if (!alias) return;
        const entry = lex.byAlias.get(alias);
        if (!entry) return;
        const aliasStart = m.index + m[0].length - alias.length;
        const [start, end] = toOriginalSpan(ctx.norm, aliasStart, aliasStart + alias.length);
        // An Arabic spelling of an ambiguous name whose entry lists Arabic exclusions is read as the
        // product unless one of those exclusions is present (جيميناي is not the star sign الجوزاء).
        const arabicCertain = hasArabic(alias) && lex.arabicExclusions.has(entry.id);
        found.push({
          entryId: entry.id,
          at: [aliasStart, aliasStart + alias.length],
          software: entry.generalSoftware === true,
          ambiguous: entry.ambiguous && !arabicCertain,
          checkExclude: entry.ambiguous && arabicCertain,
          cue: {
            kind: 'ai-product',
            rule: `ai.${entry.id}`,
            text: ctx.item.text.slice(start, end),
            lang: hasArabic(alias) ? 'ar' : 'und',
            start,
            end,
            sources: [],
            detail: entry.name,
          },
        });
      });
      // Regexes run one after another (a person's own products after the bundled names): a name
      // inside a longer name another regex found ("GPT" in "My GPT") is part of that one.
      const within = (f: (typeof found)[number]) =>
        found.some(
          (g) =>
            g !== f &&
            g.cue.start! <= f.cue.start! &&
            f.cue.end! <= g.cue.end! &&
            g.cue.end! - g.cue.start! > f.cue.end! - f.cue.start!,
        );
      const inner = found.filter(within);
      for (const f of inner) found.splice(found.indexOf(f), 1);
    }
    /** Certain evidence for an entry: confirm its ambiguous matches, or add it. */
    const confirm = (entry: LexiconRef, text: string, span?: [number, number]) => {
      const named = found.filter((f) => f.entryId === entry.id);
      if (named.length > 0) {
        for (const f of named) f.ambiguous = false;
        return;
      }
      const cue: Cue = {
        kind: 'ai-product',
        rule: `ai.${entry.id}`,
        text,
        lang: 'und',
        sources: [],
        detail: entry.name,
      };
      if (span) [cue.start, cue.end] = span;
      found.push({ entryId: entry.id, ambiguous: false, cue });
    };
    /** A product known only by its .ai address or handle: certain, named by that address. */
    const openWorld = (normalized: string, shown: string, span?: [number, number]) => {
      // Named by the normalized address: short, and the same however the page spelled it.
      const key = normalized.replace(/^@|^www\./, '').slice(0, 60);
      if (found.length >= 20 || found.some((f) => f.cue.detail === key)) return;
      const cue: Cue = {
        kind: 'ai-product',
        rule: 'ai.open-world',
        text: shown,
        lang: 'und',
        sources: [],
        detail: key,
      };
      if (span) [cue.start, cue.end] = span;
      found.push({ entryId: `open:${key}`, ambiguous: false, cue });
    };
    // A platform label naming its partner names the product for certain ("Paid partnership with
    // HeyGen", "شراكة مدفوعة مع جاما"): the platform wrote it, not the author.
    // Only the partner part of such a label is read: other labels a page's header yields (a page's
    // or an author's name) are not the platform's word.
    for (const label of ctx.item.labels.slice(0, 10)) {
      const partner = partnerOfLabel(label);
      if (!partner) continue;
      const norm = normalize(partner).text;
      scanAll(lex.res, norm, 3, (m) => {
        const entry = m[1] ? lex.byAlias.get(m[1]) : undefined;
        if (entry) confirm(entry, entry.name);
      });
    }
    // A brand's own handle or partner hashtag names it for certain: @NotionHQ, @Gamma_App,
    // #RunwayPartner, #GeminiAmbassador.
    if (text.includes('@') || text.includes('#'))
      for (const m of text.matchAll(HANDLE_OR_PARTNER_TAG)) {
        const name = (m[1] ?? m[2] ?? '').replace(/_/g, ' ').trim();
        const entry = lex.byAlias.get(name) ?? lex.byAlias.get(name.replace(/ /g, ''));
        if (!entry) continue;
        const span = toOriginalSpan(ctx.norm, m.index, m.index + m[0].length);
        confirm(entry, ctx.item.text.slice(span[0], span[1]), span);
      }
    // A Latin-script name inside Arabic text is a brand reference: the ordinary senses (a star
    // sign, a painter, an aircraft's co-pilot) would be written in Arabic.
    if (hasArabic(text)) {
      for (const f of found) {
        if (f.ambiguous && !hasArabic(f.cue.text)) {
          f.ambiguous = false;
          f.checkExclude = true;
        }
      }
    }
    // A link to a product's own domain names it for certain (jasper.ai, app.heygen.com).
    for (const link of ctx.links) {
      const host = link.target?.hostname.toLowerCase().replace(/^www\./, '');
      if (!host) continue;
      const labels = host.split('.');
      const entry =
        lex.byAlias.get(host) ?? lex.byAlias.get(labels.length >= 2 ? labels[labels.length - 2]! : host);
      if (entry) confirm(entry, host);
      else if (AI_HOST.test(host)) openWorld(host, host);
    }
    // Open world: an address or a handle on ".ai" names an AI product or company the lexicon
    // does not know ("كاتب.ai", "tessellate.ai/models", "@sayaghah_ai").
    if (text.includes('.ai') || text.includes('_ai'))
      for (const m of text.matchAll(AI_NAME_IN_TEXT)) {
        const [start, end] = toOriginalSpan(ctx.norm, m.index, m.index + m[0].length);
        openWorld(m[0], ctx.item.text.slice(start, end), [start, end]);
      }
    // Open world: a product's handle named after its category ("@RaqimAI").
    if (ctx.item.text.includes('AI') && ctx.item.text.includes('@'))
      for (const m of ctx.item.text.matchAll(CAMEL_AI_HANDLE)) {
        const name = m[1]!.toLowerCase();
        const entry = lex.byAlias.get(`${name} ai`) ?? lex.byAlias.get(name);
        const span: [number, number] = [m.index, m.index + m[0].length];
        if (entry) confirm(entry, m[0], span);
        else openWorld(m[0].toLowerCase(), m[0], span);
      }
    // Open world: a capitalised name followed by "AI" ("Sorta AI", «دفتر AI»).
    nameThenAi(ctx.item.text, (name, span) => {
      const lower = name.toLowerCase();
      const entry = lex.byAlias.get(`${lower} ai`) ?? lex.byAlias.get(lower);
      if (entry) confirm(entry, ctx.item.text.slice(span[0], span[1]), span);
      else openWorld(`${name} AI`, ctx.item.text.slice(span[0], span[1]), span);
    });
    if (found.length === 0) return [];
    // Two different AI names that are each also an ordinary word confirm each other: the painter,
    // the star sign and the aircraft's co-pilot seldom meet in one post ("Claude vs Gemini").
    // A name whose ordinary sense the post spells out ("Claude Monet") is never a product, nor
    // evidence for another name.
    // A name inside a negation ("not made by ChatGPT", «مش شات جي بي تي») is named only to say it was
    // not used: it is not the post's topic (utils/engine/verdict.ts drops generic AI words so).
    const negations = negationsOf(ctx.cues);
    const kept = found.filter(
      (f) =>
        !deniedBy(negations, f.cue) &&
        !((f.ambiguous || f.checkExclude) && has(lex.entryExclude.get(f.entryId), text)),
    );
    // A name used as software ("I use Claude", "Copilot for coding", "كلود يكتب لي") is the product.
    for (const f of kept) {
      if (!f.ambiguous || !f.at || f.software) continue;
      const [s, e] = f.at;
      const before = text.slice(Math.max(0, s - USE_WINDOW), s);
      if (has(lex.useBefore, before) || has(lex.useAfter, text.slice(e, e + USE_WINDOW))) f.ambiguous = false;
    }
    const ambiguousNames = new Set(kept.filter((f) => f.ambiguous).map((f) => f.entryId));
    const anyCertain = kept.some((f) => !f.ambiguous) || ambiguousNames.size >= 2;
    // Generic AI words confirm an ambiguous name; so does a commercial cue in the same post (a code,
    // a referral link, "#ad", even "not sponsored"): a painter or a star sign has no sponsor.
    // Read from the cues' declared roles (phase-1 cues: AI phrasing and topic, ties, disclosures).
    const roles = ctx.cues.map((c) => DETECTOR_BY_KIND.get(c.kind)?.role);
    const generic =
      (anyPresent(lex.contextGates, ctx.present) && has(lex.contextRe, text)) ||
      roles.some((r) => r?.ai || r?.aiContext);
    const commercial = roles.some((r) => (r?.tie ?? 0) > 0 || r?.disclosure !== undefined);
    return kept
      .filter(
        (f) =>
          !f.ambiguous ||
          anyCertain ||
          generic ||
          (commercial && !f.software) ||
          has(lex.entryContext.get(f.entryId), text),
      )
      .map((f) => f.cue);
  },
};
export default detector;
