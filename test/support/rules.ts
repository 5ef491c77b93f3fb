/**
 * Per-rule views of `classify`, for tests that look at one rule at a time: each returns
 * what the classifier raised for that rule on the record (through the public API).
 */
import { classify, ofcom2017, type AnyFlag, type CallRecord, type Policy } from '../../src/index.js';

type Flag<K extends AnyFlag['kind']> = Extract<AnyFlag, { kind: K }>;

/** The flags of `kinds` that `classify` raises on `record` under `policy`. */
export function flagsOf<K extends AnyFlag['kind']>(kinds: readonly K[], record: CallRecord, policy: Policy = ofcom2017): Flag<K>[] {
  return classify(record, policy).flags.filter((f): f is never => (kinds as readonly string[]).includes(f.kind)) as Flag<K>[];
}

/** A2.11: the `unsociableHours` flag on `record`, or `null`. */
export function unsociableHours(record: CallRecord, policy: Policy = ofcom2017): Flag<'unsociableHours'> | null {
  return flagsOf(['unsociableHours'], record, policy)[0] ?? null;
}

/** A1.20, A2.14: the CLI-as-number flags on `record` (UK numbering plan). */
export function cliNumberFlags(record: CallRecord): Flag<'cliInvalid' | 'cliPremiumRate' | 'cliNotBasicRate'>[] {
  return flagsOf(['cliInvalid', 'cliPremiumRate', 'cliNotBasicRate'], record, ofcom2017);
}

/** A1.28–A1.31: the IVM flags on `record`. */
export function ivmWait(record: CallRecord, policy: Policy = ofcom2017): Flag<'ivmLongWait' | 'ivmNoQueueInfo'>[] {
  return flagsOf(['ivmNoQueueInfo', 'ivmLongWait'], record, policy);
}

/** A2.15: the `shortRing` flag on `record`, or `null`. */
export function shortRing(record: CallRecord, policy: Policy = ofcom2017): Flag<'shortRing'> | null {
  return flagsOf(['shortRing'], record, policy)[0] ?? null;
}

/** A2.15: the `longRing` flag on `record`, or `null`. */
export function longRing(record: CallRecord, policy: Policy = ofcom2017): Flag<'longRing'> | null {
  return flagsOf(['longRing'], record, policy)[0] ?? null;
}

/** Call-recording guidance: the `recordingWithoutNotice` flag, with or without standing written notice for the campaign. */
export function recordingWithoutNotice(record: CallRecord, standingNotice = false): Flag<'recordingWithoutNotice'> | null {
  const options = { standingRecordingNotice: standingNotice ? [record.campaignId] : [] };
  return (classify(record, ofcom2017, options).flags.find((f) => f.kind === 'recordingWithoutNotice') as Flag<'recordingWithoutNotice'> | undefined) ?? null;
}
