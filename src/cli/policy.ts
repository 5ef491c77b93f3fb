/**
 * The policy an audit runs under: Ofcom's 2017 statement, in the zone `--tz` names.
 */
import { definePolicy, isTimeZone, ofcom2017, printable, type Policy } from 'dialguard/internals';
import { UsageError } from './exit-codes.js';

/**
 * The policy of a run with `--tz timeZone` (`undefined`: the policy's own, Europe/London).
 * @throws UsageError for a zone that is not an IANA time zone
 */
export function policyFor(timeZone: string | undefined): Policy {
  if (timeZone === undefined) return ofcom2017;
  if (!isTimeZone(timeZone)) throw new UsageError(`--tz should be an IANA time zone such as Europe/London; received "${printable(timeZone, 80)}"`);
  return definePolicy(ofcom2017, { timeZone });
}
