import type { ClassifiedCall } from '../classify.js';
import { PolicyError } from '../errors.js';
import { numberKey } from '../misuse/number-key.js';
import { DEFAULT_MAX_LATENESS_MS, type MisuseUpdate } from '../misuse/state.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { barredReason } from '../rules/barred/index.js';
import { cliVerdict, cliWithheldReason } from '../rules/cli/index.js';
import { createRepeatHistory, isMisuseCall, REPEAT_REF, repeatReason, repeatUnknownReason } from '../rules/repeat-within-72h/index.js';
import { callingHoursReason, callingWindowAt, nextCallingMoment, UNSOCIABLE_HOURS_REF } from '../rules/unsociable-hours/index.js';
import { hasCalendarDay } from '../time/zoned-day.js';
import { describeReceived } from '../validate/received.js';
import { GuardStateError, parseGuardState, type DialGuardState, type GuardCallCategory, type GuardCallEntry } from './state.js';
import type { DialDecision, DialRequest, GuardReason, InvalidRequestReason } from './types.js';

/**
 * How the guard judges a CLI as a number: `uk` by the UK National Numbering Plan
 * (A1.20, A2.14, footnote 41); `none` only refuses a withheld CLI (for policies outside
 * the UK plan, whose CLI numbers the library cannot yet judge).
 */
export type CliPlan = Policy['cli']['numberingPlan'];

/** Options for `createDialGuard` (A1.25 lists, A2.9 lateness, A1.20/A2.14 CLI plan). */
export interface DialGuardOptions {
  /**
   * The host's answer to "may this number be called?" (A1.25): `true`, `'tps'` or `'dnc'`
   * when it is on the Telephone Preference Service or the caller's own do-not-call list,
   * `false` when it is on neither. Any other answer (a Promise, `'TPS'`, `undefined`) is
   * unknown and refuses the call (`barredUnknown`). dialguard ships no lists and does no
   * I/O: look the number up in memory, synchronously. Default: none.
   */
  readonly isBarred?: ((to: string) => boolean | 'tps' | 'dnc') | undefined;
  /** A state from `guard.toJSON()` to resume from (checked: `GuardStateError` if malformed). */
  readonly state?: DialGuardState | undefined;
  /**
   * How late a recorded call may arrive after the latest dial recorded and still be held for
   * its whole window (calls end, and are recorded, after later calls were dialled). Memory
   * holds the window plus this. Default one hour, as the misuse rules.
   */
  readonly maxLatenessMs?: number | undefined;
  /** How to judge the CLI as a number; default the policy's `cli.numberingPlan`. */
  readonly cliPlan?: CliPlan | undefined;
}

/** The pre-dial guard: ask before each dial, tell it how calls ended (A1.20, A1.25, A2.9, A2.11, A2.14). */
export interface DialGuard {
  readonly policy: Policy;
  /**
   * May this call be dialled at `request.at`? Every refusing rule, with the moment waiting
   * cures it. O(1). Changes nothing: a check for a time days ahead (or one with no
   * calendar day) never moves the guard's clock, so it cannot make it forget a call (A2.9).
   */
  check(request: DialRequest): DialDecision;
  /**
   * Tells the guard how a call ended: a `ClassifiedCall` (from `classify`, `classified()`
   * or a call machine), or a `MisuseUpdate` (from `misuse()`). Silent, abandoned and
   * undetermined calls are remembered against their number for the repeat window (A2.9);
   * any call with a calendar day moves the guard's time on, so expired calls are
   * forgotten. Record each call once.
   */
  record(call: ClassifiedCall | MisuseUpdate): void;
  /** Same as `record`, to subscribe with: `classified$.subscribe(guard.observe)`. */
  readonly observe: (call: ClassifiedCall | MisuseUpdate) => void;
  /** Silent, abandoned and undetermined calls held (those within the window plus the lateness, A2.9). */
  size(): number;
  /** The state as plain JSON (also what `JSON.stringify(guard)` writes). */
  toJSON(): DialGuardState;
}

