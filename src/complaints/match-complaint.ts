import type { ClassifiedCall } from '../classify.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import type { Complaint, ComplaintMatch, ComplaintOptions } from './complaint.js';
import { createComplaintMatcher } from './complaint-matcher.js';

/**
 * The calls that match a complaint — same called number in any UK form, a span (dial to
 * hangup) overlapping the reported time ± tolerance (default 15 min) or the window given —
 * and what the records do not show: no call to the number, none at that time, none from
 * the CLI the complainant saw (a possible spoof), CLI withheld on the matches (A2.13), no
 * silent or abandoned call among them (`noSilentOrAbandoned`) — or, when some of them are
 * undetermined, that the records cannot show whether they were (`silentOrAbandonedUnknown`;
 * unknown is not absent). The number of complaints is itself a prioritisation
 * factor (A2.6); `report` counts them.
 *
 * The result holds the complaint as given and, per matching call, only its id, times,
 * category, flag kinds and paragraphs, and whether its CLI matched — never the record's
 * numbers, campaign or call centre — so a carrier can share it without revealing its
 * customer. Records are classified with `policy`; pass classified calls out of `misuse` to
 * include repeat calls within 72 h (A2.9). One pass, any order.
 *
 * @example
 * ```ts
 * import { matchComplaint } from 'dialguard';
 * const { matches, findings } = matchComplaint(
 *   { calledNumber: '+44 1632 960001', presentedCli: '0113 496 1000', reportedAt: Date.parse('2026-11-23T10:05Z') },
 *   records,
 * );
 * ```
 * @throws ComplaintError for an empty number, a reversed window or a non-finite time.
 */
export function matchComplaint(
  complaint: Complaint,
  calls: Iterable<CallRecord | ClassifiedCall>,
  policy: Policy = ofcom2017,
  options: ComplaintOptions = {},
): ComplaintMatch {
  const matcher = createComplaintMatcher([complaint], policy, options);
  for (const call of calls) matcher.add(call);
  return matcher.results()[0]!;
}
