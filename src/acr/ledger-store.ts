import { addDays } from './trailing.js';
import { createCountTable, type CountTable } from './count-table.js';
import { addVector, COUNT_STRIDE } from './counts.js';
import type { AcrScope } from './scope.js';

/** One kept scope's days (A3.4), and per cell the slot of its day here. */
interface ScopeTable {
  readonly scope: AcrScope;
  readonly table: CountTable;
  /** Per cell, the slot of its day here (-1: not looked up yet). Unused for `campaignCallCentre` (the cells themselves). */
  map: Int32Array;
}

/** The order tables list scopes in. */
export const SCOPE_ORDER: { readonly [S in AcrScope]: number } = { all: 0, campaign: 1, callCentre: 2, campaignCallCentre: 3 };

/** The id of the all scope's one row a day (any constant would do). */
const ALL_ID = '';

/** The id of a cell: its campaign and call centre, unambiguous. */
const cellId = (campaignId: string, callCentreId: string): string => `${campaignId.length}:${campaignId}${callCentreId}`;

/** Where the ACR ledger keeps its counts: the cells, and the days of each kept scope, with the cell → scope-day links. */
export interface LedgerStore {
  /** The scopes kept, in `ACR_SCOPES` order (grows with `keep`). */
  readonly scopes: AcrScope[];
  readonly cells: CountTable;
  tableOf(scope: AcrScope): CountTable;
  kept(scope: AcrScope): boolean;
  /** The id of a scope's row for the given campaign and call centre. */
  idFor(scope: AcrScope, campaignId: string | null, callCentreId: string | null): string;
  /** The campaign and call centre of a scope's slot (`null` where the scope aggregates them). */
  idsOf(scope: AcrScope, slot: number): { campaignId: string | null; callCentreId: string | null };
  cellCampaign(cell: number): string;
  cellCentre(cell: number): string;
  /** Moves the latest day on (dropping days out of reach with `retainDays`). */
  advance(date: string): void;
  /**
   * The cell of (date, campaign, call centre), made when new; `NO_CELL` (-1) for a date
   * before the days kept (`retainDays` behind the latest day): such a day was dropped, or
   * would be at once, so no cell is made for it (A3.3 counts by day; a day not kept is
   * counted nowhere) and memory stays with the days kept.
   */
  cellFor(date: string, campaignId: string, callCentreId: string): number;
  /** The slot of a cell's day in a kept scope (-1 for `NO_CELL`). @throws RangeError for a scope not kept. */
  slotIn(scope: AcrScope, cell: number): number;
  /** Adds `by` to counter `field` (and to `calls`, unless `field` is it) of the cell and of its kept scopes' days; nothing for `NO_CELL`. */
  bump(cell: number, field: number, by: number): void;
  /** Starts keeping more scopes, filled from the cells so far. */
  keep(scopes: readonly AcrScope[]): void;
}

/** The id of a scope's row for a campaign and call centre (A3.4): what the scope keeps of them. */
function idFor(scope: AcrScope, campaignId: string | null, callCentreId: string | null): string {
  return scope === 'all' ? ALL_ID : scope === 'campaign' ? (campaignId ?? '') : scope === 'callCentre' ? (callCentreId ?? '') : cellId(campaignId ?? '', callCentreId ?? '');
}

/** Adds every cell's counts into a scope table just kept (A3.4). */
function fill(t: ScopeTable, cells: CountTable, slotOf: (t: ScopeTable, cell: number) => number): void {
  cells.forEach((cell) => {
    const s = slotOf(t, cell);
    addVector(t.table.data(), s * COUNT_STRIDE, cells.data(), cell * COUNT_STRIDE);
  });
}

/** The campaign and call centre of a scope's slot (`null` where the scope aggregates them). */
function idsOfSlot(
  scope: AcrScope,
  slot: number,
  byScope: ReadonlyMap<AcrScope, ScopeTable>,
  campaigns: readonly string[],
  centres: readonly string[],
): { campaignId: string | null; callCentreId: string | null } {
  switch (scope) {
    case 'all':
      return { campaignId: null, callCentreId: null };
    case 'campaign':
      return { campaignId: byScope.get('campaign')!.table.id(slot), callCentreId: null };
    case 'callCentre':
      return { campaignId: null, callCentreId: byScope.get('callCentre')!.table.id(slot) };
    case 'campaignCallCentre':
      return { campaignId: campaigns[slot]!, callCentreId: centres[slot]! };
  }
}

