/**
 * The dialler on a call: it reports what the line does to the call's machine, hangs up,
 * gives an answered call to an agent — or, when none is free, keeps it for one and plays
 * the information message as its message mode says: at once, on dialguard's `messageDue`
 * notice (A2.19), or never (dead air until it hangs up). It acts on the machine's ring
 * notices too: never giving up before `minRingReached` when told to respect it (A2.15),
 * and stopping at `maxRingReached`.
 */
import type { AmdResult, DeadlineNotice, HangupBy, HangupCause } from 'dialguard';
import { send, sync } from '../boundary/library.js';
import type { Sim, SimCall } from '../sim.js';
import type { Agent } from '../world/agents.js';
import { reviewRecording } from '../world/amd.js';
import { startConversation } from '../world/conversation.js';
import { personListens } from '../world/line.js';
import { pace } from './pace.js';
import type { DiallerRun } from './run.js';

/** The call is no longer pending: the dialler may pace again. */
function resolve(call: SimCall): void {
  if (!call.pending) return;
  call.pending = false;
  call.run.pending -= 1;
  call.run.paceDue = true;
}

/** Ends the call (by the caller, the recipient or the network); an agent reserved for a call that never connected is free again. */
export function hangup(sim: Sim, call: SimCall, by: HangupBy, cause?: HangupCause): void {
  if (call.phase === 'ended') return;
  const reserved = call.agent !== null && call.phase !== 'agent' ? call.agent : null;
  call.phase = 'ended';
  resolve(call);
  send(sim, call, cause === undefined ? { type: 'hangup', callId: call.id, at: sim.now, by } : { type: 'hangup', callId: call.id, at: sim.now, by, cause });
  if (reserved !== null) {
    call.agent = null;
    agentFree(sim, call.run, reserved);
  }
}

/** The line rings: report it, and set the dialler's ring timeout. */
export function lineRinging(sim: Sim, call: SimCall): void {
  call.phase = 'ringing';
  send(sim, call, { type: 'ringing', callId: call.id, at: sim.now });
  sim.queue.push({ at: sim.now + call.run.config.ring.timeoutMs, kind: 'giveUp', call });
}

/** The ring timeout: hang up — unless the minimum ring has not passed and the dialler respects it (then on `minRingReached`). */
export function ringTimeout(sim: Sim, call: SimCall): void {
  if (call.phase !== 'ringing' && call.phase !== 'dialling') return;
  if (call.run.config.ring.respectMinRing && !call.minRingReached) call.giveUpPending = true;
  else hangup(sim, call, 'caller', 'noAnswer');
}

/** Someone picked up: report it. */
export function lineAnswered(sim: Sim, call: SimCall): void {
  call.phase = 'answered';
  call.answered = true;
  send(sim, call, { type: 'answer', callId: call.id, at: sim.now });
}

/** The greeting started (the start of salutation, A2.19): report it. */
export function speechStarted(sim: Sim, call: SimCall): void {
  send(sim, call, { type: 'salutation', callId: call.id, at: sim.now, phase: 'start' });
}

/** AMD's verdict: a machine is hung up on (and maybe reviewed); a person goes to an agent. Ignored once an agent or the message has the call. */
export function amdSaid(sim: Sim, call: SimCall, verdict: AmdResult): void {
  if (call.phase !== 'answered') return;
  send(sim, call, { type: 'amd', callId: call.id, at: sim.now, result: verdict });
  if (verdict === 'machine') {
    hangup(sim, call, 'caller');
    reviewRecording(sim, call);
    return;
  }
  personOnLine(sim, call);
}

/** The agent's (or the reviewer's) disposition: who answered (A2.24). */
export function dispositionGiven(sim: Sim, call: SimCall, verdict: 'human' | 'machine'): void {
  send(sim, call, { type: 'disposition', callId: call.id, at: sim.now, verdict });
}

/** A person (as far as the dialler knows) is on the line: an agent if one is free, else the no-agent plan. */
export function personOnLine(sim: Sim, call: SimCall): void {
  const run = call.run;
  if (call.agent !== null) return connect(sim, call, call.agent);
  const agent = run.agents.take();
  if (agent !== null) return connect(sim, call, agent);
  wait(call);
  const m = run.config.message;
  if (m.mode === 'immediate') sim.queue.push({ at: sim.now + m.startMs, kind: 'messageStart', call });
  else if (m.mode === 'none') sim.queue.push({ at: sim.now + m.holdLimitMs, kind: 'holdLimit', call });
  // onDeadline: the messageDue notice decides.
}