const ALLOWED: DialDecision = /* @__PURE__ */ Object.freeze({ allowed: true, reasons: /* @__PURE__ */ Object.freeze([]) as readonly GuardReason[] });
const NO_REASONS: readonly GuardReason[] = /* @__PURE__ */ Object.freeze([]);
const MAX_CLI_CACHE = 4096;
/** CLIs longer than this are judged on every check, never cached: the cache's memory is not the data's to size. */
const MAX_CACHED_CLI_LENGTH = 32;
/** The one-entry CLI cache before any check: no CLI (`undefined` from a JavaScript host included) equals it. */
const NO_CLI_YET: unique symbol = Symbol('no CLI checked yet');

/** The CLI rules' refusals (A1.20, A2.13, A2.14) under `plan`; the empty result is shared. */
function cliReasons(cli: string | null, plan: CliPlan): readonly GuardReason[] {
  const withheld = cliWithheldReason(cli);
  if (withheld !== null) return [withheld];
  const verdict = plan === 'uk' ? cliVerdict(cli) : null;
  return verdict === null ? NO_REASONS : Object.freeze([verdict]);
}

/** Why `historyIncomplete` refuses (A2.9). */
const HISTORY_INCOMPLETE = 'the checked time is more than maxLatenessMs behind the latest recorded dial: silent or abandoned calls before it may no longer be held';

/** A2.9, A2.11: the refusal of a request field the guard cannot read. */
function invalid(field: InvalidRequestReason['detail']['field'], ref: InvalidRequestReason['ref'], expected: string, received: unknown): InvalidRequestReason {
  return { kind: 'invalidRequest', ref, detail: { field, expected, received: describeReceived(received, 32) } };
}

