/**
 * The campaign simulator used by the examples: a seeded discrete-event simulation of
 * outbound diallers that drives dialguard through its public API only: the world
 * (`world/`), the dialler (`dialler/`) and the boundary with the library (`boundary/`),
 * wired in `campaign.ts`.
 */
export { simulate, type AmdTruth, type DiallerSummary, type SimulationResult } from './campaign.js';
export * from './config.js';
export { campaignDay, overDialled, SMOKE, wellRun } from './presets.js';
export { hourlySeries, CATEGORIES, type HourBucket, type HourlySeries } from './hourly.js';
export { createRng, type Rng } from './rng.js';
export { createEventQueue, type EventQueue } from './queue.js';
export { hhmm, localInstant, wallClock } from './time.js';
