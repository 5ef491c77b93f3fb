/**
 * A compact predictive dialler for the governor example: one campaign, one pool of agents,
 * the simulator's public (`examples/sim`: the same recipients, answer times, voicemail and
 * random streams, so two runs on one seed meet the same people) — and a dial ratio that
 * can be capped, call by call, by dialguard's `pacing()` governor.
 *
 * Why not `simulate()` itself: its predictive ratio is internal to the run (fixed, or its
 * own adaptive rule), with no hook for an outside governor. This dialler is smaller: calls
 * are judged by dialguard's classifier (`foldEvents` + `classify`, the same rules the call
 * machines apply) when they end, instead of running a machine per call.
 *
 * The dialler:
 * - dials `ratio × (free agents + agents ending wrap-up within 8 s) − calls in progress`
 *   lines whenever an agent or a line frees up, and every 5 s;
 * - AMD on: a person's "hello" is judged in about 1.1 s, a machine's in 1.5 s; 2 % of people
 *   are taken for machines and cut off (silent calls, A1.6, found by review), 12 % of
 *   machines reach an agent (z, A3.6);
 * - a person no agent takes waits until 2 s after the start of salutation (A2.19), then
 *   hears the information message: an abandoned call; unanswered lines ring 24 s;
 * - numbers that did not answer are tried again 2 h later (4 attempts); a number with a
 *   silent or abandoned call is not called again that day (A2.9).
 */
import { Subject } from 'rxjs';
import { classify, foldEvents, type CallEvent, type ClassifiedCall, type MessageContent, type Policy } from 'dialguard';
import { createAgentPool, type Agent } from '../sim/agents.js';
import { DEFAULT_DIALLER, type PopulationConfig } from '../sim/config.js';
import { createEventQueue } from '../sim/queue.js';
import { planAttempt, recipientAt, type AttemptPlan, type Recipient } from '../sim/recipients.js';
import { createRng } from '../sim/rng.js';
import { wallClock } from '../sim/time.js';

/** One run of the dialler. */
export interface DiallerRunConfig {
  readonly seed: number;
  readonly policy: Policy;
  readonly campaignId: string;
  readonly agents: number;
  /** The dialler's own ratio (dials per available agent). */
  readonly ratio: number;
  /** Dialling window, epoch ms (end exclusive); calls in progress at the end finish. */
  readonly start: number;
  readonly end: number;
  /**
   * Called with every classified call as it ends; returns the cap on the ratio from then on
   * (`null`: no cap). The example passes dialguard's `pacing()` here.
   */
  readonly governor?: ((calls: Subject<ClassifiedCall>) => () => number | null) | undefined;
  readonly population?: PopulationConfig | undefined;
}

/** What a run produced. */
export interface DiallerRunResult {
  readonly calls: readonly ClassifiedCall[];
  /** Agent time spent talking to people and machines, ms. */
  readonly talkMs: number;
  /** The ratio actually used, sampled each time the dialler paced: time-weighted mean. */
  readonly meanRatio: number;
}

type Phase = 'dialling' | 'ringing' | 'answered' | 'waiting' | 'agent' | 'message' | 'ended';

interface Call {
  readonly id: string;
  readonly recipient: Recipient;
  readonly plan: AttemptPlan;
  readonly events: CallEvent[];
  phase: Phase;
  truth: 'human' | 'machine' | null;
  agent: Agent | null;
  pending: boolean;
  /** The dialler's disposition, sent at hangup: `human` for a reviewed AMD false positive, `machine` for an agent who met a machine. */
  disposition: 'human' | 'machine' | null;
}

type Ev =
  | { at: number; kind: 'tick' }
  | { at: number; kind: 'wrapEnd'; agent: Agent }
  | { at: number; kind: 'ringing' | 'pickup' | 'greeting' | 'giveUp' | 'deadline' | 'silence' | 'listenEnd' | 'messageEnd' | 'talkEnd'; call: Call }
  | { at: number; kind: 'network'; call: Call; cause: 'invalidNumber' | 'busy' }
  | { at: number; kind: 'amd'; call: Call; verdict: 'human' | 'machine' | 'unknown' };

const MESSAGE: MessageContent = DEFAULT_DIALLER.message.content;
const MESSAGE_MS = 11_000;
const RING_TIMEOUT_MS = 24_000;
const LOOKAHEAD_MS = 8_000;
const TICK_MS = 5_000;
const REDIAL_MS = 2 * 3_600_000;
const MAX_ATTEMPTS = 4;

