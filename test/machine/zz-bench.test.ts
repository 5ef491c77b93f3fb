import { it } from 'vitest';
import { createActor, SimulatedClock, setup } from 'xstate';
import { createCallMachine } from '../../src/machine/index.js';
import { call } from './calls.js';
it('bench', () => {
  const machine = createCallMachine();
  const trivial = setup({}).createMachine({ initial: 'a', states: { a: { on: { x: 'b' } }, b: {} } });
  const calls = Array.from({ length: 5000 }, (_, i) => {
    const c = call(`c${i}`);
    return [c.dial(0), c.ringing(1000), c.hangup(20000)];
  });
  const time = (name: string, f: () => void) => { const t = performance.now(); f(); console.log(name, (calls.length / (performance.now() - t) * 1000).toFixed(0), '/s'); };
  for (let round = 0; round < 3; round++) {
    time('trivial create+start', () => { for (const _ of calls) createActor(trivial).start(); });
    time('call create+start', () => { for (const _ of calls) createActor(machine).start(); });
    time('call +dial', () => { const clock = new SimulatedClock(); for (const evs of calls) { const a = createActor(machine, { clock }).start(); a.send(evs[0]!); } });
    time('call +dial+ringing+hangup', () => { const clock = new SimulatedClock(); for (const evs of calls) { const a = createActor(machine, { clock }).start(); for (const e of evs) a.send(e); } });
  }
});
