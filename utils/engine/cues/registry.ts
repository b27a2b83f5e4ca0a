/** Every cue detector, in one place. A convention test checks each file here is registered. */
import adStyle from './ad-style';
import affiliateLink from './affiliate-link';
import aiGeneric from './ai-generic';
import aiProduct from './ai-product';
import aiTopic from './ai-topic';
import ambiguousDisclosure from './ambiguous-disclosure';
import buriedDisclosure from './buried-disclosure';
import cta from './cta';
import type { CueDetector } from './detector';
import disclosure from './disclosure';
import discourse from './discourse';
import hype from './hype';
import negatedDisclosure from './negated-disclosure';
import opaqueLink from './opaque-link';
import platformLabel from './platform-label';
import priorPartnership from './prior-partnership';
import promoCode from './promo-code';
import referral from './referral';
import talkStyle from './talk-style';
import urgency from './urgency';

export const DETECTORS: readonly CueDetector[] = [
  disclosure,
  ambiguousDisclosure,
  negatedDisclosure,
  buriedDisclosure,
  platformLabel,
  affiliateLink,
  opaqueLink,
  promoCode,
  referral,
  cta,
  hype,
  urgency,
  aiProduct,
  aiGeneric,
  aiTopic,
  discourse,
  priorPartnership,
  adStyle,
  talkStyle,
];

export const DETECTOR_BY_KIND = new Map(DETECTORS.map((d) => [d.kind, d]));
