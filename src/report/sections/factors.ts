import type { FlagKind } from '../../flags.js';
import { DEFAULT_MISUSE_KINDS } from '../flag-kinds.js';
import { COMPLAINTS_REF } from '../../rules/complaints/index.js';
import { AMD_EVIDENCE_REF } from '../../rules/record-anomaly/index.js';
import { RING_TIME_REF } from '../../rules/ring-time/index.js';
import { UNSOCIABLE_HOURS_REF } from '../../rules/unsociable-hours/index.js';
import type { FlagKindSummary } from './flags.js';
import type { ReportComplaints } from './complaints.js';
import type { RetentionHorizon } from './retention.js';
import type { ScopeFigures, ScopeReport } from './scopes.js';

/** One Annex 2 factor with the numbers the records give for it — never a score (A2.7). */
export interface ReportFactor {
  readonly id: string;
  readonly paragraphs: string;
  readonly title: string;
  /**
   * The records show something under this factor (a non-zero count, or a gap in the
   * records); `false`: they show nothing; `null`: call records cannot show it (A2.20–A2.22).
   */
  readonly observed: boolean | null;
  readonly evidence: { readonly [name: string]: number | string | boolean | null };
  readonly note: string;
}

/** The highest daily ACR of any campaign in the period (A3.4), and the campaign days above the alert level. */
export interface CampaignAcr {
  readonly highest: { readonly rate: number; readonly campaignId: string; readonly date: string } | null;
  readonly daysAboveAlert: number;
}

/** Evidence names whose values are shares (0–1), not counts. */
export const SHARE_EVIDENCE: ReadonlySet<string> = new Set([
  'shareOfCalls',
  'highestDailyAcr',
  'highestCampaignDailyAcr',
  'alertRate',
  'shareOfWeeksWithCalls',
  'falsePositiveRate',
  'falseNegativeRate',
  'machineShareOfAnswered',
]);

/** Evidence names whose values are ACRs (A3.4), printed against the alert line (`formatPercent`). */
export const ACR_EVIDENCE: ReadonlySet<string> = new Set(['highestDailyAcr', 'highestCampaignDailyAcr']);

/** What the factors read: the `all` scope, the campaigns' daily ACR, complaints and retention. */
export interface FactorInput {
  readonly all: ScopeFigures;
  readonly campaigns: CampaignAcr;
  readonly complaints: ReportComplaints;
  readonly retention: RetentionHorizon;
  readonly alertRate: number | null;
  /** The kinds that make a day one with misuse (Section 1) besides silent and abandoned calls, on which persistence rests; default `DEFAULT_MISUSE_KINDS` (Annex 1's forms of misuse). */
  readonly misuseKinds?: readonly FlagKind[];
}

