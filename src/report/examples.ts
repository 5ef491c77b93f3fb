import type { ReportExample } from './types.js';

const tie = (e: ReportExample): string => `${e.callId ?? ''}\u0000${e.campaignId ?? ''}\u0000${e.callCentreId ?? ''}`;

/**
 * The order of example flags: by time, then call id, campaign and call centre (by code
 * unit, never the host's locale), so the same calls give the same examples in any order.
 */
export function compareExamples(a: ReportExample, b: ReportExample): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const ka = tie(a);
  const kb = tie(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Code-unit order of two strings (host-independent, unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
