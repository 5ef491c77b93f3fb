/**
 * The campaign simulator: a seeded discrete-event simulation of outbound diallers that
 * drives dialguard exactly as a real dialler would — call events in, deadline notices out,
 * the classified call back when each call machine ends.
 *
 * How it runs:
 * 1. One event queue (a binary heap, `queue.ts`) holds everything that will happen: a
 *    line starting to ring, a pickup, a greeting, AMD's verdict, an agent finishing a
 *    conversation or wrap-up, a recipient losing patience, a deadline coming … Events of
 *    the same millisecond run in the order they were queued, so a seed gives one run.
 * 2. Every call is an actor of one `createCallMachine(policy, …)` definition. Each actor
 *    runs on its own xstate `SimulatedClock`, which the simulator sets to the simulated time
 *    before it sends the call an event ("event-time driving": a dialler's wall clock and its
 *    event stamps agree). One clock per call keeps `SimulatedClock.set` cheap — it sorts
 *    the timers it holds on every set — while every clock reads the same simulated time
 *    whenever it matters.
 * 3. After every event the simulator reads the machine's armed deadlines
 *    (`snapshot.context.deadlines`) and queues a wake-up at the next one, so the call's clock
 *    reaches the deadline's exact millisecond and the machine emits its notice then
 *    (`actor.on('deadline', …)`): `minRingReached` lets the dialler give up on a ringing
 *    line, `maxRingReached` makes it stop, and `messageDue` (A2.19) is when a dialler in
 *    `onDeadline` mode plays the information message to a person no agent took.
 * 4. When an actor ends, its output (`snapshot.output`, a `ClassifiedCall`) goes to the
 *    dialler's list manager (redial or not — a well-run dialler does not call a number again
 *    within 72 h of a silent or abandoned call, A2.9), and through dialguard's operators:
 *    `misuse()`, for the flags that show only across calls (a repeat within 72 h, an ACR
 *    alert), and `acr()`, whose running rate an adaptive predictive dialler paces by.
 *
 * Only dialguard's public API is used; everything else here is the dialler and the world.
 */
import { Subject } from 'rxjs';
import { createActor, SimulatedClock, type Actor } from 'xstate';
import {
  acr,
  createCallMachine,
  misuse,
  type AmdResult,
  type CallEvent,
  type CallMachine,
  type ClassifiedCall,
  type DeadlineKind,
  type DeadlineNotice,
  type HangupBy,
  type HangupCause,
  type MisuseUpdate,
} from 'dialguard';
import { createAgentPool, type Agent, type AgentPool } from './agents.js';
import type { DiallerConfig, SimulationConfig } from './config.js';
import { adaptRatio, RAISE_EVERY, predictiveCalls, reservesAgent } from './dialler.js';
import { createEventQueue, type EventQueue } from './queue.js';
import { planAttempt, recipientAt, type AttemptPlan, type Recipient } from './recipients.js';
import { createRng } from './rng.js';
import { wallClock } from './time.js';

/** Where a call is, as the dialler sees it. */
type Phase = 'dialling' | 'ringing' | 'answered' | 'waiting' | 'agent' | 'message' | 'ended';

/** The dialler's state of one call (the library's state is in the actor). */
interface SimCall {
  readonly id: string;
  readonly run: DiallerRun;
  readonly recipient: Recipient;
  readonly attempt: number;
  readonly plan: AttemptPlan;
  readonly actor: Actor<CallMachine>;
  readonly clock: SimulatedClock;
  phase: Phase;
  /** Who really picked up (the simulator knows; the dialler only has AMD and its agents). */
  truth: 'human' | 'machine' | null;
  /** The agent reserved for (preview, progressive) or talking on the call. */
  agent: Agent | null;
  readonly guaranteed: boolean;
  /** Counted in the dialler's pending calls (placed, not yet given to an agent, a message or a hangup). */
  pending: boolean;
  minRingReached: boolean;
  /** The ring timeout came before the minimum ring: hang up on `minRingReached`. */
  giveUpPending: boolean;
  answered: boolean;
  finished: boolean;
  /** The one wake-up queued for the call's machine (its next timer), `NaN` when none; queued ones at other times are stale. */
  wakeAt: number;
  /** After the hangup of an answered call: when the machine stops waiting for the disposition. */
  waitUntil: number;
}