/** Silent and abandoned calls, the ACR, persistence and complaints (A2.3–A2.6, Section 1, Annex 3). */
function outcomeFactors(input: FactorInput): ReportFactor[] {
  const { all, campaigns, complaints, alertRate } = input;
  const r = all.report;
  const campaignHigh = campaigns.highest;
  const campaignDaysAboveAlert = campaigns.daysAboveAlert;
  const daysWith = (pick: (d: ScopeReport['days'][number]) => number): number => r.days.filter((d) => pick(d) > 0).length;
  return [
    {
      id: 'silentCalls',
      paragraphs: 'A2.3, A2.6; A1.3–A1.8',
      title: 'Silent calls — likely the highest priority',
      observed: r.totals.silent > 0,
      evidence: {
        silentCalls: r.totals.silent,
        shareOfCalls: r.rates.silent,
        daysWithSilentCalls: daysWith((d) => d.counts.silent),
        silentWithCliWithheld: all.silentCliWithheld,
        amdFalsePositives: r.amd.falsePositives,
      },
      note: 'Silent calls are excluded from the ACR (A3.5) and counted here on their own.',
    },
    {
      id: 'abandonedCalls',
      paragraphs: 'A2.4, A2.6; Annex 3',
      title: 'Abandoned calls and the Abandoned Call Rate',
      observed: r.totals.abandoned > 0,
      evidence: {
        abandonedCalls: r.totals.abandoned,
        shareOfCalls: r.rates.abandoned,
        daysWithRate: r.acr.daysWithRate,
        highestDailyAcr: r.acr.highestRate,
        highestDailyAcrDate: r.acr.highestRateDate,
        highestCampaignDailyAcr: campaignHigh?.rate ?? null,
        highestCampaignDailyAcrCampaign: campaignHigh?.campaignId ?? null,
        highestCampaignDailyAcrDate: campaignHigh?.date ?? null,
        campaignDaysAboveAlert: campaignDaysAboveAlert,
        alertRate,
      },
      note: 'The ACR is one measure for prioritising (A3.1); the alert level is the user\u2019s and no rate is a safe harbour (A4.12, A4.20).',
    },
    {
      id: 'persistence',
      paragraphs: 'Section 1',
      title: 'Misuse throughout or at different points of the period',
      observed: r.persistence.weeksWithMisuse > 0,
      evidence: {
        weeks: r.persistence.weeks,
        weeksWithCalls: r.persistence.weeksWithCalls,
        weeksWithMisuse: r.persistence.weeksWithMisuse,
        shareOfWeeksWithCalls: r.persistence.shareOfWeeksWithCalls,
        daysWithMisuse: r.persistence.daysWithMisuse,
        pattern: r.persistence.pattern,
      },
      note: 'Levels beyond accident or one-off error, or repetition in disregard of harm, are for judgement.',
    },
    {
      id: 'complaints',
      paragraphs: COMPLAINTS_REF,
      title: 'Consumer complaints the misuse attracts',
      observed: complaints.total > 0,
      evidence: {
        complaints: complaints.total,
        matched: complaints.matched,
        unmatched: complaints.unmatched,
        noCallFromCli: complaints.findings.noCallFromCli ?? 0,
      },
      note: 'Only complaints given to the report are counted; an unmatched complaint may concern another caller.',
    },
  ];
}

