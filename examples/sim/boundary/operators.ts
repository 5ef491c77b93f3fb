/**
 * Every finished call through dialguard's operators, live, as a dialler's back office would:
 * `misuse()` for the flags that show only across calls (a repeat within 72 h, A2.9; an ACR
 * alert), and `acr()` for the running rate of each dialler's campaign in its call centre,
 * which an adaptive predictive dialler paces by; and each dialler's own calls to its pacing
 * hook, if it has one.
 */
import { Subject } from 'rxjs';
import { acr, misuse, type ClassifiedCall, type MisuseUpdate, type Policy } from 'dialguard';
import type { DiallerRun } from '../dialler/run.js';

/** The operators while the run goes on. */
export interface LiveOperators {
  /** The calls as `misuse()` judged them, in the order they ended. */
  readonly judged: readonly MisuseUpdate[];
  /** One finished call, from the dialler `run`. */
  next(run: DiallerRun, call: ClassifiedCall): void;
  /** The run is over: completes the streams. */
  close(): void;
}

const cellOf = (campaignId: string | null, callCentreId: string | null): string => `${campaignId ?? ''}\u0000${callCentreId ?? ''}`;

/** Subscribes `misuse()` and `acr()` to the run's finished calls; `acr()` keeps each dialler's `runningAcr`. */
export function startOperators(policy: Policy, runs: readonly DiallerRun[]): LiveOperators {
  const classified$ = new Subject<ClassifiedCall>();
  const judged: MisuseUpdate[] = [];
  const misuseSubscription = classified$.pipe(misuse(policy)).subscribe((update) => void judged.push(update));
  const runsByCell = new Map(runs.map((run) => [cellOf(run.config.campaignId, run.config.callCentreId), run]));
  const acrSubscription = classified$.pipe(acr({ policy, scopes: ['campaignCallCentre'] })).subscribe((update) => {
    const row = update.rows[0];
    if (row === undefined) return;
    const run = runsByCell.get(cellOf(row.campaignId, row.callCentreId));
    if (run !== undefined) run.runningAcr = { rate: row.acr.rate, live: row.acr.y };
  });
  return {
    judged,
    next(run, call) {
      classified$.next(call);
      run.hook?.ended.next(call);
    },
    close() {
      classified$.complete();
      for (const run of runs) run.hook?.ended.complete();
      acrSubscription.unsubscribe();
      misuseSubscription.unsubscribe();
    },
  };
}