/** A dialler while it runs. */
interface DiallerRun {
  readonly config: DiallerConfig;
  readonly index: number;
  readonly agents: AgentPool;
  readonly attempts: Uint8Array;
  readonly done: Uint8Array;
  readonly retries: EventQueue<{ at: number; index: number }>;
  readonly waiting: SimCall[];
  waitingHead: number;
  fresh: number;
  open: boolean;
  pending: number;
  ratio: number;
  minRatio: number;
  maxRatio: number;
  seq: number;
  runningAcr: { rate: number | null; live: number } | null;
  endedSinceAdapt: number;
  /** Something freed up: pace once the current event is done. */
  paceDue: boolean;
  dialled: number;
  exhausted: boolean;
}

type SimEvent =
  | { at: number; kind: 'open' | 'close' | 'tick'; run: DiallerRun }
  | { at: number; kind: 'place'; run: DiallerRun; agent: Agent; index: number }
  | { at: number; kind: 'wrapEnd'; run: DiallerRun; agent: Agent }
  | { at: number; kind: 'disposition'; call: SimCall; verdict: 'human' | 'machine' }
  | { at: number; kind: 'amd'; call: SimCall; verdict: AmdResult }
  | { at: number; kind: 'network'; call: SimCall; cause: HangupCause }
  | {
      at: number;
      kind: 'ringing' | 'pickup' | 'greeting' | 'giveUp' | 'silenceHangup' | 'listenEnd' | 'messageStart' | 'messageEnd' | 'talkEnd' | 'holdLimit' | 'wake';
      call: SimCall;
    };

/** What the simulator knows and dialguard cannot: who really answered, and what AMD made of it. */
export interface AmdTruth {
  /** Calls with AMD on that a person answered, and of those, how many AMD called a machine. */
  readonly humans: number;
  readonly falsePositives: number;
  /** Calls with AMD on that a machine answered, and of those, how many AMD called a person. */
  readonly machines: number;
  readonly falseNegatives: number;
}

/** Per dialler, after the run. */
export interface DiallerSummary {
  readonly campaignId: string;
  readonly callCentreId: string;
  readonly mode: string;
  readonly agents: number;
  readonly dialled: number;
  /** Share of the dialling windows' time the agents spent talking. */
  readonly occupancy: number;
  /** The lowest and highest ratio it dialled at, and the one at the end (they differ only for an adaptive dialler). */
  readonly ratios: { readonly min: number; readonly max: number; readonly final: number };
  /** The list ran out before the end. */
  readonly exhausted: boolean;
}

/** The outcome of a simulation. */
export interface SimulationResult {
  /** Every call, classified by its call machine, in the order the machines ended. */
  readonly calls: readonly ClassifiedCall[];
  /**
   * The same calls as dialguard's `misuse()` operator judged them live, in the same order:
   * each call with its cross-call flags (`repeatWithin72h`, A2.9) and every flag it raised,
   * scope flags included (`acrAlert`, `tooManyClis`, `numberScanning`) — what `report()` takes.
   */
  readonly judged: readonly MisuseUpdate[];
  readonly dialled: number;
  /** Call events sent to call machines. */
  readonly events: number;
  /** Deadline notices the machines emitted, by kind. */
  readonly notices: Readonly<Record<DeadlineKind, number>>;
  /** Information messages played, and how many of them on a `messageDue` notice (at its exact moment). */
  readonly messages: { readonly played: number; readonly onNotice: number };
  /** Ground truth about AMD (A2.24 evidence is what the records show; this is what really happened). */
  readonly amdTruth: AmdTruth;
  readonly diallers: readonly DiallerSummary[];
  /** First dial to last machine ended, ms of simulated time. */
  readonly simulatedMs: number;
}

