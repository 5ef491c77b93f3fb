/**
 * Policy: the rules dialguard applies, as data. Thresholds the regulator fixes carry
 * their paragraph; thresholds it leaves open ("not prescribed") are fields with a
 * documented default that the user can change. Other jurisdictions are other values
 * of this type, never forks of the code.
 */

/** The moment the information-message clock starts (A2.19). */
export type DeadlineMoment = 'pickup' | 'salutationStart' | 'salutationEnd';

/** Elements an information message must have (A2.17). */
export type MessageElement =
  /** identifies the party on whose behalf the call was made */
  | 'identifiesCaller'
  /** explains that that party attempted to contact the recipient */
  | 'explainsAttempt'
  /** gives a basic-rate number to call to decline further calls */
  | 'basicRateOptOutNumber'
  /** contains no marketing content */
  | 'noMarketing'
  /** offers an automated opt-out during the message (US FCC 47 CFR 64.1200(a)(7)) */
  | 'automatedOptOut';

/** An allowed calling window on one day, local time `HH:MM` (end exclusive); `null`: no calls that day. */
export interface CallingWindow {
  readonly start: string;
  readonly end: string;
}

/** A complete policy. Build variants with `definePolicy(base, changes)`. */
export interface Policy {
  /** Short stable id, e.g. `ofcom2017`. */
  readonly id: string;
  /** Human name and the sources it is taken from. */
  readonly name: string;
  readonly sources: readonly string[];
  /**
   * IANA zone of the calendar day (A3.3: "midnight to midnight") and of recipients whose
   * call carries no zone of its own (A2.11).
   */
  readonly timeZone: string;
  /** Ring time (A2.15). */
  readonly ring: {
    /** An unanswered call the caller ends sooner than this is a short ring (A2.15: 15 s). Exactly this long is not short. */
    readonly minMs: number;
    /** Alternative to `minMs` in rings (US TSR: 4 rings); `null` when the policy counts only time. */
    readonly minRings: number | null;
    /** One ring cycle, to count rings from ring time (UK and US cadences both repeat every 6 s). */
    readonly ringCycleMs: number;
    /** Longer than this is "left ringing for extended periods" (A2.15: not prescribed). */
    readonly maxMs: number;
  };
  /** Information message (A2.16–A2.19). */
  readonly message: {
    /** The message must start within this long of the clock's start (A2.19: 2 s). Exactly this long is on time. */
    readonly deadlineMs: number;
    /** Which moment starts the clock, with and without AMD (A2.19: start of salutation with AMD, pickup otherwise). */
    readonly deadlineFrom: { readonly withAmd: DeadlineMoment; readonly withoutAmd: DeadlineMoment };
    /** What the message must contain (A2.17). */
    readonly requiredContent: readonly MessageElement[];
  };
  /**
   * Connection to a live agent. Where a jurisdiction defines an abandoned call as one not
   * connected to a live agent within a few seconds (US TSR 16 CFR 310.4(b)(1)(iv): 2 s
   * after the completed greeting; CRTC: 2 s), an answered call whose agent comes later
   * than `deadlineMs` after the message clock's start is abandoned even if an agent
   * eventually took it, and so is a person-answered call no agent ever took (dead air, a
   * cut-off, an AMD false positive: silent calls under Ofcom). `null` (Ofcom): an agent at
   * any time makes a live call (A3.3), and such calls are silent, outside the rate (A3.5).
   */
  readonly connection: { readonly deadlineMs: number | null };
  /** Repeat calls (A2.9). */
  readonly repeat: {
    /** A call to a number within this long after a silent or abandoned call to it needs a guaranteed agent (72 h). */
    readonly windowMs: number;
  };
  /**
   * Calling hours in the recipient's local time (A2.11: not prescribed). Index 0 is Sunday
   * … 6 Saturday. A call outside its day's window is at unsociable hours.
   */
  readonly callingHours: readonly (CallingWindow | null)[];
  /** Abandoned Call Rate (Annex 3). */
  readonly acr: {
    /**
     * The rate's period: the calendar day (A3.3), or for the US TSR and FCC both the trailing
     * 30 days and the campaign's successive 30-day period so far (16 CFR 310.4(b)(4)(i)).
     */
    readonly window: 'calendarDay' | 'trailing30Days';
    /**
     * An alert level the user chooses; crossing it raises an `acrAlert` flag. Never a safe
     * harbour: calls below it are not thereby lawful (A4.12, A4.20). `null`: no alert.
     */
    readonly alertRate: number | null;
    /**
     * The fewest calls in x + y (live and abandoned calls, counted whole) a scope's day needs
     * before its running rate can raise an `acrAlert` (A3.4 sets no sample size; a library
     * default, 100, not a figure from any policy). End-of-day rates above the level are
     * marked in the ACR table and report whatever the sample.
     */
    readonly alertMinCalls: number;
  };
  /** Interactive voice messaging (A1.28–A1.31: case by case). */
  readonly ivm: {
    /** A recipient who asked for an agent and waits longer than this is held unfairly long. */
    readonly maxWaitMs: number;
    /** A wait longer than this with no queue information (identity, purpose, position, wait) is flagged (A1.29). */
    readonly maxWaitWithoutInfoMs: number;
  };
  /** CLI (A1.18–A1.24, A2.12–A2.14). */
  readonly cli: {
    /** More distinct CLIs than this in one campaign on one day is flagged (A1.21–A1.23: not prescribed). */
    readonly maxDistinctPerCampaignDay: number;
    /**
     * The numbering plan a presented CLI is judged against: `uk` — valid, diallable, not
     * premium rate and basic rate (A1.20, A2.14, footnote 41); `none` — only a withheld CLI
     * is flagged (other countries' plans are not modelled).
     */
    readonly numberingPlan: 'uk' | 'none';
  };
  /** Number scanning (A1.35–A1.36: not prescribed). */
  readonly scanning: {
    /** A call the caller ends within this long of ringing (or of the dial) counts towards scanning. */
    readonly maxRingMs: number;
    /** This many such calls in a campaign on one day, to numbers not otherwise called that day, raise the flag. */
    readonly minCalls: number;
  };
  /** Records that show compliance are kept at least this many months (A2.23: six). */
  readonly retentionMonths: number;
  /** Period over which persistence is usually assessed (Section 1: 6 to 12 weeks). */
  readonly persistenceWeeks: number;
}

const HOUR = 3_600_000;

/** Milliseconds in an hour, for writing policies. */
export const HOUR_MS = HOUR;
