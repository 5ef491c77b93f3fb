import type { ClassifiedCall } from '../classify.js';
import type { AcrCell, AcrCounters } from './counters.js';
import { emptyCounts } from './counts.js';
import { createAcrLedger, NO_CELL } from './ledger.js';
import type { AcrScope } from './scope.js';

/** A running tally of cells behind `acrCounters`; `counters()` hands out a plain copy. The ACR ledger with no scopes. */
export interface AcrTally {
  readonly timeZone: string;
  /** Counts one classified call on its calendar day (by its dial time, A3.3); returns its cell after the call (a copy). */
  add(call: ClassifiedCall): AcrCell;
  /** Adds a whole set of counters (e.g. from another node). */
  addCounters(counters: AcrCounters): void;
  /** A plain copy of the counters so far. */
  counters(): AcrCounters;
  /** The cells so far, by `cellKey` (copies). */
  cells(): ReadonlyMap<string, AcrCell>;
}

const NO_SCOPES: readonly AcrScope[] = [];

/** Starts a running tally of cells (campaign × call centre × calendar day, A3.3–A3.4) in `timeZone`: an ACR ledger keeping no scopes. */
export function createAcrTally(timeZone: string): AcrTally {
  const ledger = createAcrLedger({ timeZone, scopes: NO_SCOPES });
  return {
    timeZone,
    add(call) {
      const cell = ledger.add(call);
      return { date: ledger.cellDate(cell), campaignId: ledger.cellCampaign(cell), callCentreId: ledger.cellCentre(cell), counts: cell === NO_CELL ? emptyCounts() : ledger.dayCounts('campaignCallCentre', cell) };
    },
    addCounters(counters) {
      ledger.addCounters(counters);
    },
    counters: () => ledger.counters(),
    cells: () => new Map(Object.entries(ledger.counters().cells)),
  };
}