/** The pacing also looks again this often, whatever happens (it mostly runs when a call or an agent frees up). */
const TICK_MS = 5_000;

/** Runs a simulation to the end and returns every call classified. */
export function simulate(config: SimulationConfig): SimulationResult {
  const { policy } = config;
  const machine = createCallMachine(policy, { dispositionWaitMs: config.dispositionWaitMs });
  const queue = createEventQueue<SimEvent>();
  const root = createRng(config.seed);
  const calls: ClassifiedCall[] = [];
  const notices: Record<DeadlineKind, number> = { minRingReached: 0, maxRingReached: 0, messageDue: 0 };
  const noticeQueue: [SimCall, DeadlineNotice][] = [];
  let now = config.windows[0]?.start ?? 0;
  let events = 0;
  let dialled = 0;
  let ended = 0;
  let messagesPlayed = 0;
  let messagesOnNotice = 0;
  const truth = { humans: 0, falsePositives: 0, machines: 0, falseNegatives: 0 };
  let firstDial = Infinity;
  let lastEnd = -Infinity;

  // Each finished call goes through dialguard's operators, live: `misuse()` for the flags
  // that only show across calls, `acr()` for the running rate an adaptive dialler paces by.
  const classified$ = new Subject<ClassifiedCall>();
  const judged: MisuseUpdate[] = [];
  const misuseSubscription = classified$.pipe(misuse(policy)).subscribe((update) => void judged.push(update));
  const runsByCell = new Map<string, DiallerRun>();
  const acrSubscription = classified$.pipe(acr({ policy, scopes: ['campaignCallCentre'] })).subscribe((update) => {
    const row = update.rows[0];
    if (row === undefined) return;
    const run = runsByCell.get(`${row.campaignId}\u0000${row.callCentreId}`);
    if (run !== undefined) run.runningAcr = { rate: row.acr.rate, live: row.acr.y };
  });

  const runs: DiallerRun[] = config.diallers.map((d, index) => {
    const run: DiallerRun = {
      config: d,
      index,
      agents: createAgentPool(d.agents.count),
      attempts: new Uint8Array(d.listSize),
      done: new Uint8Array(d.listSize),
      retries: createEventQueue(),
      waiting: [],
      waitingHead: 0,
      fresh: 0,
      open: false,
      pending: 0,
      ratio: d.pacing.ratio,
      minRatio: d.pacing.ratio,
      maxRatio: d.pacing.ratio,
      seq: 0,
      runningAcr: null,
      endedSinceAdapt: 0,
      paceDue: false,
      dialled: 0,
      exhausted: false,
    };
    runsByCell.set(`${d.campaignId}\u0000${d.callCentreId}`, run);
    return run;
  });
  const talkMs = new Float64Array(runs.length);

  for (const w of config.windows) {
    for (const run of runs) {
      queue.push({ at: w.start, kind: 'open', run });
      queue.push({ at: w.end, kind: 'close', run });
    }
  }
  const windowTotal = config.windows.reduce((s, w) => s + (w.end - w.start), 0);
  const windowDone = (at: number): number =>
    windowTotal === 0 ? 1 : config.windows.reduce((s, w) => s + Math.max(0, Math.min(at, w.end) - w.start), 0) / windowTotal;

  // Local hour of an instant, cached per UTC hour (zones here move by whole hours).
  const hours = new Map<number, number>();
  const localHour = (at: number): number => {
    const key = Math.floor(at / 3_600_000);
    let h = hours.get(key);
    if (h === undefined) hours.set(key, (h = wallClock(at, policy.timeZone).hour));
    return h;
  };

  // ── the library boundary ────────────────────────────────────────────────────────────

  /** Sends one call event to the call's machine, at the simulated time. */
  const send = (call: SimCall, event: CallEvent): void => {
    if (call.finished) return;
    events += 1;
    call.actor.send(event);
    armWakes(call);
    checkEnded(call);
  };

  /**
   * Queues a wake-up at the machine's next timer: its earliest armed deadline (the maximum
   * ring only once the minimum ring has passed — the machine times one ring phase at a time)
   * or the end of its wait for a disposition. One wake-up per call at a time: one queued for
   * a deadline that has since moved or been disarmed is stale and skipped.
   */
  const armWakes = (call: SimCall): void => {
    if (call.finished) return;
    const d = call.actor.getSnapshot().context.deadlines;
    let next = d.minRingAt ?? d.maxRingAt ?? Infinity;
    if (d.messageDueAt !== null && d.messageDueAt < next) next = d.messageDueAt;
    if (call.waitUntil < next) next = call.waitUntil;
    if (next === Infinity) {
      call.wakeAt = NaN;
      return;
    }
    if (next === call.wakeAt) return;
    call.wakeAt = Math.max(next, now);
    queue.push({ at: call.wakeAt, kind: 'wake', call });
  };

  /** Brings the call's clock to now: its due timers fire, and their notices are acted on. */
  const sync = (call: SimCall): void => {
    if (call.finished) return;
    call.clock.set(now); // fires the timers due by now (at the same instant too: a delay of 0 is due)
    drainNotices();
    checkEnded(call);
    armWakes(call);
  };

  const checkEnded = (call: SimCall): void => {
    if (call.finished) return;
    const snapshot = call.actor.getSnapshot();
    if (snapshot.status !== 'done') return;
    call.finished = true;
    const output = snapshot.output;
    if (output === null || output === undefined) return;
    ended += 1;
    lastEnd = Math.max(lastEnd, now);
    calls.push(output);
    afterCall(call, output);
    classified$.next(output);
    adapt(call.run);
  };

  const drainNotices = (): void => {
    while (noticeQueue.length > 0) {
      const [call, notice] = noticeQueue.shift() as [SimCall, DeadlineNotice];
      notices[notice.kind] += 1;
      onNotice(call, notice);
    }
  };

  // ── the dialler ─────────────────────────────────────────────────────────────────────

  const dial = (run: DiallerRun, index: number, agent: Agent | null): void => {
    const d = run.config;
    const recipient = recipientAt(d.listStart + index, d.population, root);
    const attempt = ++run.attempts[index]!;
    const plan = planAttempt(recipient, attempt, localHour(now), d.population, root);
    const id = `${d.campaignId}-${d.callCentreId}-${String(++run.seq).padStart(6, '0')}`;
    const clock = new SimulatedClock();
    clock.set(now);
    const actor = createActor(machine, { clock, input: { callId: id } });
    const call: SimCall = {
      id,
      run,
      recipient,
      attempt,
      plan,
      actor,
      clock,
      phase: 'dialling',
      truth: null,
      agent,
      guaranteed: agent !== null,
      pending: true,
      minRingReached: false,
      giveUpPending: false,
      answered: false,
      finished: false,
      wakeAt: NaN,
      waitUntil: NaN,
    };
    actor.on('deadline', (notice) => void noticeQueue.push([call, notice]));
    actor.start();
    run.pending += 1;
    run.dialled += 1;
    dialled += 1;
    firstDial = Math.min(firstDial, now);
    send(call, {
      type: 'dial',
      callId: id,
      at: now,
      campaignId: d.campaignId,
      callCentreId: d.callCentreId,
      to: recipient.number,
      cli: d.cli,
      agentGuaranteed: call.guaranteed,
      amd: d.amd.enabled,
      messagePlanned: d.message.mode !== 'none',
    });
    if (plan.line === 'rings') queue.push({ at: now + plan.postDialMs, kind: 'ringing', call });
    else queue.push({ at: now + plan.postDialMs, kind: 'network', call, cause: plan.line === 'invalid' ? 'invalidNumber' : 'busy' });
  };

  /** The next number to call: a redial that is due, else a fresh one; `null` when the list is used up. */
  const nextNumber = (run: DiallerRun): number | null => {
    for (;;) {
      const due = run.retries.peek();
      if (due !== undefined && due.at <= now) {
        run.retries.pop();
        if (run.done[due.index] === 0) return due.index;
        continue;
      }
      if (run.fresh < run.config.listSize) return run.fresh++;
      if (run.retries.size === 0) run.exhausted = true;
      return null;
    }
  };

  const pace = (run: DiallerRun): void => {
    if (!run.open) return;
    const d = run.config;
    if (reservesAgent(d.pacing, run.runningAcr?.live ?? 0)) {
      while (run.agents.idleCount() > 0) {
        const index = nextNumber(run);
        if (index === null) return;
        const agent = run.agents.take() as Agent;
        if (d.pacing.mode === 'preview' && d.pacing.previewMs > 0) queue.push({ at: now + d.pacing.previewMs, kind: 'place', run, agent, index });
        else dial(run, index, agent);
      }
      return;
    }
    const n = predictiveCalls(run.ratio, {
      idle: run.agents.idleCount(),
      freeSoon: run.agents.freeBy(now + d.pacing.lookaheadMs),
      pending: run.pending,
    });
    for (let i = 0; i < n; i++) {
      const index = nextNumber(run);
      if (index === null) return;
      dial(run, index, null);
    }
  };

  const adapt = (run: DiallerRun): void => {
    const mayRaise = ++run.endedSinceAdapt >= RAISE_EVERY;
    if (mayRaise) run.endedSinceAdapt = 0;
    run.ratio = adaptRatio(run.config.pacing, run.ratio, run.runningAcr, mayRaise);
    run.minRatio = Math.min(run.minRatio, run.ratio);
    run.maxRatio = Math.max(run.maxRatio, run.ratio);
  };

  const resolve = (call: SimCall): void => {
    if (!call.pending) return;
    call.pending = false;
    call.run.pending -= 1;
    call.run.paceDue = true;
  };

  const hangup = (call: SimCall, by: HangupBy, cause?: HangupCause): void => {
    if (call.phase === 'ended') return;
    const wasAnswered = call.answered;
    const reserved = call.agent !== null && call.phase !== 'agent' ? call.agent : null;
    call.phase = 'ended';
    resolve(call);
    if (wasAnswered) call.waitUntil = now + config.dispositionWaitMs;
    send(call, cause === undefined ? { type: 'hangup', callId: call.id, at: now, by } : { type: 'hangup', callId: call.id, at: now, by, cause });
    if (reserved !== null) {
      // A reserved agent whose call never connected is free again.
      call.agent = null;
      agentFree(call.run, reserved);
    }
  };

  const connect = (call: SimCall, agent: Agent): void => {
    const run = call.run;
    const rng = call.plan.rng;
    call.phase = 'agent';
    call.agent = agent;
    agent.state = 'talking';
    agent.calls += 1;
    resolve(call);
    send(call, { type: 'agent', callId: call.id, at: now });
    const d = run.config.agents;
    const talk = call.truth === 'machine' ? rng.uniform(d.machineTalkMs[0], d.machineTalkMs[1]) : Math.max(10_000, rng.logNormal(d.talk.median, d.talk.sigma));
    agent.talkMs += talk;
    talkMs[run.index] = (talkMs[run.index] ?? 0) + talk;
    queue.push({ at: now + Math.round(talk), kind: 'talkEnd', call });
  };

  /** A person (as far as the dialler knows) is on the line: an agent if one is free, else the no-agent plan. */
  const decide = (call: SimCall): void => {
    const run = call.run;
    if (call.agent !== null) return connect(call, call.agent);
    const agent = run.agents.take();
    if (agent !== null) return connect(call, agent);
    call.phase = 'waiting';
    run.waiting.push(call);
    const m = run.config.message;
    if (m.mode === 'immediate') queue.push({ at: now + m.startMs, kind: 'messageStart', call });
    else if (m.mode === 'none') queue.push({ at: now + m.holdLimitMs, kind: 'holdLimit', call });
    // onDeadline: the messageDue notice decides.
  };

  const playMessage = (call: SimCall, onNotice: boolean): void => {
    const m = call.run.config.message;
    call.phase = 'message';
    resolve(call);
    messagesPlayed += 1;
    if (onNotice) messagesOnNotice += 1;
    send(call, { type: 'message', callId: call.id, at: now, content: m.content });
    if (call.truth === 'human' && call.plan.listenMs < m.lengthMs) queue.push({ at: now + call.plan.listenMs, kind: 'listenEnd', call });
    queue.push({ at: now + m.lengthMs, kind: 'messageEnd', call });
  };

  const agentFree = (run: DiallerRun, agent: Agent): void => {
    // An answered call waiting for an agent goes first.
    while (run.waitingHead < run.waiting.length) {
      const next = run.waiting[run.waitingHead++] as SimCall;
      if (next.phase !== 'waiting') continue;
      sync(next); // its clock to now: a deadline of this very millisecond comes first
      if (next.phase !== 'waiting') continue;
      agent.state = 'reserved';
      connect(next, agent);
      compactWaiting(run);
      return;
    }
    compactWaiting(run);
    run.agents.release(agent);
    pace(run);
  };

  const compactWaiting = (run: DiallerRun): void => {
    if (run.waitingHead > 256 && run.waitingHead * 2 > run.waiting.length) {
      run.waiting.splice(0, run.waitingHead);
      run.waitingHead = 0;
    }
  };

  const onNotice = (call: SimCall, notice: DeadlineNotice): void => {
    if (call.phase === 'ended') return;
    const d = call.run.config;
    switch (notice.kind) {
      case 'minRingReached':
        call.minRingReached = true;
        if (call.giveUpPending && (call.phase === 'dialling' || call.phase === 'ringing')) hangup(call, 'caller', 'noAnswer');
        return;
      case 'maxRingReached':
        if (call.phase === 'dialling' || call.phase === 'ringing') hangup(call, 'caller', 'noAnswer');
        return;
      case 'messageDue':
        if (call.phase === 'answered') {
          // AMD has not decided by the deadline: an agent if one is free, else the message.
          const agent = call.agent ?? call.run.agents.take();
          if (agent !== null) return connect(call, agent);
          if (d.message.mode === 'none') {
            call.phase = 'waiting';
            call.run.waiting.push(call);
            queue.push({ at: now + d.message.holdLimitMs, kind: 'holdLimit', call });
            return;
          }
          return playMessage(call, true);
        }
        if (call.phase === 'waiting' && d.message.mode !== 'none') playMessage(call, true);
        return;
    }
  };

  /** The list manager: what to do with the number after the call, from the machine's classification. */
  const afterCall = (call: SimCall, out: ClassifiedCall): void => {
    const run = call.run;
    const index = call.recipient.index - run.config.listStart;
    const r = run.config.redial;
    const rng = call.plan.rng;
    const again = (): void => {
      if (run.attempts[index]! >= r.maxAttempts) run.done[index] = 1;
      else run.retries.push({ at: now + Math.round(r.afterMs * rng.uniform(0.9, 1.1)), index });
    };
    switch (out.category) {
      case 'live':
        run.done[index] = 1;
        return;
      case 'unconnected':
        if (out.record.hangupCause === 'invalidNumber') run.done[index] = 1;
        else again();
        return;
      case 'answerMachine':
        again();
        return;
      case 'silent':
      case 'abandoned':
        // A2.9: no repeat within 72 h without a guaranteed agent — the machine's output says which calls these are.
        if (r.respectRepeatWindow) run.done[index] = 1;
        else again();
        return;
    }
  };

  // ── the world ───────────────────────────────────────────────────────────────────────

  const handleCall = (e: Extract<SimEvent, { call: SimCall }>): void => {
    const call = e.call;
    if (e.kind === 'wake') {
      if (e.at !== call.wakeAt) return; // stale: the deadline moved or went
      call.wakeAt = NaN;
    }
    sync(call);
    const d = call.run.config;
    const plan = call.plan;
    const rng = plan.rng;
    switch (e.kind) {
      case 'wake':
        return; // sync did it
      case 'network':
        if (call.phase === 'dialling') hangup(call, 'network', e.cause);
        return;
      case 'ringing': {
        if (call.phase !== 'dialling') return;
        call.phase = 'ringing';
        send(call, { type: 'ringing', callId: call.id, at: now });
        const h = plan.humanAfterMs;
        const m = plan.machineAfterMs;
        const first = h !== null && (m === null || h < m) ? h : m;
        if (first !== null && first < d.ring.timeoutMs) queue.push({ at: now + first, kind: 'pickup', call });
        queue.push({ at: now + d.ring.timeoutMs, kind: 'giveUp', call });
        return;
      }
      case 'giveUp':
        if (call.phase !== 'ringing' && call.phase !== 'dialling') return;
        if (d.ring.respectMinRing && !call.minRingReached) call.giveUpPending = true;
        else hangup(call, 'caller', 'noAnswer');
        return;
      case 'pickup': {
        if (call.phase !== 'ringing') return;
        const h = plan.humanAfterMs;
        call.truth = h !== null && (plan.machineAfterMs === null || h < plan.machineAfterMs) ? 'human' : 'machine';
        call.phase = 'answered';
        call.answered = true;
        send(call, { type: 'answer', callId: call.id, at: now });
        if (call.truth === 'human') queue.push({ at: now + (plan.greetingAfterMs ?? 0) + plan.greetingMs + plan.patienceMs, kind: 'silenceHangup', call });
        if (!d.amd.enabled) return decide(call);
        if (call.truth === 'human') truth.humans += 1;
        else truth.machines += 1;
        if (plan.greetingAfterMs === null) {
          // Nobody speaks: AMD cannot tell.
          queue.push({ at: now + 4_000, kind: 'amd', call, verdict: 'unknown' });
          return;
        }
        queue.push({ at: now + plan.greetingAfterMs, kind: 'greeting', call });
        return;
      }
      case 'greeting': {
        if (call.phase !== 'answered') return;
        send(call, { type: 'salutation', callId: call.id, at: now, phase: 'start' });
        const human = call.truth === 'human';
        const a = d.amd;
        const wrong = rng.chance(human ? a.falsePositiveRate : a.falseNegativeRate);
        const spread = human ? a.humanDecision : a.machineDecision;
        const after = Math.round(Math.max(300, rng.logNormal(spread.median, spread.sigma)));
        const verdict: AmdResult = human === !wrong ? 'human' : 'machine';
        if (human && wrong) truth.falsePositives += 1;
        if (!human && wrong) truth.falseNegatives += 1;
        queue.push({ at: now + after, kind: 'amd', call, verdict });
        return;
      }
      case 'amd':
        // Once an agent or the message has the call, the dialler no longer listens to AMD.
        if (call.phase !== 'answered') return;
        send(call, { type: 'amd', callId: call.id, at: now, result: e.verdict });
        if (e.verdict === 'machine') {
          hangup(call, 'caller');
          if (rng.chance(d.amd.reviewShare)) {
            queue.push({ at: now + Math.round(rng.uniform(2_000, Math.max(2_500, config.dispositionWaitMs - 1_000))), kind: 'disposition', call, verdict: call.truth === 'human' ? 'human' : 'machine' });
          }
          return;
        }
        return decide(call);
      case 'silenceHangup':
        if (call.phase === 'answered' || call.phase === 'waiting') hangup(call, 'recipient');
        return;
      case 'messageStart':
        if (call.phase === 'waiting') playMessage(call, false);
        return;
      case 'listenEnd':
        if (call.phase === 'message') hangup(call, 'recipient');
        return;
      case 'messageEnd':
        if (call.phase === 'message') hangup(call, 'caller');
        return;
      case 'holdLimit':
        if (call.phase === 'waiting') hangup(call, 'caller');
        return;
      case 'talkEnd': {
        if (call.phase !== 'agent') return;
        const agent = call.agent as Agent;
        const machineCall = call.truth === 'machine';
        hangup(call, machineCall ? 'caller' : plan.endsConversation);
        const a = d.agents;
        const wrap = Math.round(machineCall ? rng.uniform(4_000, 9_000) : Math.max(3_000, rng.logNormal(a.wrap.median, a.wrap.sigma)));
        agent.state = 'wrapUp';
        agent.wrapEndsAt = now + wrap;
        queue.push({ at: now + wrap, kind: 'wrapEnd', run: call.run, agent });
        // The agent's disposition, during wrap-up: who answered (A2.24). For a machine it makes
        // the call z, not a live call (A3.5); for a person it confirms AMD's "human".
        const by = Math.max(1_000, Math.min(wrap, config.dispositionWaitMs - 500));
        queue.push({ at: now + Math.round(rng.uniform(Math.min(1_000, by), by)), kind: 'disposition', call, verdict: machineCall ? 'machine' : 'human' });
        return;
      }
      case 'disposition':
        send(call, { type: 'disposition', callId: call.id, at: now, verdict: e.verdict });
        return;
    }
  };

  // ── the loop ────────────────────────────────────────────────────────────────────────

  const PROGRESS_EVERY_MS = 5 * 60_000; // of simulated time
  let progressAt = now + PROGRESS_EVERY_MS;
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
    now = e.at;
    if (now >= progressAt && config.onProgress !== undefined) {
      progressAt = now + PROGRESS_EVERY_MS;
      config.onProgress({ at: now, dialled, ended, done: windowDone(now) });
    }
    switch (e.kind) {
      case 'open':
        if (!e.run.open) {
          e.run.open = true;
          queue.push({ at: now + TICK_MS, kind: 'tick', run: e.run });
        }
        pace(e.run);
        break;
      case 'close':
        e.run.open = false;
        break;
      case 'tick':
        if (!e.run.open) break;
        pace(e.run);
        queue.push({ at: now + TICK_MS, kind: 'tick', run: e.run });
        break;
      case 'place':
        if (e.run.open) dial(e.run, e.index, e.agent);
        else agentFree(e.run, e.agent);
        break;
      case 'wrapEnd':
        agentFree(e.run, e.agent);
        break;
      default:
        handleCall(e);
    }
    for (const run of runs) {
      if (run.paceDue) {
        run.paceDue = false;
        pace(run);
      }
    }
  }
  classified$.complete();
  acrSubscription.unsubscribe();
  misuseSubscription.unsubscribe();
  config.onProgress?.({ at: now, dialled, ended, done: 1 });

  return {
    calls,
    judged,
    dialled,
    events,
    notices,
    messages: { played: messagesPlayed, onNotice: messagesOnNotice },
    amdTruth: truth,
    diallers: runs.map((run) => ({
      campaignId: run.config.campaignId,
      callCentreId: run.config.callCentreId,
      mode: run.config.pacing.mode !== 'predictive' ? run.config.pacing.mode : run.config.pacing.adaptive ? 'predictive, adaptive' : `predictive ${run.config.pacing.ratio.toFixed(2)}`,
      agents: run.config.agents.count,
      dialled: run.dialled,
      occupancy: windowTotal === 0 || run.config.agents.count === 0 ? 0 : (talkMs[run.index] ?? 0) / (windowTotal * run.config.agents.count),
      ratios: { min: run.minRatio, max: run.maxRatio, final: run.ratio },
      exhausted: run.exhausted,
    })),
    simulatedMs: Number.isFinite(firstDial) ? lastEnd - firstDial : 0,
  };
}