/** A cell found lately. */
interface RecentCell {
  readonly date: string;
  readonly campaignId: string;
  readonly callCentreId: string;
  readonly cell: number;
}

/** Cells remembered for a fast lookup (a power of two). */
const RECENT_CELLS = 64;

/** The place of (date, campaign, call centre) among the recent cells: a cheap hash of lengths and last characters. */
// Stryker disable all: the hash only picks a cache entry, which is compared in full before use: any index finds the same cells
function recentIndex(date: string, campaignId: string, callCentreId: string): number {
  const c = campaignId.length;
  const l = callCentreId.length;
  return (c * 7 + (campaignId.charCodeAt(c - 1) | 0) * 31 + (campaignId.charCodeAt(c >> 1) | 0) * 5 + (callCentreId.charCodeAt(l - 1) | 0) * 17 + (date.charCodeAt(date.length - 1) | 0)) & (RECENT_CELLS - 1);
}
// Stryker restore all

/** @throws RangeError: the ledger does not keep `scope`. */
function notKept(scope: AcrScope, scopes: readonly AcrScope[]): never {
  throw new RangeError(`the ACR ledger keeps no ${scope} scope (asked for: ${scopes.join(', ') || 'none'})`);
}

/** Marks a new cell's day in `t` as not looked up yet, growing the links as needed. */
function unlink(t: ScopeTable, cell: number): void {
  if (t.map.length <= cell) {
    // Cells are made one after another, so `cell` ≤ the length: doubling always reaches it.
    const grown = new Int32Array(Math.max(16, t.map.length * 2));
    grown.set(t.map);
    t.map = grown;
  }
  t.map[cell] = -1;
}

/** What `cellFor` answers for a date before the days kept: no cell (the ledger's `NO_CELL`). */
const NO_CELL = -1;

/**
 * A `LedgerStore` keeping `asked` (besides the cells), dropping days older than `retain`
 * days behind the latest (`null`: none). A date before the days kept gets no cell
 * (`cellFor` answers `NO_CELL`), so a late call, or every call after one dated far ahead,
 * makes nothing that would never be dropped.
 */
