import { NO_CELL, type AcrLedger } from '../acr/ledger.js';
import { ACR_SCOPES, type AcrScope } from '../acr/scope.js';
import type { ClassifiedCall } from '../classify.js';
import { PolicyError } from '../errors.js';
import type { AnyFlag } from '../flags.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { hasCalendarDay, zonedDay } from '../time/zoned-day.js';
import { createAcrAlerts, type AcrAlerts } from '../rules/acr-alert/alerts.js';
import { numberKey } from './number-key.js';
import { createCalledNumbers, type CalledNumber } from './called-numbers.js';
import { createRecentDays, type CampaignDay } from './recent-days.js';
import { isWithheld } from '../rules/cli/index.js';
import { isScanningProbe, numberScanning, numberScanningRule, probeUnknownReason } from '../rules/number-scanning/index.js';
import { createRepeatLists, isMisuseCall, repeatAfterUndetermined, repeatNotHeld, repeatWithin72h } from '../rules/repeat-within-72h/index.js';
import { isNotJudged, notJudged, type NotJudged } from '../rules/rule.js';
import { tooManyClis, tooManyClisRule } from '../rules/too-many-clis/index.js';
import { acrAlertRule } from '../rules/acr-alert/index.js';

/** Options for `createMisuseState`, `misuse` and `misuseAll`. */
export interface MisuseOptions {
  /**
   * Overrides `policy.acr.alertRate` for `acrAlert` flags; `null` for none. An alert only,
   * never a safe harbour (A4.12, A4.20). `null` under a policy that sets a level (by which
   * the ACR table and the report still mark days above it) lists `acrAlert` as not judged
   * on every call (`ALERT_TURNED_OFF`); for no alert at all, give a policy whose
   * `acr.alertRate` is `null`.
   */
  readonly alertRate?: number | null;
  /** ACR scopes that raise `acrAlert` (A3.4); default all four, as the `acr` operator. */
  readonly scopes?: readonly AcrScope[];
  /**
   * An ACR ledger (keeping at least `scopes`) into which the caller counts each call before
   * `next` (as `audit` does), so the alert reads it instead of counting the call again, and
   * the day rules find the call's day from the cell it was just counted in.
   */
  readonly acrLedger?: AcrLedger;
  /**
   * How far behind the latest dial time a call may arrive and still be compared with every
   * call it should be (calls are emitted at hangup, so a long call arrives after shorter
   * ones dialled later). Default one hour. Repeat history is kept for the window plus this.
   */
  readonly maxLatenessMs?: number;
}

/** What the cross-call rules found after one call. */
export interface MisuseUpdate {
  /** The call, its flags being its per-call flags and then its cross-call ones (`repeatWithin72h`). The same object when it has no cross-call flag. */
  readonly call: ClassifiedCall;
  /**
   * Every flag this call raised: its own (`call.flags`), then those about its campaign's or
   * scope's day (`tooManyClis`, `numberScanning`, `acrAlert`, with `callId` `null`). The
   * same array as `call.flags` when there are no scope flags.
   */
  readonly raised: readonly AnyFlag[];
}

/** The running state of the cross-call rules: one step per classified call. */
export interface MisuseState {
  /** Judges one call against the calls before it, then remembers it. */
  next(call: ClassifiedCall): MisuseUpdate;
  /** Silent and abandoned calls held for the repeat rule (A2.9): those dialled within the window plus the lateness. */
  size(): number;
  /** Entries held for the current and previous calendar day: distinct CLIs and numbers per campaign, raised ACR alerts. */
  daySize(): number;
}

/** The same call with one more flag or one more rule not judged (a new object: the input is not changed). */
function withVerdict(call: ClassifiedCall, v: AnyFlag | NotJudged): ClassifiedCall {
  const unjudged = call.notJudged ?? [];
  return isNotJudged(v) ? { ...call, notJudged: [...unjudged, v] } : { ...call, flags: [...call.flags, v], notJudged: unjudged };
}

