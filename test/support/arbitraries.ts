import fc from 'fast-check';
import { classify, foldEvents, type ClassifiedCall } from '../../src/index.js';
import { callEvents } from './calls.js';

type Steps = Parameters<typeof callEvents>[1];

/** Outcomes that cover every ACR counter. */
const outcomes: Record<string, Steps> = {
  live: [['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']],
  abandonedUnknown: [['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller']],
  abandonedLive: [['answer', 5000], ['amd', 5500, 'human'], ['message', 6000], ['hangup', 20_000, 'caller']],
  silent: [['answer', 5000], ['hangup', 9000, 'caller']],
  unconnected: [['ringing', 100], ['hangup', 20_000, 'caller']],
  machineToAgent: [['answer', 5000], ['agent', 5500], ['hangup', 9000, 'caller'], ['disposition', 10_000, 'machine']],
  machineDisconnected: [['answer', 5000], ['amd', 8000, 'machine'], ['hangup', 8100, 'caller']],
  machineAbandoned: [['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller'], ['disposition', 30_000, 'machine']],
};

/** A classified call with a random outcome, campaign, call centre and dial time (over ~60 days around two clock changes). */
export const classifiedCallArb: fc.Arbitrary<ClassifiedCall> = fc
  .record({
    id: fc.uuid(),
    outcome: fc.constantFrom(...Object.keys(outcomes)),
    campaignId: fc.constantFrom('spring', 'summer', 'a|b', '["x"]'),
    callCentreId: fc.constantFrom('leeds', 'cebu'),
    offset: fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }),
  })
  .map(({ id, outcome, campaignId, callCentreId, offset }) =>
    classify(foldEvents(callEvents(id, outcomes[outcome] as Steps, { campaignId, callCentreId, at: offset, amd: outcome.startsWith('machine') }))),
  );