export function createLedgerStore(asked: readonly AcrScope[], retain: number | null): LedgerStore {
  const cells = createCountTable();
  const campaigns: string[] = [];
  const centres: string[] = [];
  const scopes: AcrScope[] = [];
  const others: ScopeTable[] = [];
  const byScope = new Map<AcrScope, ScopeTable>();
  let latest = '';
  /** The oldest date kept (`''`: every date, until `retain` first drops one). */
  let keepFrom = '';

  const tableOf = (scope: AcrScope): CountTable => {
    if (scope === 'campaignCallCentre') return cells;
    return (byScope.get(scope) ?? notKept(scope, scopes)).table;
  };
  const kept = (scope: AcrScope): boolean => scope === 'campaignCallCentre' || byScope.has(scope);
  const idsOf = (scope: AcrScope, slot: number) => idsOfSlot(scope, slot, byScope, campaigns, centres);

  const advance = (date: string): void => {
    if (date <= latest) return;
    latest = date;
    if (retain === null) return;
    keepFrom = addDays(date, 1 - retain);
    for (const c of cells.dropBefore(keepFrom)) campaigns[c] = centres[c] = '';
    for (const t of others) t.table.dropBefore(keepFrom);
    recent.fill(undefined);
  };

  // Recently found cells, two per place (the latest first) by a cheap hash of the ids, so most calls build no key.
  // Stryker disable next-line ArrayDeclaration: an empty cache, with holes or none, finds no cell
  const recent: (RecentCell | undefined)[] = new Array(RECENT_CELLS);
  // Stryker disable next-line ArrowFunction,ConditionalExpression: equivalent: a cache that never hits finds the same cells by their keys
  const isCell = (r: RecentCell | undefined, date: string, campaignId: string, callCentreId: string): r is RecentCell => r !== undefined && r.date === date && r.campaignId === campaignId && r.callCentreId === callCentreId;
  const cellFor = (date: string, campaignId: string, callCentreId: string): number => {
    if (date < keepFrom) return NO_CELL;
    // Stryker disable UnaryOperator,ArithmeticOperator,BlockStatement: equivalent: where the cache keeps a cell only changes whether a lookup hits; every hit is checked, and a miss finds the same cell by its key
    const h = recentIndex(date, campaignId, callCentreId) & ~1;
    const latest = recent[h];
    // Stryker disable next-line ConditionalExpression: equivalent: the cache; a miss finds the same cell by its key
    if (isCell(latest, date, campaignId, callCentreId)) return latest.cell;
    const earlier = recent[h + 1];
    // Stryker disable next-line ConditionalExpression: equivalent: the cache; a miss finds the same cell by its key
    if (isCell(earlier, date, campaignId, callCentreId)) {
      recent[h] = earlier;
      recent[h + 1] = latest;
      return earlier.cell;
    }
    // Stryker restore UnaryOperator,ArithmeticOperator,BlockStatement
    const before = cells.size();
    const cell = cells.slot(date, cellId(campaignId, callCentreId));
    // Stryker disable next-line ArithmeticOperator: equivalent: where the cache keeps a cell only changes whether a lookup hits
    recent[h + 1] = latest; // the latest but one stays, so two cells sharing a place do not evict each other
    // Stryker disable next-line ObjectLiteral: an entry that matches nothing only makes the next lookup build the key
    recent[h] = { date, campaignId, callCentreId, cell };
    // Stryker disable next-line ConditionalExpression: equivalent: a cell found again is linked again to the same slots, found by their keys
    if (cells.size() === before) return cell;
    campaigns[cell] = campaignId;
    centres[cell] = callCentreId;
    for (const t of others) unlink(t, cell);
    return cell;
  };

  const slotInTable = (t: ScopeTable, cell: number): number => {
    let s = t.map[cell]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: the cell's slot remembered; looking it up again by its key finds the same slot
    if (s < 0) {
      s = t.table.slot(cells.date(cell), idFor(t.scope, campaigns[cell]!, centres[cell]!));
      t.map[cell] = s;
    }
    return s;
  };

  /** Adds `by` to counter `field` (and to `calls`, unless `field` is it) of the cell and of its kept scopes' days. */
  const bump = (cell: number, field: number, by: number): void => {
    if (cell === NO_CELL) return;
    const d = cells.data();
    d[cell * COUNT_STRIDE + field]! += by;
    if (field !== 0) d[cell * COUNT_STRIDE]! += by;
    for (const t of others) {
      const s = slotInTable(t, cell);
      const td = t.table.data();
      td[s * COUNT_STRIDE + field]! += by;
      if (field !== 0) td[s * COUNT_STRIDE]! += by;
    }
  };

  const keep = (more: readonly AcrScope[]): void => {
    for (const scope of more) {
      if (scopes.includes(scope)) continue;
      scopes.push(scope);
      scopes.sort((a, b) => SCOPE_ORDER[a] - SCOPE_ORDER[b]);
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: a second table of the cells' own scope would be counted but never read (slotIn reads the cells)
      if (scope === 'campaignCallCentre') continue;
      const t: ScopeTable = { scope, table: createCountTable(), map: new Int32Array(Math.max(16, cells.capacity())).fill(-1) };
      others.push(t);
      byScope.set(scope, t);
      fill(t, cells, slotInTable);
    }
  };

  keep(asked);
  const slotIn = (scope: AcrScope, cell: number): number => {
    const t = scope === 'campaignCallCentre' ? null : (byScope.get(scope) ?? notKept(scope, scopes));
    return t === null || cell === NO_CELL ? cell : slotInTable(t, cell);
  };
  return {
    scopes,
    cells,
    tableOf,
    kept,
    idFor,
    idsOf,
    cellCampaign: (cell) => campaigns[cell] ?? '',
    cellCentre: (cell) => centres[cell] ?? '',
    ...{ advance, cellFor, slotIn, bump, keep },
  };
}