/** Runs the dialler over its window and returns every call, classified. */
export function runDialler(config: DiallerRunConfig): DiallerRunResult {
  const { policy } = config;
  const population = config.population ?? DEFAULT_DIALLER.population;
  const root = createRng(config.seed);
  const queue = createEventQueue<Ev>();
  const agents = createAgentPool(config.agents);
  const waiting: Call[] = [];
  const retries = createEventQueue<{ at: number; index: number }>();
  const attempts = new Map<number, number>();
  const calls: ClassifiedCall[] = [];
  const ended$ = new Subject<ClassifiedCall>();
  const cap = config.governor?.(ended$) ?? (() => null);
  let now = config.start;
  let fresh = 0;
  let seq = 0;
  let pending = 0;
  let talkMs = 0;
  let ratioTime = 0;
  let ratioArea = 0;
  let lastPace = config.start;
  let lastRatio = config.ratio;

  const hourOf = (at: number): number => wallClock(at, policy.timeZone).hour;
  const ev = (call: Call, e: CallEvent): void => void call.events.push(e);

  const finish = (call: Call): void => {
    if (call.disposition !== null) ev(call, { type: 'disposition', callId: call.id, at: now, verdict: call.disposition });
    const classified = classify(foldEvents(call.events), policy);
    calls.push(classified);
    const index = call.recipient.index;
    const c = classified.category;
    if (c === 'unconnected' && classified.record.hangupCause !== 'invalidNumber') again(index);
    if (c === 'answerMachine') again(index);
    ended$.next(classified);
  };

  const again = (index: number): void => {
    if ((attempts.get(index) ?? 0) < MAX_ATTEMPTS) retries.push({ at: now + REDIAL_MS, index });
  };

  const resolve = (call: Call): void => {
    if (!call.pending) return;
    call.pending = false;
    pending -= 1;
  };

  const hangup = (call: Call, by: 'caller' | 'recipient' | 'network', cause?: 'noAnswer' | 'busy' | 'invalidNumber'): void => {
    if (call.phase === 'ended') return;
    call.phase = 'ended';
    resolve(call);
    ev(call, cause === undefined ? { type: 'hangup', callId: call.id, at: now, by } : { type: 'hangup', callId: call.id, at: now, by, cause });
    finish(call);
  };

  const connect = (call: Call, agent: Agent): void => {
    call.phase = 'agent';
    call.agent = agent;
    resolve(call);
    agent.state = 'talking';
    ev(call, { type: 'agent', callId: call.id, at: now });
    const rng = call.plan.rng;
    const talk = call.truth === 'machine' ? rng.uniform(3_000, 8_000) : Math.max(10_000, rng.logNormal(150_000, 0.6));
    talkMs += talk;
    if (call.truth === 'machine') call.disposition = 'machine';
    queue.push({ at: now + Math.round(talk), kind: 'talkEnd', call });
    const wrap = call.truth === 'machine' ? rng.uniform(4_000, 9_000) : Math.max(3_000, rng.logNormal(25_000, 0.4));
    agent.wrapEndsAt = now + Math.round(talk) + Math.round(wrap);
    queue.push({ at: agent.wrapEndsAt, kind: 'wrapEnd', agent });
  };

  const message = (call: Call): void => {
    call.phase = 'message';
    resolve(call);
    ev(call, { type: 'message', callId: call.id, at: now, content: MESSAGE });
    if (call.truth === 'human' && call.plan.listenMs < MESSAGE_MS) queue.push({ at: now + call.plan.listenMs, kind: 'listenEnd', call });
    queue.push({ at: now + MESSAGE_MS, kind: 'messageEnd', call });
  };

  /** AMD (or the deadline) says a person: an agent if one is free, else wait for one until the deadline. */
  const decide = (call: Call): void => {
    const agent = agents.take();
    if (agent !== null) return connect(call, agent);
    call.phase = 'waiting';
    waiting.push(call);
  };

  const nextIndex = (): number => {
    const due = retries.peek();
    if (due !== undefined && due.at <= now) {
      retries.pop();
      return due.index;
    }
    return fresh++;
  };

  const ratioNow = (): number => {
    const c = cap();
    return c === null ? config.ratio : Math.min(config.ratio, c);
  };

  const pace = (): void => {
    if (now >= config.end) return;
    const ratio = ratioNow();
    ratioArea += lastRatio * (now - lastPace);
    ratioTime += now - lastPace;
    lastPace = now;
    lastRatio = ratio;
    let freeSoon = 0;
    for (const a of agents.agents) if (a.state === 'wrapUp' && a.wrapEndsAt <= now + LOOKAHEAD_MS) freeSoon += 1;
    const n = Math.max(0, Math.floor(ratio * (agents.idleCount() + freeSoon) - pending + 1e-9));
    for (let i = 0; i < n; i++) dial(nextIndex());
  };

  const dial = (index: number): void => {
    const recipient = recipientAt(index, population, root);
    const attempt = (attempts.get(index) ?? 0) + 1;
    attempts.set(index, attempt);
    const plan = planAttempt(recipient, attempt, hourOf(now), population, root);
    const id = `${config.campaignId}-${String(++seq).padStart(6, '0')}`;
    const call: Call = { id, recipient, plan, events: [], phase: 'dialling', truth: null, agent: null, pending: true, disposition: null };
    pending += 1;
    ev(call, {
      type: 'dial',
      callId: id,
      at: now,
      campaignId: config.campaignId,
      callCentreId: 'leeds',
      to: recipient.number,
      cli: DEFAULT_DIALLER.cli,
      agentGuaranteed: false,
      amd: true,
      messagePlanned: true,
    });
    if (plan.line === 'rings') queue.push({ at: now + plan.postDialMs, kind: 'ringing', call });
    else queue.push({ at: now + plan.postDialMs, kind: 'network', call, cause: plan.line === 'invalid' ? 'invalidNumber' : 'busy' });
  };

  const agentFree = (agent: Agent): void => {
    while (waiting.length > 0) {
      const call = waiting.shift() as Call;
      if (call.phase === 'waiting') {
        agent.state = 'reserved';
        return connect(call, agent);
      }
    }
    agents.release(agent);
    pace();
  };

  const handle = (e: Ev): void => {
    switch (e.kind) {
      case 'tick':
        pace();
        if (now < config.end) queue.push({ at: now + TICK_MS, kind: 'tick' });
        return;
      case 'wrapEnd':
        return agentFree(e.agent);
      case 'network':
        if (e.call.phase === 'dialling') hangup(e.call, 'network', e.cause);
        return pace();
      default:
    }
    const call = e.call;
    const plan = call.plan;
    const rng = plan.rng;
    switch (e.kind) {
      case 'ringing': {
        call.phase = 'ringing';
        ev(call, { type: 'ringing', callId: call.id, at: now });
        const h = plan.humanAfterMs;
        const m = plan.machineAfterMs;
        const first = h !== null && (m === null || h < m) ? h : m;
        if (first !== null && first < RING_TIMEOUT_MS) queue.push({ at: now + first, kind: 'pickup', call });
        queue.push({ at: now + RING_TIMEOUT_MS, kind: 'giveUp', call });
        return;
      }
      case 'giveUp':
        if (call.phase === 'ringing') {
          hangup(call, 'caller', 'noAnswer');
          pace();
        }
        return;
      case 'pickup': {
        if (call.phase !== 'ringing') return;
        const h = plan.humanAfterMs;
        call.truth = h !== null && (plan.machineAfterMs === null || h < plan.machineAfterMs) ? 'human' : 'machine';
        call.phase = 'answered';
        ev(call, { type: 'answer', callId: call.id, at: now });
        if (call.truth === 'human') queue.push({ at: now + (plan.greetingAfterMs ?? 0) + plan.greetingMs + plan.patienceMs, kind: 'silence', call });
        if (plan.greetingAfterMs === null) {
          queue.push({ at: now + policy.message.deadlineMs, kind: 'deadline', call });
          queue.push({ at: now + 4_000, kind: 'amd', call, verdict: 'unknown' });
        } else {
          queue.push({ at: now + plan.greetingAfterMs, kind: 'greeting', call });
        }
        return;
      }
      case 'greeting': {
        if (call.phase !== 'answered') return;
        ev(call, { type: 'salutation', callId: call.id, at: now, phase: 'start' });
        queue.push({ at: now + policy.message.deadlineMs, kind: 'deadline', call });
        const human = call.truth === 'human';
        const wrong = rng.chance(human ? 0.02 : 0.12);
        const after = Math.round(Math.max(300, human ? rng.logNormal(1_100, 0.2) : rng.logNormal(1_500, 0.15)));
        queue.push({ at: now + after, kind: 'amd', call, verdict: human === !wrong ? 'human' : 'machine' });
        return;
      }
      case 'amd':
        if (call.phase !== 'answered') return;
        ev(call, { type: 'amd', callId: call.id, at: now, result: e.verdict });
        if (e.verdict === 'machine') {
          if (call.truth === 'human') call.disposition = 'human'; // reviewed: a person cut off (A1.6)
          hangup(call, 'caller');
          return pace();
        }
        return decide(call);
      case 'deadline':
        // A2.19: 2 s after the start of salutation (or pickup) — an agent if one is free, else the message.
        if (call.phase === 'answered' || call.phase === 'waiting') {
          const agent = agents.take();
          if (agent !== null) connect(call, agent);
          else message(call);
          pace();
        }
        return;
      case 'silence':
        if (call.phase === 'answered' || call.phase === 'waiting') hangup(call, 'recipient');
        return;
      case 'listenEnd':
        if (call.phase === 'message') hangup(call, 'recipient');
        return;
      case 'messageEnd':
        if (call.phase === 'message') hangup(call, 'caller');
        return;
      case 'talkEnd': {
        if (call.phase !== 'agent') return;
        hangup(call, call.truth === 'machine' ? 'caller' : plan.endsConversation);
        (call.agent as Agent).state = 'wrapUp'; // until `wrapEndsAt`, queued at connect
        return;
      }
    }
  };

  queue.push({ at: config.start, kind: 'tick' });
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
    now = e.at;
    handle(e);
  }
  ended$.complete();
  ratioArea += lastRatio * (config.end - lastPace);
  ratioTime += config.end - lastPace;
  return { calls, talkMs, meanRatio: ratioTime === 0 ? config.ratio : ratioArea / ratioTime };
}
