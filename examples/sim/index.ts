/**
 * The campaign simulator used by the examples: a seeded discrete-event simulation of
 * outbound diallers that drives dialguard through its public API only. See `campaign.ts`.
 */
export { simulate, type AmdTruth, type DiallerSummary, type SimulationResult } from './campaign.js';
export * from './config.js';
export { numberAt } from './world/recipients.js';
export { campaignDay, overDialled, SMOKE, wellRun } from './presets.js';
export { hourlySeries, CATEGORIES, type HourBucket, type HourlySeries } from './hourly.js';
export { createRng, type Rng } from './rng.js';
export { createEventQueue, type EventQueue } from './queue.js';
export { hhmm, localInstant, wallClock } from './time.js';
