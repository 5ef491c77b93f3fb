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
   * unknown and refuses the call (`barredUnknown`). It is given the request's `to` exactly
   * as written, and `key`, the number's `numberKey` — the national form of a UK number
   * (`01632960001`) however `to` writes it (`+44 1632 960001`, `01632 960001`,
   * `tel:+44-1632-960001`): look a list held in national form up by `key`, not by `to`.
   * dialguard ships no lists and does no I/O: look the number up in memory, synchronously.
   * Default: none.
   */
  readonly isBarred?: ((to: string, key: string) => boolean | 'tps' | 'dnc') | undefined;
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
   * forgotten. Record each call once. Returns `true` when the call was read; `false` when
   * it was ignored, changing nothing (never a throw, so `observe` can be a subscriber): a
   * record whose `dialAt` is not a number with a calendar day (a string, NaN, 1e300), or
   * whose `to` or `callId` is not a string (JavaScript and JSON hosts).
   */
  record(call: ClassifiedCall | MisuseUpdate): boolean;
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

/** A reason shared by many decisions (the cached CLI verdicts): a frozen copy, its detail frozen too, so no decision can change another. */
function frozenReason(reason: GuardReason): GuardReason {
  return Object.freeze({ ...reason, detail: Object.freeze({ ...reason.detail }) }) as GuardReason;
}

/** The CLI rules' refusals (A1.20, A2.13, A2.14) under `plan`, frozen (array, reasons and details): decisions share them. */
function cliReasons(cli: string | null, plan: CliPlan): readonly GuardReason[] {
  const reason = cliWithheldReason(cli) ?? (plan === 'uk' ? cliVerdict(cli) : null);
  return reason === null ? NO_REASONS : Object.freeze([frozenReason(reason)]);
}

/** Asks the history for a number's newest held call whenever it was dialled: one held has been dialled, so a dial still to come is after it (A2.9). */
const ANY_TIME = Infinity;