/** The call waits for an agent. */
function wait(call: SimCall): void {
  call.phase = 'waiting';
  call.run.waiting.calls.push(call);
}

/** An agent takes the call. */
function connect(sim: Sim, call: SimCall, agent: Agent): void {
  call.phase = 'agent';
  call.agent = agent;
  agent.state = 'talking';
  agent.calls += 1;
  resolve(call);
  send(sim, call, { type: 'agent', callId: call.id, at: sim.now });
  startConversation(sim, call, agent);
}

/** The information message plays (A2.16–A2.19); `onNotice`: on a `messageDue` notice, at its moment. */
function playMessage(sim: Sim, call: SimCall, onNotice: boolean): void {
  const m = call.run.config.message;
  call.phase = 'message';
  resolve(call);
  sim.tally.messagesPlayed += 1;
  if (onNotice) sim.tally.messagesOnNotice += 1;
  send(sim, call, { type: 'message', callId: call.id, at: sim.now, content: m.content });
  personListens(sim, call, m.lengthMs);
  sim.queue.push({ at: sim.now + m.lengthMs, kind: 'messageEnd', call });
}

/** `immediate` mode: the message starts now, if the call still waits. */
export function messageStart(sim: Sim, call: SimCall): void {
  if (call.phase === 'waiting') playMessage(sim, call, false);
}

/** The message has played to the end: hang up. */
export function messageEnd(sim: Sim, call: SimCall): void {
  if (call.phase === 'message') hangup(sim, call, 'caller');
}

/** `none` mode: dead air held long enough; hang up. */
export function holdLimit(sim: Sim, call: SimCall): void {
  if (call.phase === 'waiting') hangup(sim, call, 'caller');
}

/** An agent is free: the longest-waiting answered call first (its clock brought to now), else back to the pool, and pace. */
export function agentFree(sim: Sim, run: DiallerRun, agent: Agent): void {
  const line = run.waiting;
  while (line.head < line.calls.length) {
    const next = line.calls[line.head++] as SimCall;
    if (next.phase !== 'waiting') continue;
    sync(sim, next); // a deadline of this very millisecond comes first
    if (next.phase !== 'waiting') continue;
    agent.state = 'reserved';
    connect(sim, next, agent);
    compactWaiting(run);
    return;
  }
  compactWaiting(run);
  run.agents.release(agent);
  pace(sim, run);
}

/** Drops the served head of the waiting line once it is long. */
function compactWaiting(run: DiallerRun): void {
  const line = run.waiting;
  if (line.head > 256 && line.head * 2 > line.calls.length) {
    line.calls.splice(0, line.head);
    line.head = 0;
  }
}

/** A deadline notice from the call's machine: the dialler acts on it. */
export function noticeArrived(sim: Sim, call: SimCall, notice: DeadlineNotice): void {
  if (call.phase === 'ended') return;
  switch (notice.kind) {
    case 'minRingReached':
      call.minRingReached = true;
      if (call.giveUpPending && (call.phase === 'dialling' || call.phase === 'ringing')) hangup(sim, call, 'caller', 'noAnswer');
      return;
    case 'maxRingReached':
      if (call.phase === 'dialling' || call.phase === 'ringing') hangup(sim, call, 'caller', 'noAnswer');
      return;
    case 'messageDue':
      return messageDue(sim, call);
  }
}

/** A2.19's deadline: an agent if one is free, else the message (or, with no message, the wait for an agent goes on until the hold limit). */
function messageDue(sim: Sim, call: SimCall): void {
  const m = call.run.config.message;
  if (call.phase === 'answered') {
    // AMD has not decided by the deadline.
    const agent = call.agent ?? call.run.agents.take();
    if (agent !== null) return connect(sim, call, agent);
    if (m.mode === 'none') {
      wait(call);
      sim.queue.push({ at: sim.now + m.holdLimitMs, kind: 'holdLimit', call });
      return;
    }
    return playMessage(sim, call, true);
  }
  if (call.phase === 'waiting' && m.mode !== 'none') playMessage(sim, call, true);
}
