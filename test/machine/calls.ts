/**
 * Test helpers: event builders for one call, and a driver that replays events through a
 * call actor on a SimulatedClock recording when (on the clock) each notice was emitted.
 */
import { createActor, SimulatedClock } from 'xstate';
import type { CallEvent, DialEvent, HangupBy, MessageContent } from '../../src/events.js';
import type { Policy } from '../../src/policy/policy.js';
import { ofcom2017 } from '../../src/policy/ofcom2017.js';
import { createCallMachine, nextTickAt, type CallMachine, type CallMachineOptions, type DeadlineNotice } from '../../src/machine/index.js';

/** An arbitrary but fixed epoch for the dial: 2024-03-05 10:00:00Z. */
export const T0 = Date.UTC(2024, 2, 5, 10, 0, 0);

/** Builders of one call's events, at ms offsets from `T0`. */
export function call(callId = 'c1', origin = T0) {
  const at = (ms: number) => origin + ms;
  return {
    dial: (ms = 0, facts: Partial<Omit<DialEvent, 'type' | 'callId' | 'at'>> = {}): CallEvent => ({
      type: 'dial',
      callId,
      at: at(ms),
      campaignId: 'camp',
      callCentreId: 'cc',
      to: '01612345678',
      cli: '02071234567',
      agentGuaranteed: false,
      amd: false,
      messagePlanned: true,
      ...facts,
    }),
    ringing: (ms: number): CallEvent => ({ type: 'ringing', callId, at: at(ms) }),
    answer: (ms: number): CallEvent => ({ type: 'answer', callId, at: at(ms) }),
    salutation: (ms: number, phase: 'start' | 'end' = 'start'): CallEvent => ({ type: 'salutation', callId, at: at(ms), phase }),
    amd: (ms: number, result: 'human' | 'machine' | 'unknown'): CallEvent => ({ type: 'amd', callId, at: at(ms), result }),
    agent: (ms: number): CallEvent => ({ type: 'agent', callId, at: at(ms) }),
    message: (ms: number, content?: MessageContent): CallEvent =>
      content === undefined ? { type: 'message', callId, at: at(ms) } : { type: 'message', callId, at: at(ms), content },
    hangup: (ms: number, by: HangupBy = 'caller'): CallEvent => ({ type: 'hangup', callId, at: at(ms), by }),
    disposition: (ms: number, verdict: 'human' | 'machine'): CallEvent => ({ type: 'disposition', callId, at: at(ms), verdict }),
    recording: (ms: number, noticeGiven: boolean): CallEvent => ({ type: 'recording', callId, at: at(ms), noticeGiven }),
    ivm: (ms: number, action: 'agentRequested' | 'queueInfo'): CallEvent =>
      action === 'agentRequested' ? { type: 'ivm', callId, at: at(ms), action } : { type: 'ivm', callId, at: at(ms), action, info: { identity: true, purpose: true } },
  };
}

/** A notice with the clock time (relative to the dial) at which it was emitted. */
export interface TimedNotice {
  readonly notice: DeadlineNotice;
  /** `clock.now()` when emitted: ms since the dial. */
  readonly clockMs: number;
}

const cache = new WeakMap<Policy, Map<string, CallMachine>>();
/** One machine definition per policy, disposition wait and variant (options with classify settings are not cached). */
function machineOf(policy: Policy, options: CallMachineOptions): CallMachine {
  if (options.classify !== undefined) return createCallMachine(policy, options);
  const key = `${options.dispositionWaitMs ?? 0}/${options.deadlines ?? 'timers'}/${options.start ?? 'idle'}`;
  let byKey = cache.get(policy);
  if (byKey === undefined) cache.set(policy, (byKey = new Map()));
  let m = byKey.get(key);
  if (m === undefined) byKey.set(key, (m = createCallMachine(policy, options)));
  return m;
}

/** A variant of the one machine definition: what drives its deadlines, and where its actors start. */
export interface Variant {
  readonly deadlines: 'timers' | 'ticks';
  readonly start: 'idle' | 'dialled';
  toString(): string;
}
const variant = (deadlines: Variant['deadlines'], start: Variant['start']): Variant => ({
  deadlines,
  start,
  toString: () => `${deadlines}, started ${start}`,
});