/** Why the day rules (A1.21, A1.35, A3.4) did not judge a call dated before the days held. */
const DAY_NOT_HELD = 'the call is dated before the day before the latest call seen, whose day rules are no longer held';

/**
 * Why the ACR alert (A3.4) did not judge a call: `alertRate: null` turned it off while the
 * policy sets a level, by which the ACR table and the report still mark the days above it.
 */
export const ALERT_TURNED_OFF = 'the ACR alert was turned off (alertRate null) although the policy sets an alert level, by which days are still marked';

/** Default `maxLatenessMs`: one hour. */
export const DEFAULT_MAX_LATENESS_MS = 3_600_000;

/**
 * The engine behind `misuse` and `misuseAll`: the rules that look across calls, as one
 * synchronous step per classified call. Calls are judged by dial time, in the policy's
 * zone for calendar days; they may arrive a little out of order (see `maxLatenessMs`).
 *
 * 1. Repeat within 72 h (A2.9, `repeatWithin72h`): the number (`numberKey`) is looked up in
 *    the history of silent and abandoned calls; the latest one dialled at or before this
 *    call is cited if this call — itself silent or abandoned (footnote 37) — came less
 *    than the window after it, without a guaranteed agent. A silent or abandoned call then
 *    joins the history. A call dialled before a
 *    later-dialled call already judged is compared only with calls dialled before it, and
 *    cannot flag that later call afterwards. A call dialled more than `maxLatenessMs`
 *    behind the latest dial seen, with no earlier call found, is not judged
 *    (`repeatNotHeld`): the calls before it may no longer be held.
 * 2. Many CLIs (A1.21–A1.23, `tooManyClis`): distinct presented CLIs per campaign and day;
 *    one flag when the count first exceeds the maximum.
 * 3. Number scanning (A1.35, `numberScanning`): per campaign and day, numbers whose only
 *    call is a probe (`isScanningProbe`); one flag when they first reach `minCalls`.
 * 4. ACR alert (A3.4, `acrAlert`, `createAcrAlerts`): read from an ACR ledger (the
 *    `acrLedger` given, else its own of the last two days); one flag per scope and day, the
 *    first time its running rate is strictly above the alert level with at least
 *    `policy.acr.alertMinCalls` calls in x + y — a rate that falls back and rises again does
 *    not raise it twice. Turned off (`alertRate: null`) under a policy that sets a level,
 *    it lists `acrAlert` in every call's `notJudged` (`ALERT_TURNED_OFF`).
 * Day state is kept for the latest day and the day before; a call dated earlier is not
 * counted by steps 2–4, and carries each of them in `notJudged`. Per-call flags (hours, CLI number, IVM, recording notice — pass
 * `standingRecordingNotice` to `classify`/`classified`) come with the call.
 *
 * Amortised O(1) per call; it allocates the update, and a new call object only when a
 * repeat flag is added.
 * @throws PolicyError for a negative `maxLatenessMs` or an `alertRate` outside 0–1.
 *
 * @example
 * ```ts
 * import { classify, createMisuseState, ofcom2017 } from 'dialguard';
 * const misuse = createMisuseState(ofcom2017);
 * for (const record of records) for (const f of misuse.next(classify(record)).raised) console.log(f.kind, f.ref);
 * ```
 */
