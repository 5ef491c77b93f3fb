import { createActor, SimulatedClock } from 'xstate';
import { createCallMachine } from '../../src/machine/index.js';
import { call } from './calls.js';
const machine = createCallMachine();
const N = 30000;
const calls = Array.from({ length: N }, (_, i) => {
  const c = call(`c${i}`);
  return i % 3 === 0 ? [c.dial(0), c.ringing(1000), c.answer(8000), c.salutation(8200), c.agent(9000), c.hangup(60000)]
    : i % 3 === 1 ? [c.dial(0), c.ringing(1000), c.hangup(20000)]
    : [c.dial(0), c.answer(5000), c.message(6000), c.hangup(20000, 'recipient')];
});
const evCount = calls.reduce((a, c) => a + c.length, 0);
for (let r = 0; r < 6; r++) {
  const clock = new SimulatedClock();
  let t0 = process.cpuUsage(); let t = 0;
  for (const evs of calls) { const a = createActor(machine, { clock }).start(); for (const e of evs) a.send(e); a.getSnapshot().output; }
  const full = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000; t0 = process.cpuUsage();
  for (const evs of calls) { const a = createActor(machine, { clock }).start(); a.send(evs[0]!); a.send({ type: 'close', at: 0 }); }
  const minimal = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000; void t;
  console.log(`full ${(N / full * 1000).toFixed(0)}/s (${(full * 1000 / evCount).toFixed(1)} µs/event); dial+close ${(N / minimal * 1000).toFixed(0)}/s`);
}