/** How the calls were made: repeats, hours, CLI, ring time, the message, other misuse (A2.8–A2.19, A1.28–A1.36). */
function conductFactors(input: FactorInput): ReportFactor[] {
  const { all } = input;
  const r = all.report;
  const n = (k: FlagKind): number => r.flags[k] ?? 0;
  const any = (...ks: FlagKind[]): boolean => ks.some((k) => n(k) > 0);
  return [
    {
      id: 'repeatCalls',
      paragraphs: 'A2.8–A2.10',
      title: 'Misuse repeated to the same number within 72 hours',
      observed: any('repeatWithin72h'),
      evidence: { repeatsWithin72h: n('repeatWithin72h') },
      note: 'Counts calls within the window after a silent or abandoned call without a guaranteed agent; the reasons for them are for judgement.',
    },
    {
      id: 'unsociableHours',
      paragraphs: UNSOCIABLE_HOURS_REF,
      title: 'Time of day',
      observed: any('unsociableHours'),
      evidence: { callsAtUnsociableHours: n('unsociableHours'), silentOrAbandonedAtUnsociableHours: all.misuseAtUnsociableHours },
      note: 'The hours are not prescribed: these use the policy\u2019s calling window.',
    },
    {
      id: 'cli',
      paragraphs: 'A2.12–A2.14; A1.18–A1.24',
      title: 'Calling line identification',
      observed: any('cliWithheld', 'cliInvalid', 'cliPremiumRate', 'cliNotBasicRate', 'tooManyClis'),
      evidence: {
        cliWithheld: n('cliWithheld'),
        silentWithCliWithheld: all.silentCliWithheld,
        silentOrAbandonedWithCliWithheld: all.misuseCliWithheld,
        cliInvalid: n('cliInvalid'),
        cliPremiumRate: n('cliPremiumRate'),
        cliNotBasicRate: n('cliNotBasicRate'),
        tooManyClis: n('tooManyClis'),
      },
      note: 'Whether a return call to the CLI reaches a compliant message (A2.14) is not in call records.',
    },
    {
      id: 'ringTime',
      paragraphs: RING_TIME_REF,
      title: 'Length of time a call rings',
      observed: any('shortRing', 'longRing'),
      evidence: { shortRing: n('shortRing'), longRing: n('longRing') },
      note: '',
    },
    {
      id: 'messageContent',
      paragraphs: 'A2.16–A2.17',
      title: 'Content of the information message',
      observed: any('messageContent'),
      evidence: { messagesMissingContent: n('messageContent') },
      note: 'Judged only where the records carry the message content.',
    },
    {
      id: 'messageDelay',
      paragraphs: 'A2.18–A2.19',
      title: 'Time taken to connect the recipient to a message',
      observed: any('lateMessage', 'messageMissing'),
      evidence: { lateMessages: n('lateMessage'), missingMessages: n('messageMissing') },
      note: 'Missing messages are judged only under a policy with a connection deadline (US TSR, FCC, CRTC): no agent in time, and no message.',
    },
    {
      id: 'otherMisuse',
      paragraphs: 'A2.5; A1.28–A1.31, A1.35–A1.36',
      title: 'Other forms of misuse',
      observed: any('numberScanning', 'ivmLongWait', 'ivmNoQueueInfo'),
      evidence: { numberScanning: n('numberScanning'), ivmLongWait: n('ivmLongWait'), ivmNoQueueInfo: n('ivmNoQueueInfo') },
      note: '',
    },
  ];
}

/** Factors call records cannot show (A2.2, A2.5, A2.6, A2.20–A2.22). */
function judgementFactors(): ReportFactor[] {
  return [
    {
      id: 'harm',
      paragraphs: 'A2.2, A2.5, A2.6',
      title: 'Seriousness of harm, flagrant disregard, need for deterrence',
      observed: null,
      evidence: {},
      note: 'A judgement for the regulator: call records alone do not show it.',
    },
    {
      id: 'management',
      paragraphs: 'A2.20–A2.22',
      title: 'Management, practices and processes; third parties',
      observed: null,
      evidence: {},
      note: 'Testing, competent staff, dialling rates, agent monitoring and oversight of third parties are not in call records.',
    },
  ];
}

/** AMD accuracy and record management (A2.23–A2.25). */
function recordFactors(input: FactorInput): ReportFactor[] {
  const { all, retention } = input;
  const r = all.report;
  const n = (k: FlagKind): number => r.flags[k] ?? 0;
  return [
    {
      id: 'amdAccuracy',
      paragraphs: AMD_EVIDENCE_REF,
      title: 'Evidence of the accuracy of AMD',
      observed: r.amd.falsePositives + r.amd.falseNegatives > 0,
      evidence: {
        callsWithAmd: r.amd.calls,
        checkedMachineVerdicts: r.amd.checkedMachine,
        falsePositives: r.amd.falsePositives,
        falsePositiveRate: r.amd.falsePositiveRate,
        checkedHumanVerdicts: r.amd.checkedHuman,
        falseNegatives: r.amd.falseNegatives,
        falseNegativeRate: r.amd.falseNegativeRate,
        machineShareOfAnswered: r.amd.machineShareOfAnswered,
      },
      note: 'Checked against later dispositions; verdicts without one cannot be checked.',
    },
    {
      id: 'records',
      paragraphs: 'A2.23, A2.25',
      title: 'Record management: records kept (A2.23: at least six months)',
      observed: n('recordAnomaly') > 0 || retention.dataCoversLookback === false,
      evidence: {
        retentionMonths: retention.months,
        keepUntil: retention.keepUntil,
        lookbackFrom: retention.lookbackFrom,
        oldestRecord: retention.oldestRecord,
        dataCoversLookback: retention.dataCoversLookback,
        recordAnomalies: n('recordAnomaly'),
      },
      note: 'Covering the lookback shows only that these records reach back; the type of dialler and AMD in use (A2.24) is not in them.',
    },
  ];
}

