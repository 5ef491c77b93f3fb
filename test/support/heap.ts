/** Heap measurement inside vitest without --expose-gc: the flag is set at run time and gc taken from a fresh context. */
import v8 from 'node:v8';
import vm from 'node:vm';
import { newRecord } from '../../src/internals.js';
import type { CallCategory, ClassifiedCall } from '../../src/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap used after full collections, bytes. */
export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const T0 = Date.UTC(2026, 10, 23, 10); // 10:00 Monday 23 November 2026, London
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MB = 1_000_000;

const base = newRecord({ callId: '', campaignId: 'spring', callCentreId: 'leeds', to: '01134960001', cli: '01134961999', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 });

/** A classified call built directly (the category given, not derived), as test/misuse/bounded.test.ts does. */
export function classifiedAs(callId: string, at: number, category: CallCategory, over: { to?: string; campaignId?: string } = {}): ClassifiedCall {
  return {
    record: { ...base, callId, dialAt: at, ...over },
    category,
    answeredBy: category === 'live' || category === 'abandoned' ? 'human' : null,
    flags: [],
  } as ClassifiedCall;
}