/**
 * The variants of the one machine definition: XState `after` timers or the host's ticks,
 * each with actors started idle (the dial is their first event) or dialled (the dial is
 * their input, as `callRecords` starts them).
 */
export const VARIANTS: readonly Variant[] = [variant('timers', 'idle'), variant('ticks', 'idle'), variant('timers', 'dialled'), variant('ticks', 'dialled')];

/**
 * Replays events like `runCall`, but keeps the clock time of each notice and the actor's
 * final snapshot. With `options.deadlines: 'ticks'` no timer runs: advancing the clock
 * sends the actor a tick at each moment `nextTickAt` names, as `callRecords` does.
 * `close.advanceTo`: then advance the clock to this absolute time;
 * `close.at`: then send a close at this absolute time if the call has not ended. `sent`:
 * how many events the actor received before it ended. With `options.start: 'dialled'`
 * the first event, when it is a dial, is the actor's input (and counts as received); a
 * stream that does not start with a dial is driven through an idle actor, as a host that
 * starts actors on a dial never starts one for it.
 */
export function drive(
  events: readonly CallEvent[],
  policy: Policy = ofcom2017,
  options: CallMachineOptions = {},
  close: { at?: number; advanceTo?: number } = {},
) {
  const origin = events.find((e) => e.type === 'dial')?.at ?? events[0]?.at ?? 0;
  const clock = new SimulatedClock();
  const dial = options.start === 'dialled' && events[0]?.type === 'dial' ? events[0] : undefined;
  const machine = machineOf(policy, dial === undefined ? { ...options, start: 'idle' } : options);
  const actor = dial === undefined ? createActor(machine, { clock }) : createActor(machine, { clock, input: { dial } });
  const notices: TimedNotice[] = [];
  actor.on('deadline', (notice) => void notices.push({ notice, clockMs: clock.now() }));
  actor.start();
  /**
   * Advances the clock to `to` (ms since the dial), stopping on the way at each armed
   * deadline (one ms before it, then on it), so a notice is emitted with `clock.now()`
   * equal to the moment it fired rather than the end of a jump.
   */
  const advanceByTicks = (to: number) => {
    for (;;) {
      const s = actor.getSnapshot();
      if (s.status !== 'active') break;
      const next = nextTickAt(s, options.dispositionWaitMs ?? 0);
      if (next === null || next - origin > to) break;
      if (next - origin > clock.now()) clock.set(next - origin);
      actor.send({ type: 'tick', at: next });
    }
    if (to > clock.now()) clock.set(to);
  };
  const advanceByTimers = (to: number) => {
    const tried = new Set<number>();
    for (;;) {
      const s = actor.getSnapshot();
      if (s.status !== 'active') break;
      const { minRingAt, maxRingAt, messageDueAt } = s.context.deadlines;
      const armed = [minRingAt, maxRingAt, messageDueAt]
        .filter((d): d is number => d !== null)
        .map((d) => d - origin)
        .filter((d) => d >= clock.now() && d <= to && !tried.has(d));
      if (armed.length === 0) break;
      const next = Math.min(...armed);
      tried.add(next);
      if (next - 1 > clock.now()) clock.set(next - 1);
      clock.set(next);
    }
    if (to > clock.now()) clock.set(to);
  };
  const advance = options.deadlines === 'ticks' ? advanceByTicks : advanceByTimers;
  let sent = dial === undefined ? 0 : 1;
  for (const event of dial === undefined ? events : events.slice(1)) {
    if (actor.getSnapshot().status !== 'active') break;
    advance(event.at - origin);
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(event);
    sent += 1;
  }
  if (close.advanceTo !== undefined) advance(close.advanceTo - origin);
  if (close.at !== undefined && actor.getSnapshot().status === 'active') actor.send({ type: 'close', at: close.at });
  return { actor, clock, notices, snapshot: actor.getSnapshot(), origin, advance, sent };
}