/** The classified call `record` was given (a `MisuseUpdate`'s `call`), or `null` when it has no record object (JavaScript and JSON hosts). */
function classifiedOf(input: unknown): ClassifiedCall | null {
  if (input === null || typeof input !== 'object') return null;
  const call: unknown = 'call' in input ? input.call : input;
  if (call === null || typeof call !== 'object' || !('record' in call)) return null;
  return call.record !== null && typeof call.record === 'object' ? (call as ClassifiedCall) : null;
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
 * 0. the request cannot be read (`invalidRequest`, naming the field; listed before every
 *    other reason): `at` with no calendar day (NaN, ±Infinity, 1e300: the time is unknown,
 *    not the zone), `to` or `zone` not a string, or no request object at all (JavaScript and
 *    JSON hosts). Never a thrown `TypeError`, so the `guard()` operator keeps going.
 * 1. A2.9 — the number (`numberKey`, so any written form matches) has a silent or abandoned
 *    call held whose dial + `policy.repeat.windowMs` (72 h) is after `at` — dialled less
 *    than the window before `at`, or after `at` (a held call has been dialled, so the dial
 *    asked about comes after it whatever the host's and the switch's clocks say) — and no
 *    live agent is guaranteed (`agentGuaranteed === true`; `repeatReason`); `until` is that
 *    call's dial + the window, the moment the misuse rule `repeatWithin72h` stops flagging
 *    (exactly 72:00:00.000 later is allowed). The newest such call is cited. Prevention: the redial
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
 *    no calls skipped, clock changes followed; none when the calendar range ends first, on
 *    9999-12-30). An unknown zone is refused (`unknownZone`).
 * 3. A1.25 — `options.isBarred(to, numberKey(to))` says the number is on the TPS or a do-not-call list
 *    (`barred`); an answer other than `false`, `true`, `'tps'` or `'dnc'` (a Promise,
 *    `'TPS'`, `undefined`) is unknown and refused (`barredUnknown`).
 * 4. A1.20, A2.13, A2.14 — the CLI is withheld (`null`, blank, or not a string at all), or
 *    (UK plan) invalid, premium rate or not basic rate, by the same rule as the
 *    classifier's `cliNumberFlags`.
 *
 * `retryAt` is given when waiting cures every reason, and is a moment at which the guard
 * allows the call (unless more calls are recorded): the newest held call's window has
 * ended, the history covers it, and it is in calling hours. `check` is O(1): a map lookup for
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
 * const tps = new Set(['01632960001']); // the TPS list, in national form
 * const guard = createDialGuard(ofcom2017, { isBarred: (_to, key) => (tps.has(key) ? 'tps' : false) });
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
    // The clock first, so calls already expired are never held; then oldest dial first (a stable
    // sort), so each call joins its number's list at the head: linear in any order saved.
    if (state.latest !== null) advance(state.latest);
    const calls = [...state.calls].sort((a, b) => a[2] - b[2]);
    for (const [key, callId, at, category] of calls) remember(key, callId, at, category);
  }

  const record = (input: ClassifiedCall | MisuseUpdate): boolean => {
    const call = classifiedOf(input);
    if (call === null) return false;
    const { dialAt, to, callId } = call.record;
    // What cannot be read is ignored before anything changes; a `timeOutOfRange` record must not move the guard's clock past every real call.
    if (typeof dialAt !== 'number' || !hasCalendarDay(dialAt) || typeof to !== 'string' || typeof callId !== 'string') return false;
    if (isMisuseCall(call.category) || call.category === 'undetermined') remember(numberKey(to), callId, dialAt, call.category);
    advance(dialAt);
    return true;
  };

  return {
    policy,
    check(request) {
      if (request === null || typeof request !== 'object') {
        return { allowed: false, reasons: [invalid('', REPEAT_REF, 'a dial request object', request)] };
      }
      const { at, to } = request;
      const zone = request.zone ?? policy.timeZone;
      let reasons: GuardReason[] | null = null;
      let repeatUntil: number | null = null;
      let hoursUntil: number | null | undefined;
      let timed = true;
      const timeKnown = typeof at === 'number' && hasCalendarDay(at);
      const numberKnown = typeof to === 'string';
      const zoneKnown = typeof zone === 'string';
      // 0. the fields the rules read, all listed first
      if (!timeKnown) {
        timed = false;
        (reasons ??= []).push(invalid('at', UNSOCIABLE_HOURS_REF, 'epoch ms with a calendar day (finite, 0001-01-03 to 9999-12-30 UTC)', at));
      }
      if (!numberKnown) {
        timed = false;
        (reasons ??= []).push(invalid('to', REPEAT_REF, 'the number to call, a string', to));
      }
      if (!zoneKnown) {
        timed = false;
        (reasons ??= []).push(invalid('zone', UNSOCIABLE_HOURS_REF, 'an IANA zone name, or absent', zone));
      }
      let key: string | undefined;

      // 1. repeat within the window (A2.9); an undetermined call that may have been misuse; a history that cannot show it
      if (request.agentGuaranteed !== true && windowMs > 0 && timeKnown && numberKnown) {
        key = numberKey(to);
        const repeat = repeatReason(history.previous(key, ANY_TIME, null), at, false, policy);
        if (repeat !== null) {
          repeatUntil = repeat.until;
          (reasons ??= []).push(repeat);
        }
        const unknown = repeatUnknownReason(history.previousUndetermined(key, ANY_TIME, null), at, false, policy);
        if (unknown !== null) {
          if (repeatUntil === null || unknown.until > repeatUntil) repeatUntil = unknown.until;
          (reasons ??= []).push(unknown);
        }
        // No repeat found, and the history cannot show there was none.
        if (repeat === null && !history.covers(at)) {
          timed = false;
          (reasons ??= []).push({ kind: 'historyIncomplete', ref: REPEAT_REF, detail: { latest, maxLatenessMs: latenessMs, why: HISTORY_INCOMPLETE } });
        }
      }

      // 2. calling hours in the recipient's zone (A2.11)
      if (zoneKnown && timeKnown) {
        const hours = callingHoursReason(at, zone, policy);
        if (hours !== null) {
          (reasons ??= []).push(hours);
          if (hours.kind === 'unknownZone' || hours.until === undefined) timed = false;
          else hoursUntil = hours.until;
        }
      }

      // 3. TPS and do-not-call lists (A1.25): only `false` is "not barred"
      if (isBarred !== undefined && numberKnown) {
        const barred = barredReason(isBarred(to, (key ??= numberKey(to))));
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
      // Every reason is cured by waiting: the first moment in calling hours at or after the repeat
      // windows' end that the history covers (a moment before that would be `historyIncomplete`).
      let retryAt = hoursUntil ?? (at as number);
      if (repeatUntil !== null) {
        const cured = Math.max(repeatUntil, latest - latenessMs);
        if (cured > retryAt) {
          // Past the calendar range (9999-12-30) no moment is known: refused, untimed.
          if (!hasCalendarDay(cured)) return { allowed: false, reasons };
          const open = callingWindowAt(cured, zone as string, policy)?.open === true;
          const next = open ? cured : nextCallingMoment(cured, zone as string, policy.callingHours);
          if (next === null) return { allowed: false, reasons };
          retryAt = next;
        }
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
 * `createDialGuard(policy, { ...options, state })`, except that no state at all
 * (`undefined`, as a store answers for a key it lacks) is an error, as `null` and `''`
 * are, never a guard with no history: to start afresh, call `createDialGuard`.
 * @throws GuardStateError when the state is missing or malformed (bad JSON included).
 */
export function dialGuardFromJSON(json: DialGuardState | string, policy: Policy = ofcom2017, options: Omit<DialGuardOptions, 'state'> = {}): DialGuard {
  if (json === undefined) throw new GuardStateError('state', 'a state from guard.toJSON(), or its JSON text', json);
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
