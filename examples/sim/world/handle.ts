/**
 * The world's events, as the dialler meets them: the network's verdict, ringing, a pickup,
 * a greeting heard by AMD and its verdict, a person who hangs up (in silence, or part-way
 * through the message), a conversation ending, a disposition, an agent back from wrap-up.
 */
import { agentFree, amdSaid, dispositionGiven, hangup, lineAnswered, lineRinging, personOnLine, speechStarted } from '../dialler/calls.js';
import type { Sim, WorldEvent } from '../sim.js';
import type { Agent } from './agents.js';
import { amdJudges, amdListens } from './amd.js';
import { wrapUp } from './conversation.js';
import { lineRings, personWaits, whoPicksUp } from './line.js';

/** Handles one of the world's events (a call's clock is already brought to now). */
export function handleWorldEvent(sim: Sim, e: WorldEvent): void {
  if (e.kind === 'wrapEnd') return agentFree(sim, e.run, e.agent);
  const call = e.call;
  switch (e.kind) {
    case 'network':
      if (call.phase === 'dialling') hangup(sim, call, 'network', e.cause);
      return;
    case 'ringing':
      if (call.phase !== 'dialling') return;
      lineRinging(sim, call);
      lineRings(sim, call);
      return;
    case 'pickup':
      if (call.phase !== 'ringing') return; // the dialler gave up first: nobody there
      call.truth = whoPicksUp(call.plan);
      lineAnswered(sim, call);
      if (call.truth === 'human') personWaits(sim, call);
      if (!call.run.config.amd.enabled) return personOnLine(sim, call);
      return amdListens(sim, call);
    case 'greeting':
      if (call.phase !== 'answered') return;
      speechStarted(sim, call);
      return amdJudges(sim, call);
    case 'amd':
      return amdSaid(sim, call, e.verdict);
    case 'silenceHangup':
      if (call.phase === 'answered' || call.phase === 'waiting') hangup(sim, call, 'recipient');
      return;
    case 'listenEnd':
      if (call.phase === 'message') hangup(sim, call, 'recipient');
      return;
    case 'talkEnd': {
      if (call.phase !== 'agent') return;
      const agent = call.agent as Agent;
      // The agent hangs up on a machine; a conversation ends with whoever says goodbye last.
      hangup(sim, call, call.truth === 'machine' ? 'caller' : call.plan.endsConversation);
      return wrapUp(sim, call, agent);
    }
    case 'disposition':
      return dispositionGiven(sim, call, e.verdict);
  }
}
