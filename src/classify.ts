/**
 * The classifier: a pure function of a call record and a policy.
 */
import { flag, type AnyFlag, type Flag } from './flags.js';
import { ofcom2017 } from './policy/ofcom2017.js';
import type { Policy } from './policy/policy.js';
import type { CallRecord } from './record.js';
import type { AnsweredBy } from './rules/answered-by.js';
import { categorise, type CallCategory, type MachineKind } from './rules/category.js';
import { cliNumberFlags } from './rules/cli-number.js';
import { cliWithheld } from './rules/cli-withheld.js';
import { ivmWait } from './rules/ivm-wait.js';
import { lateMessage } from './rules/message-deadline.js';
import { messageContent } from './rules/message-content.js';
import { recordAnomalies } from './rules/record-anomaly.js';
import { recordingWithoutNotice } from './rules/recording-notice.js';
import { longRing, shortRing } from './rules/ring-time.js';
import { unsociableHours } from './rules/unsociable-hours.js';

/** A call with its category and every per-call flag. */
export interface ClassifiedCall {
  readonly record: CallRecord;
  readonly category: CallCategory;
  /** For `answerMachine`: which of the three kinds (A3.5). */
  readonly machine?: MachineKind;
  /** Who answered (`null`: nobody); `unknown` abandoned calls are counted by the A3.6 estimate. */
  readonly answeredBy: AnsweredBy | null;
  readonly flags: readonly AnyFlag[];
  /**
   * The rules that could not be judged on this call, and why (the facts they need are not in
   * the record); empty or absent when every rule was judged. Counted by the report's coverage
   * section.
   */
  readonly notJudged?: readonly NotJudged[];
}

/** A rule the classifier could not judge on one call: its title, paragraphs and the reason. */
export interface NotJudged {
  readonly rule: string;
  readonly title: string;
  readonly refs: readonly string[];
  readonly reason: string;
}

/** Options for `classify`. */
export interface ClassifyOptions {
  /** Campaigns with standing written notice of recording (terms of business, publicity): recording without a per-call notice is not flagged for them. */
  readonly standingRecordingNotice?: ReadonlySet<string> | readonly string[];
}

function hasStandingNotice(campaignId: string, options: ClassifyOptions): boolean {
  const s = options.standingRecordingNotice;
  if (s === undefined) return false;
  return Array.isArray(s) ? s.includes(campaignId) : (s as ReadonlySet<string>).has(campaignId);
}

function addFlag(flags: AnyFlag[], f: AnyFlag | Flag | null): void {
  if (f !== null) flags.push(f as AnyFlag);
}

/**
 * Classifies one call: its category (live, abandoned, silent, unconnected, answer machine;
 * see `categorise`) and every per-call flag — `silentCall` (A1.3, A1.6), `abandonedCall`
 * (A1.9, A1.10), `shortRing` and `longRing` (A2.15), `lateMessage` (A2.19),
 * `messageContent` (A2.17), `cliWithheld` (A1.20, A2.13), `cliInvalid`, `cliPremiumRate` and
 * `cliNotBasicRate` (A1.20, A2.14), `unsociableHours` (A2.11), `ivmNoQueueInfo` and
 * `ivmLongWait` (A1.28–A1.31), `recordingWithoutNotice`
 * (call-recording guidance) and `recordAnomaly` (A2.23). Pure: the same record and policy
 * always give the same answer; the record is not changed.
 */
export function classify(record: CallRecord, policy: Policy = ofcom2017, options: ClassifyOptions = {}): ClassifiedCall {
  const c = categorise(record, policy);
  const flags: AnyFlag[] = [];
  const id = record.callId;
  if (c.category === 'silent') {
    flags.push(
      flag('silentCall', id, record.answerAt ?? record.dialAt, c.silentReason === 'amdFalsePositive' ? 'A1.6' : 'A1.3', {
        reason: c.silentReason ?? 'deadAir',
        durationMs: record.hangupAt === null || record.answerAt === null ? null : record.hangupAt - record.answerAt,
        hangupBy: record.hangupBy,
        cliWithheld: record.cli === null,
      }),
    );
  } else if (c.category === 'abandoned') {
    flags.push(
      flag('abandonedCall', id, record.messageAt ?? record.hangupAt ?? record.answerAt ?? record.dialAt, c.messagePlayed ? 'A1.9' : 'A1.10', {
        messagePlayed: c.messagePlayed,
        answeredBy: c.answeredBy === 'unknown' ? 'unknown' : 'human',
      }),
    );
  }
  if (c.category === 'unconnected') {
    addFlag(flags, shortRing(record, policy));
    addFlag(flags, longRing(record, policy));
  }
  if (c.category === 'abandoned' || c.category === 'live') addFlag(flags, lateMessage(record, policy));
  addFlag(flags, messageContent(record, policy));
  addFlag(flags, cliWithheld(record, c.category));
  if (policy.cli.numberingPlan === 'uk') for (const f of cliNumberFlags(record)) addFlag(flags, f);
  addFlag(flags, unsociableHours(record, policy));
  for (const f of ivmWait(record, policy)) addFlag(flags, f);
  addFlag(flags, recordingWithoutNotice(record, hasStandingNotice(record.campaignId, options)));
  if (record.anomalies.length > 0) for (const f of recordAnomalies(record)) addFlag(flags, f);
  const base = { record, category: c.category, answeredBy: c.answeredBy, flags };
  return c.machine === null ? base : { ...base, machine: c.machine };
}
