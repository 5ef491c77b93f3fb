/**
 * The agents of one dialler: who is free, who is talking, who is in wrap-up (after-call
 * work) and until when. Free agents queue first in, first out, so work is shared.
 */

/** What an agent is doing. */
export type AgentState = 'idle' | 'reserved' | 'talking' | 'wrapUp';

/** One agent. */
export interface Agent {
  readonly id: number;
  state: AgentState;
  /** While in wrap-up: when it ends. */
  wrapEndsAt: number;
  /** Calls taken. */
  calls: number;
  /** Time spent talking, ms. */
  talkMs: number;
}

/** A pool of agents. */
export interface AgentPool {
  readonly agents: readonly Agent[];
  /** Free agents right now. */
  idleCount(): number;
  /** Takes the agent free longest, or `null`. */
  take(): Agent | null;
  /** The agent is free again. */
  release(agent: Agent): void;
  /** Agents in wrap-up that will be free by `at`. */
  freeBy(at: number): number;
}

/** `count` agents, all free. */
export function createAgentPool(count: number): AgentPool {
  const agents: Agent[] = Array.from({ length: count }, (_, id) => ({ id, state: 'idle', wrapEndsAt: 0, calls: 0, talkMs: 0 }));
  // A ring buffer of idle agents (FIFO).
  const ring: (Agent | undefined)[] = new Array(Math.max(1, count));
  let head = 0;
  let size = 0;
  for (const a of agents) ring[(head + size++) % ring.length] = a;
  return {
    agents,
    idleCount: () => size,
    take() {
      if (size === 0) return null;
      const a = ring[head] as Agent;
      ring[head] = undefined;
      head = (head + 1) % ring.length;
      size -= 1;
      a.state = 'reserved';
      return a;
    },
    release(agent) {
      agent.state = 'idle';
      ring[(head + size++) % ring.length] = agent;
    },
    freeBy(at) {
      let n = 0;
      for (const a of agents) if (a.state === 'wrapUp' && a.wrapEndsAt <= at) n += 1;
      return n;
    },
  };
}
