/**
 * The dialler's own events: its dialling windows opening and closing, its pacing tick, a
 * preview ending (the call is placed, or the agent freed if the window has closed), and
 * its timers on a call (ring timeout, message start and end, dead-air limit).
 */
import type { DiallerEvent, Sim } from '../sim.js';
import { agentFree, holdLimit, messageEnd, messageStart, ringTimeout } from './calls.js';
import { accrueRatio, dial, pace } from './pace.js';

/** The pacing also looks again this often, whatever happens (it mostly runs when a call or an agent frees up). */
const TICK_MS = 5_000;

/** Handles one of the dialler's events (a call's clock is already brought to now). */
export function handleDiallerEvent(sim: Sim, e: DiallerEvent): void {
  switch (e.kind) {
    case 'open':
      if (!e.run.open) {
        e.run.open = true;
        e.run.ratio.since = sim.now;
        sim.queue.push({ at: sim.now + TICK_MS, kind: 'tick', run: e.run });
      }
      return pace(sim, e.run);
    case 'close':
      if (e.run.open) accrueRatio(e.run, sim.now);
      e.run.open = false;
      return;
    case 'tick':
      if (!e.run.open) return;
      pace(sim, e.run);
      sim.queue.push({ at: sim.now + TICK_MS, kind: 'tick', run: e.run });
      return;
    case 'place':
      if (e.run.open) dial(sim, e.run, e.index, e.agent);
      else agentFree(sim, e.run, e.agent);
      return;
    case 'giveUp':
      return ringTimeout(sim, e.call);
    case 'messageStart':
      return messageStart(sim, e.call);
    case 'messageEnd':
      return messageEnd(sim, e.call);
    case 'holdLimit':
      return holdLimit(sim, e.call);
  }
}
