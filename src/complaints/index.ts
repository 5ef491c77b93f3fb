/**
 * Complaints: find the calls a complaint is about, and say what the records do not show
 * (A2.6; a carrier's view, without revealing its customer).
 */
export {
  ComplaintError,
  DEFAULT_COMPLAINT_TOLERANCE_MS,
  DEFAULT_MAX_MATCHES,
  type Complaint,
  type ComplaintCallMatch,
  type ComplaintFinding,
  type ComplaintFindingKind,
  type ComplaintMatch,
  type ComplaintOptions,
} from './complaint.js';
export { createComplaintMatcher, type ComplaintMatcher } from './complaint-matcher.js';
export { matchComplaint } from './match-complaint.js';
