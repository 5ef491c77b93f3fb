/**
 * UK telephone numbers: normalising and classifying CLIs by the National Telephone Numbering
 * Plan, to judge them under A1.20, A1.33, A2.14 and footnotes 33 and 41.
 */
export { classifyUkNumber, type UkNumberInfo } from './classify-number.js';
export { DRAMA_RANGES, isDramaNumber, type DramaRange } from './drama.js';
export { EXTENSION_REASON, splitExtension, type WrittenExtension } from './extension.js';
export { BASIC_RATE_KINDS, isBasicRateKind, UK_NUMBER_KINDS, type UkNumberKind } from './kind.js';
export { namedNumber, type NamedNumber } from './named-number.js';
export { normaliseUkNumber, toE164, toNational, type NormalisedNumber } from './normalise.js';