/**
 * The factors of Section 1 and Annex 2 (A2.3–A2.25), each with its paragraphs and the
 * numbers the records give for it. Ofcom does not weigh them mechanically (A2.7), so
 * neither does this: there is no score, no weighting and no verdict — `observed` says only
 * whether the records show anything under the factor.
 */
export function annex2Factors(input: FactorInput, flags: readonly FlagKindSummary[] = []): ReportFactor[] {
  const kinds = factorKinds(input.misuseKinds ?? DEFAULT_MISUSE_KINDS);
  const calls = input.all.report.totals.calls;
  return [...outcomeFactors(input), ...conductFactors(input), ...judgementFactors(), ...recordFactors(input)].map((f) => withUnjudged(f, kinds[f.id], flags, calls));
}

/**
 * The flag kinds each factor counts, whose rules the records may not have let the audit
 * judge. Persistence counts days with misuse — silent and abandoned calls, whatever the
 * list, and any of `misuseKinds` (by default the forms of misuse of Annex 1) — so it rests
 * on all of their rules, and on no factor's alone.
 */
function factorKinds(misuseKinds: readonly FlagKind[]): { readonly [id: string]: readonly FlagKind[] | undefined } {
  return { ...FACTOR_KINDS, persistence: [...new Set<FlagKind>(['silentCall', 'abandonedCall', ...misuseKinds])] };
}

/**
 * The flag kinds of each factor but persistence (see `factorKinds`): every factor that
 * rests on the calls of the period — with none, it is `?`, never clean (the two judgement
 * factors are `?` always).
 */
const FACTOR_KINDS: { readonly [id: string]: readonly FlagKind[] } = {
  silentCalls: ['silentCall'],
  abandonedCalls: ['abandonedCall'],
  repeatCalls: ['repeatWithin72h'],
  unsociableHours: ['unsociableHours'],
  cli: ['cliWithheld', 'cliInvalid', 'cliPremiumRate', 'cliNotBasicRate', 'tooManyClis'],
  ringTime: ['shortRing', 'longRing'],
  messageContent: ['messageContent'],
  messageDelay: ['lateMessage', 'messageMissing'],
  otherMisuse: ['numberScanning', 'ivmLongWait', 'ivmNoQueueInfo'],
  // The AMD evidence (A2.24) is read from the calls of the period: none, nothing shown.
  amdAccuracy: [],
  // Record anomalies (A2.23) are the recordAnomaly rule's flags; the retention horizon is not a rule.
  records: ['recordAnomaly'],
};

/**
 * A factor whose rules could not be judged on some calls says so (`notJudgedCalls`, the
 * most of its kinds), and one that shows nothing is then not shown as clean: `observed`
 * becomes `null` (the records cannot show it) instead of `false`. With no call in the
 * period its rules were judged on nothing: `null` too (nothing audited is not clean).
 */
function withUnjudged(factor: ReportFactor, kinds: readonly FlagKind[] | undefined, flags: readonly FlagKindSummary[], calls: number): ReportFactor {
  if (kinds === undefined) return factor;
  if (calls === 0) return { ...factor, observed: factor.observed === true ? true : null };
  let notJudgedCalls = 0;
  for (const f of flags) if (kinds.includes(f.kind)) notJudgedCalls = Math.max(notJudgedCalls, f.notJudged);
  if (notJudgedCalls === 0) return factor;
  return { ...factor, observed: factor.observed === true ? true : null, evidence: { ...factor.evidence, notJudgedCalls } };
}
