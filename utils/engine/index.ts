export { analyzeItem, analyzePage, pageVerdict } from './analyze';
export { DETECTORS } from './cues/registry';
export { normalize, normalizeText } from './normalize';
export { bundledRules } from './rules/bundled';
export * from './types';
