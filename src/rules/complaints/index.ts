/**
 * A2.6: the number of complaints misuse attracts is a factor in Ofcom's priorities. Call
 * records cannot show it; the report counts the complaints the host gives it, matched to
 * calls (`matchComplaint`). No flag: a factor, with its evidence.
 */
import { ruleInfo } from '../rule.js';

/** The paragraph of complaints. */
export const COMPLAINTS_REF = 'A2.6';

/** Rule information for reports (A2.6): a factor counted by the report, never a flag. */
export const complaintsRule = /* @__PURE__ */ ruleInfo('complaints', 'complaints the misuse attracts', [COMPLAINTS_REF], {});
