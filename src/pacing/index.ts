/** The ACR pacing governor (Annex 3, A3.6): a dial-ratio cap that keeps a campaign's rate under a target. */
export { createPacingGovernor, type PacingAdvice, type PacingGovernor, type PacingOptions } from './governor.js';
export { nextDialRatio, type DialRatioInputs, type DialRatioSettings, type DialRatioStep, type PacingReason } from './dial-ratio.js';
export { acrHeadroom, roomPerLiveCall, type AcrHeadroom } from './headroom.js';