/**
 * A pre-dial guard for `policy` (default `ofcom2017`): a small stateful object a dialler
 * asks before every dial, and tells how every call ended. `check` refuses a call, with
 * every reason, when:
 *
 * 0. the request cannot be read (`invalidRequest`, naming the field): `at` with no calendar
 *    day (NaN, ±Infinity, 1e300: the time is unknown, not the zone), `to` or `zone` not a
 *    string, or no request object at all (JavaScript and JSON hosts). Never a thrown
 *    `TypeError`, so the `guard()` operator keeps going.
 * 1. A2.9 — the number (`numberKey`, so any written form matches) had a silent or abandoned
 *    call dialled less than `policy.repeat.windowMs` (72 h) before `at`, and no live agent
 *    is guaranteed (`agentGuaranteed === true`; `repeatReason`); `until` is that call's dial
 *    + the window, the moment the misuse rule `repeatWithin72h` stops flagging (exactly
 *    72:00:00.000 later is allowed). The latest such call is cited. Prevention: the redial
 *    is refused whatever it would become, though only a silent or abandoned repeat is
 *    flagged (footnote 37). An answered call whose category is undetermined may have been
 *    silent or abandoned: it refuses the same way (`repeatAfterUndetermined`, the repeat
 *    rule's own test). When the history cannot show the answer — `at` more than
 *    `maxLatenessMs` behind the latest recorded dial, so calls before it may be forgotten —
 *    and no such call is found, the call is refused as `historyIncomplete`, never allowed.
 *    A policy with a 0 window (US, Canada) never refuses for this.
 * 2. A2.11 — `at` is outside the policy's calling window for the recipient's local weekday
 *    (`zone`, else `policy.timeZone`; start inclusive, end exclusive, by the wall clock, as
 *    `unsociableHours`); `until` is the next allowed moment (`nextCallingMoment`: days with
 *    no calls skipped, clock changes followed). An unknown zone is refused (`unknownZone`).
 * 3. A1.25 — `options.isBarred(to)` says the number is on the TPS or a do-not-call list
 *    (`barred`); an answer other than `false`, `true`, `'tps'` or `'dnc'` (a Promise,
 *    `'TPS'`, `undefined`) is unknown and refused (`barredUnknown`).
 * 4. A1.20, A2.13, A2.14 — the CLI is withheld (`null`, blank, or not a string at all), or
 *    (UK plan) invalid, premium rate or not basic rate, by the same rule as the
 *    classifier's `cliNumberFlags`.
 *
 * `retryAt` is given when waiting cures every reason. `check` is O(1): a map lookup for
 * the number, a cached calendar day, a cached CLI verdict (CLIs of up to 32 characters are
 * cached); allowed calls allocate nothing. `check` never changes the guard: only `record`
 * moves its clock (the latest recorded dial with a calendar day).
 * Memory: only silent, abandoned and undetermined calls dialled within the window (plus
 * `maxLatenessMs`) of the latest recorded dial are held; older ones are dropped in arrival
 * order (the misuse rules' `createRepeatHistory`). A record dated far ahead (2099) makes
 * the guard forget them, as memory must stay bounded; checks before it are then refused
 * (`historyIncomplete`) unless a live agent is guaranteed. The state is plain JSON
 * (`toJSON`), so a dialler can persist it and resume with `{ state }`.
 *
 * @throws PolicyError for a negative `maxLatenessMs`; GuardStateError for a malformed `state`.
 *
 * @example
 * ```ts
 * import { createDialGuard, ofcom2017 } from 'dialguard';
 * const guard = createDialGuard(ofcom2017, { isBarred: (n) => (tps.has(n) ? 'tps' : false) });
 * classified$.subscribe(guard.observe);
 * const d = guard.check({ to: '01632 960001', cli: '0113 496 1000', campaignId: 'spring', at: now, agentGuaranteed: false });
 * if (!d.allowed) console.log(d.reasons.map((r) => `${r.kind} (${r.ref})`), d.retryAt);
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function createDialGuard(policy: Policy = ofcom2017, options: DialGuardOptions = {}): DialGuard {
  const windowMs = policy.repeat.windowMs;
  const latenessMs = options.maxLatenessMs ?? DEFAULT_MAX_LATENESS_MS;
  if (!(latenessMs >= 0)) throw new PolicyError(`maxLatenessMs should be a duration in ms, 0 or more; received ${latenessMs}`);
  const plan = options.cliPlan ?? policy.cli.numberingPlan;
  const isBarred = options.isBarred;
  const history = createRepeatHistory(windowMs, latenessMs);
  let latest = -Infinity;
  const cliCache = new Map<string, readonly GuardReason[]>();
  let lastCli: string | null | typeof NO_CLI_YET = NO_CLI_YET;
  let lastCliReasons: readonly GuardReason[] = NO_REASONS;

  const advance = (at: number): void => {
    if (!(at > latest)) return;
    latest = at;
    history.advance(at);
  };

  const remember = (key: string, callId: string, at: number, category: GuardCallCategory): void => {
    if (windowMs <= 0) return;
    history.remember(key, callId, at, category);
  };

  const cliVerdictOf = (cli: string | null): readonly GuardReason[] => {
    if (cli === lastCli) return lastCliReasons;
    // Not a string and not null (JavaScript hosts): withheld, judged afresh, never cached.
    if (cli !== null && typeof cli !== 'string') return cliReasons(cli, plan);
    let reasons = cli === null ? undefined : cliCache.get(cli);
    if (reasons === undefined) {
      reasons = cliReasons(cli, plan);
      if (cli !== null && cli.length <= MAX_CACHED_CLI_LENGTH) {
        if (cliCache.size >= MAX_CLI_CACHE) cliCache.clear();
        cliCache.set(cli, reasons);
      }
    }
    lastCli = cli;
    lastCliReasons = reasons;
    return reasons;
  };

  if (options.state !== undefined) {
    const state = parseGuardState(options.state);
    for (const [key, callId, at, category] of state.calls) remember(key, callId, at, category);
    if (state.latest !== null) advance(state.latest);
  }

  const record = (input: ClassifiedCall | MisuseUpdate): void => {
    const call: ClassifiedCall = 'call' in input ? input.call : input;
    const r = call.record;
    if (!hasCalendarDay(r.dialAt)) return; // a `timeOutOfRange` record must not move the guard's clock past every real call
    if (isMisuseCall(call.category) || call.category === 'undetermined') remember(numberKey(r.to), r.callId, r.dialAt, call.category);
    advance(r.dialAt);
  };

  return {
    policy,
    check(request) {
      if (request === null || typeof request !== 'object') {
        return { allowed: false, reasons: [invalid('', REPEAT_REF, 'a dial request object', request)] };
      }
      const { at, to } = request;
      let reasons: GuardReason[] | null = null;
      let repeatUntil: number | null = null;
      let hoursUntil: number | null | undefined;
      let timed = true;
      const timeKnown = typeof at === 'number' && hasCalendarDay(at);
      const numberKnown = typeof to === 'string';
      if (!timeKnown) {
        timed = false;
        (reasons ??= []).push(invalid('at', UNSOCIABLE_HOURS_REF, 'epoch ms with a calendar day (finite, 0001-01-03 to 9999-12-30 UTC)', at));
      }
      if (!numberKnown) {
        timed = false;
        (reasons ??= []).push(invalid('to', REPEAT_REF, 'the number to call, a string', to));
      }

      // 1. repeat within the window (A2.9); an undetermined call that may have been misuse; a history that cannot show it
      if (request.agentGuaranteed !== true && windowMs > 0 && timeKnown && numberKnown) {
        const key = numberKey(to);
        const repeat = repeatReason(history.previous(key, at, null), at, false, policy);
        if (repeat !== null) {
          repeatUntil = repeat.until;
          (reasons ??= []).push(repeat);
        }
        const unknown = repeatUnknownReason(history.previousUndetermined(key, at, null), at, false, policy);
        if (unknown !== null) {
          if (repeatUntil === null || unknown.until > repeatUntil) repeatUntil = unknown.until;
          (reasons ??= []).push(unknown);
        }
        if (repeat === null && !history.covers(at)) {
          timed = false;
          (reasons ??= []).push({ kind: 'historyIncomplete', ref: REPEAT_REF, detail: { latest, maxLatenessMs: latenessMs, why: HISTORY_INCOMPLETE } });
        }
      }

      // 2. calling hours in the recipient's zone (A2.11)
      const zone = request.zone ?? policy.timeZone;
      if (typeof zone !== 'string') {
        timed = false;
        (reasons ??= []).push(invalid('zone', UNSOCIABLE_HOURS_REF, 'an IANA zone name, or absent', zone));
      } else if (timeKnown) {
        const hours = callingHoursReason(at, zone, policy);
        if (hours !== null) {
          (reasons ??= []).push(hours);
          if (hours.kind === 'unknownZone' || hours.until === undefined) timed = false;
          else hoursUntil = hours.until;
        }
      }

      // 3. TPS and do-not-call lists (A1.25): only `false` is "not barred"
      if (isBarred !== undefined && numberKnown) {
        const barred = barredReason(isBarred(to));
        if (barred !== null) {
          timed = false;
          (reasons ??= []).push(barred);
        }
      }

      // 4. the CLI (A1.20, A2.13, A2.14)
      const cli = cliVerdictOf(request.cli);
      if (cli.length > 0) {
        timed = false;
        (reasons ??= []).push(...cli);
      }

      if (reasons === null) return ALLOWED;
      if (!timed) return { allowed: false, reasons };
      // Every reason is cured by waiting: the first moment in calling hours at or after the repeat window's end.
      let retryAt = hoursUntil ?? (at as number);
      const z = zone as string;
      if (repeatUntil !== null && repeatUntil > retryAt) {
        const open = callingWindowAt(repeatUntil, z, policy)?.open === true;
        const next = open ? repeatUntil : nextCallingMoment(repeatUntil, z, policy.callingHours);
        if (next === null) return { allowed: false, reasons };
        retryAt = next;
      }
      return { allowed: false, reasons, retryAt };
    },
    record,
    observe: record,
    size: () => history.size(),
    toJSON() {
      const calls: GuardCallEntry[] = [];
      // The guard remembers silent and abandoned calls, and undetermined ones (they may have been either).
      for (const e of history.entries()) calls.push([e.key, e.callId, e.at, e.category]);
      return { version: 1, policyId: policy.id, latest: Number.isFinite(latest) ? latest : null, calls };
    },
  };
}

/**
 * The other half of `guard.toJSON()` (A2.9 history survives a restart): a guard resumed
 * from persisted state — a `DialGuardState` object or its JSON text. Same as
 * `createDialGuard(policy, { ...options, state })`.
 * @throws GuardStateError when the state is malformed (bad JSON included).
 */
export function dialGuardFromJSON(json: DialGuardState | string, policy: Policy = ofcom2017, options: Omit<DialGuardOptions, 'state'> = {}): DialGuard {
  let state: unknown = json;
  if (typeof json === 'string') {
    try {
      state = JSON.parse(json);
    } catch {
      throw new GuardStateError('state', 'JSON text from guard.toJSON()', json.slice(0, 40));
    }
  }
  return createDialGuard(policy, { ...options, state: state as DialGuardState });
}
