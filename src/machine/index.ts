/**
 * The XState call machine: one actor per outbound call, folding its events with the
 * shared `applyEvent`, announcing A2.15 and A2.19 deadlines, and outputting `classify`.
 */
export { createCallMachine, type CallMachine, type CallMachineInput } from './call-machine.js';
export { runCall, type RunCallResult } from './run-call.js';
export { closeRecord, incompleteAnomaly } from './close.js';
export { delayUntil, deadlineNotice, messageDueAt, NO_DEADLINES } from './deadlines.js';
export { nextTickAt } from './next-tick.js';
export type {
  CallMachineContext,
  CallMachineEvent,
  CallMachineOptions,
  CallMachineOutput,
  CloseEvent,
  DeadlineKind,
  DeadlineNotice,
  Deadlines,
  ForeignEvent,
  TickEvent,
} from './types.js';
