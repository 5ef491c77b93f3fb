/**
 * From a simulated day to the picture: the hourly series (`hourly.ts`) laid out for the
 * SVG renderer (`../svg/day-chart.ts`), with the outcome colours and the alert line.
 */
import type { CallCategory, ClassifiedCall, Policy } from 'dialguard';
import { renderDayChart } from '../svg/day-chart.js';
import { CATEGORIES, hourlySeries } from './hourly.js';

/** Outcome colours and names, bottom of the stack first. */
export const OUTCOME_STYLE: Readonly<Record<CallCategory, { readonly name: string; readonly color: string }>> = {
  live: { name: 'live (agent)', color: '#2e7d32' },
  abandoned: { name: 'abandoned', color: '#ef6c00' },
  silent: { name: 'silent', color: '#c62828' },
  answerMachine: { name: 'answer machine', color: '#7986cb' },
  unconnected: { name: 'unconnected', color: '#cfd8dc' },
  undetermined: { name: 'undetermined', color: '#9e9e9e' },
};

/** The day's SVG: ACR since midnight per hour against the alert line, and outcomes per hour. */
export function daySvg(calls: readonly ClassifiedCall[], policy: Policy, title: string, subtitle?: string, notes?: readonly string[]): string {
  const series = hourlySeries(calls, policy);
  return renderDayChart({
    title,
    subtitle,
    hours: series.hours.map((h) => h.label),
    xTitle: `Hour the call was dialled (${series.zone})`,
    rates: series.acr,
    alertRate: policy.acr.alertRate,
    counts: CATEGORIES.map((c) => ({ name: OUTCOME_STYLE[c].name, color: OUTCOME_STYLE[c].color, values: series.hours.map((h) => h.counts[c]) })),
    highlight: [OUTCOME_STYLE.abandoned.name, OUTCOME_STYLE.silent.name],
    highlightTitle: 'Abandoned and silent calls each hour (misuse, A1.3\u2013A1.12), on their own scale',
    notes,
  });
}