export function createMisuseState(policy: Policy = ofcom2017, options: MisuseOptions = {}): MisuseState {
  const timeZone = policy.timeZone;
  const alertRate = options.alertRate === undefined ? policy.acr.alertRate : options.alertRate;
  const scopes = options.scopes ?? ACR_SCOPES;
  const latenessMs = options.maxLatenessMs ?? DEFAULT_MAX_LATENESS_MS;
  if (!(latenessMs >= 0)) throw new PolicyError(`maxLatenessMs should be a duration in ms, 0 or more; received ${latenessMs}`);
  // Stryker disable next-line ConditionalExpression: equivalent: null compares as 0, inside 0–1
  if (alertRate !== null && !(alertRate >= 0 && alertRate <= 1)) throw new PolicyError(`alertRate should be a fraction 0–1 or null; received ${alertRate}`);
  const history = createRepeatLists(policy.repeat.windowMs, latenessMs);
  const numbers = createCalledNumbers();
  // Stryker disable next-line ArrowFunction: equivalent: the sweep frees memory only (test/misuse/bounded.test.ts); marks of dropped days are skipped on lookup anyway
  const days = createRecentDays(timeZone, () => numbers.sweep());
  // With a shared ACR ledger, a call's campaign day is found from the cell the ledger already found for it.
  const ledger = options.acrLedger ?? null;
  // Stryker disable next-line ArrayDeclaration: equivalent: an entry that is no campaign day fails the check in campaignDayOf
  const campaignDayOfCell: (CampaignDay | undefined)[] = [];
  const alerts: AcrAlerts | null =
    // Stryker disable next-line ConditionalExpression: equivalent: alerts with no alert rate raise nothing and hold no day
    alertRate === null ? null : createAcrAlerts(policy, { alertRate, scopes, ledger: options.acrLedger });
  // The alert turned off under a policy that sets a level: not judged on any call, never passed.
  const alertOff: NotJudged | null = alertRate === null && policy.acr.alertRate !== null ? notJudged(acrAlertRule, ALERT_TURNED_OFF) : null;
  // The key of the latest CLI seen (a dialler presents the same CLI on run after run of calls): a cache of `numberKey`.
  // Stryker disable next-line StringLiteral: equivalent: any first pair with lastCliKey = numberKey(lastCli) gives the same keys
  let lastCli = '';
  // Stryker disable next-line StringLiteral: equivalent: as above ('' is its own key)
  let lastCliKey = '';

  const countCli = (c: CampaignDay, cli: string | null, at: number): AnyFlag | null => {
    const clis = c.clis;
    if (clis === null || isWithheld(cli)) return null;
    const presented = cli as string; // isWithheld(null) is true
    // Stryker disable next-line ConditionalExpression: equivalent: the cache; computing the key again gives the same key
    if (presented !== lastCli) {
      lastCli = presented;
      lastCliKey = numberKey(presented);
    }
    // Stryker disable next-line ConditionalExpression: equivalent: a CLI counted already leaves the count unchanged, and tooManyClis raised nothing at that count
    if (clis.has(lastCliKey)) return null;
    clis.add(lastCliKey);
    const f = tooManyClis(c.campaignId, c.date, clis.size, at, policy);
    if (f !== null) c.clis = null;
    return f;
  };

  /** Counts the call's number as called on its campaign day: a probe (`probe`, its only call so far) or not; a second call to it clears its probe. */
  const countProbe = (c: CampaignDay, n: CalledNumber, probe: boolean, at: number): AnyFlag | null => {
    if (c.numbers === null) return null;
    const mark = numbers.markOf(n, c);
    if (mark < 0) {
      numbers.mark(n, c, probe);
      c.numbers += 1;
      if (!probe) return null;
      c.probes += 1;
      const f = numberScanning(c.campaignId, c.date, c.probes, at, policy);
      if (f !== null) c.numbers = null;
      return f;
    }
    if (numbers.clearProbe(n, mark)) c.probes -= 1;
    return null;
  };

  /** The campaign day of `campaignId` on the calendar day of `at`, or `null` when that day is no longer kept. */
  const dayOf = (at: number, campaignId: string): CampaignDay | null => {
    const state = days.day(zonedDay(at, timeZone));
    return state === null ? null : days.campaign(state, campaignId);
  };

  /** The campaign day of a call dialled at `at` (which has a calendar day), or `null` when its day is no longer kept. */
  const campaignDayOf = (call: ClassifiedCall, at: number): CampaignDay | null => {
    const r = call.record;
    // Stryker disable next-line ConditionalExpression: equivalent: the shared ledger's cell is a shortcut to the same campaign day (test/misuse/shared-ledger.property.test.ts)
    if (ledger === null) return dayOf(at, r.campaignId);
    const cell = ledger.cellOf(call);
    // A ledger keeping fewer days than these rules (`retainDays`) may have no cell for the call: no shortcut then.
    if (cell === NO_CELL) return dayOf(at, r.campaignId);
    const known = campaignDayOfCell[cell];
    if (known !== undefined && !known.dropped && known.date === ledger.cellDate(cell) && known.campaignId === r.campaignId) return known;
    const c = dayOf(at, r.campaignId);
    if (c !== null) campaignDayOfCell[cell] = c;
    return c;
  };

  return {
    next(call) {
      const r = call.record;
      const at = r.dialAt;
      // A dial time with no calendar day (a `timeOutOfRange` record): judged by no cross-call rule, and it moves no clock.
      if (!hasCalendarDay(at)) return { call, raised: call.flags };
      // The campaign day first: a call that opens a new day drops the oldest, and the sweep
      // that follows forgets numbers no kept day marks; the number's entry is taken after it,
      // so its mark (below) is on the entry the table keeps.
      const c = campaignDayOf(call, at);
      // An entry is made only for a call that leaves something on it: a mark on a day held
      // (number scanning still counting), or a call the repeat history keeps. Any other call
      // only looks its number up (`find`: an entry with nothing held answers as a new one),
      // so calls on days no longer held — every call after one dated far ahead, when no
      // later day opens to sweep — add nothing to the table.
      const kept = (isMisuseCall(call.category) || call.category === 'undetermined') && history.keeps(at);
      const key = numberKey(r.to);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent: an entry made when none was needed changes memory only (test/misuse/future-outlier-bounded.test.ts)
      const n = kept || (c !== null && c.numbers !== null) ? numbers.get(key) : numbers.find(key);

      // 1. repeat within 72 h
      const repeat =
        repeatWithin72h(r, call.category, history.previous(n, at, r.callId), policy) ??
        repeatAfterUndetermined(r, call.category, history.previousUndetermined(n, at, r.callId), policy) ??
        repeatNotHeld(r, call.category, history.covers(at), policy);
      if (kept) history.remember(n, r.callId, at, call.category);
      history.advance(at);
      let judged = repeat === null ? call : withVerdict(call, repeat);
      // An answered call is never a probe.
      const probeUnknown = call.category === 'unconnected' || call.category === 'undetermined' ? probeUnknownReason(r, policy) : null;
      const probeUnknowable = probeUnknown !== null;
      if (probeUnknown !== null) judged = withVerdict(judged, notJudged(numberScanningRule, probeUnknown));
      // A call whose day is no longer held is counted by no day rule: each says so.
      if (c === null) {
        judged = withVerdict(judged, notJudged(tooManyClisRule, DAY_NOT_HELD));
        if (!probeUnknowable) judged = withVerdict(judged, notJudged(numberScanningRule, DAY_NOT_HELD));
        if (alerts !== null) {
          judged = withVerdict(judged, notJudged(acrAlertRule, DAY_NOT_HELD));
          alerts.countOnly(call); // still in the 30-day windows of later days (trailing policies)
        }
      }
      if (alertOff !== null) judged = withVerdict(judged, alertOff);

      // 2–4. day-scoped rules
      let scoped: AnyFlag[] | null = null;
      if (c !== null) {
        const clis = countCli(c, r.cli, at);
        if (clis !== null) scoped = [clis];
        // A call whose probe status is unknown counts no probe, but its number was still called that day (so a probe to it is not its only call).
        const probe = !probeUnknowable && call.category === 'unconnected' && isScanningProbe(r, policy); // an answered call (even one whose answer time is unknown) is no probe
        const scan = countProbe(c, n, probe, at);
        if (scan !== null) (scoped ??= []).push(scan);
        const alerted = alerts === null ? null : alerts.next(call);
        if (alerted !== null) scoped = scoped === null ? alerted : [...scoped, ...alerted];
      }
      return { call: judged, raised: scoped === null ? judged.flags : [...judged.flags, ...scoped] };
    },
    size: () => history.size(),
    daySize: () => days.size() + (alerts === null ? 0 : alerts.size()),
  };
}
