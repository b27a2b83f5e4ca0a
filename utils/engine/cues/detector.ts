/**
 * What a cue detector is, and the context it reads. Each detector declares its role in the
 * verdict (a commercial tie, a disclosure, promotional pressure, a product, discourse about the
 * topic), so the verdict code never branches on a cue's name.
 */
import { matchLinkRule, type ResolvedLink } from '../links';
import type { Normalized } from '../normalize';
import { toOriginalSpan } from '../normalize';
import { scanAll } from '../patterns';
import type { CompiledLinkRule, CompiledRules, CompiledTextRule } from '../rules/compile';
import type { Concern, Cue, CueKind, ItemInput } from '../types';

export interface CueRole {
  /** Strength of the commercial tie (affiliate link, code, partner phrasing); 1 is decisive. */
  tie?: number;
  /** The tie is evidence in a link, which a post cannot merely quote. */
  linkTie?: boolean;
  /** How the cue bears on disclosure. */
  disclosure?: 'clear' | 'label' | 'ambiguous' | 'negated' | 'buried';
  /** Promotional pressure per match (call to action, hype, urgency). */
  promo?: number;
  /** The item names or describes an AI product. */
  ai?: boolean;
  /** The item is about AI (sets the topic) without naming a product. */
  aiContext?: boolean;
  /** The item talks *about* the topic: reporting, law, critique, tutorial, job post, parody. */
  discourse?: number;
}

export interface DetectContext {
  item: ItemInput;
  norm: Normalized;
  rules: CompiledRules;
  /** Keyword hashes present in the normalized text. */
  present: Set<number>;
  /** Language packs selected for this item. */
  langs: Set<string>;
  /** Text rules of the selected packs whose keywords occur, by kind, in pack and rule order. */
  active: ReadonlyMap<CueKind, readonly CompiledTextRule[]>;
  links: ResolvedLink[];
  /** Cues found by earlier phases (read by phase-2 detectors). */
  cues: readonly Cue[];
}

export interface CueDetector {
  kind: CueKind;
  /** One line, for the docs and the popup's "how detection works". */
  description: string;
  role: CueRole;
  /** Concerns every cue of this kind raises when the item is flagged. */
  concerns: Concern[];
  /** 1 reads the item; 2 also reads the cues of phase 1. */
  phase: 1 | 2;
  detect(ctx: DetectContext): Cue[];
}

const MAX_MATCHES_PER_RULE = 8;

/** Runs the active text rules of one kind and returns cues with original spans. */
export function runTextRules(ctx: DetectContext, kind: CueKind): Cue[] {
  const cues: Cue[] = [];
  for (const rule of ctx.active.get(kind) ?? []) {
    const first = cues.length;
    scanAll(rule.res, ctx.norm.text, MAX_MATCHES_PER_RULE, (m) => {
      // Trim the whitespace a pattern's context consumed, so cues highlight words only.
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim().length;
      const [start, end] = toOriginalSpan(ctx.norm, m.index + lead, m.index + lead + body);
      // Two patterns of one rule finding the same words are one finding, not two.
      for (let i = first; i < cues.length; i++) if (cues[i]!.start! < end && start < cues[i]!.end!) return;
      cues.push({
        kind,
        rule: rule.id,
        text: ctx.item.text.slice(start, end),
        lang: rule.lang,
        start,
        end,
        sources: rule.sources,
        weight: rule.weight,
        ...(rule.concerns.length ? { concerns: rule.concerns } : {}),
      });
    });
  }
  return cues;
}

/** A detector that is exactly "run the text rules of this kind". */
export function textRuleDetector(spec: Omit<CueDetector, 'detect' | 'phase'>): CueDetector {
  return { ...spec, phase: 1, detect: (ctx) => runTextRules(ctx, spec.kind) };
}

/**
 * A detector that is exactly "for each link, the first link rule of this kind that matches it".
 * `detail` names what was found in plain words (the network, the destination).
 */
export function linkRuleDetector(
  spec: Omit<CueDetector, 'detect' | 'phase'>,
  ruleKind: CompiledLinkRule['kind'],
  detail: (target: URL, rule: CompiledLinkRule) => string,
): CueDetector {
  return {
    ...spec,
    phase: 1,
    detect(ctx) {
      const cues: Cue[] = [];
      for (const link of ctx.links) {
        const target = link.target;
        if (!target) continue;
        const rule = ctx.rules.linkRules.find(
          (r) => r.kind === ruleKind && matchLinkRule(target, r, link.truncated),
        );
        if (!rule) continue;
        cues.push({
          kind: spec.kind,
          rule: rule.id,
          text: target.href,
          lang: 'und',
          sources: rule.sources,
          detail: detail(target, rule),
        });
      }
      return cues;
    },
  };
}
