/**
 * Run by `record-copies.test.ts` as `node --allow-natives-syntax --import tsx`: folds calls
 * of different histories, parses one, and prints how many share the first one's V8 map.
 */
import { foldEvents, parseCallRecord } from '../../src/index.js';
import { withAnomaly } from '../../src/fold.js';
import { call } from '../machine/calls.js';

// V8's natives syntax is not JavaScript a module may contain: it goes through Function.
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const c = call();
const records = [
  foldEvents([c.dial(0)]),
  foldEvents([c.dial(0), c.ringing(500), c.hangup(20_000)]),
  foldEvents([c.dial(0), c.answer(1_000), c.agent(1_500), c.hangup(9_000)]),
  foldEvents([c.dial(0, { amd: true }), c.answer(1_000), c.salutation(1_200), c.amd(2_000, 'machine'), c.hangup(2_100), c.disposition(3_000, 'human')]),
  foldEvents([c.dial(0), c.answer(1_000), c.message(1_500), c.hangup(9_000)]),
  foldEvents([c.answer(0), c.dial(10), c.answer(5), c.recording(20, false)]),
  withAnomaly(foldEvents([c.dial(0)]), { kind: 'outOfOrder', event: 'agent', at: 0, detail: 'x' }),
];
records.push(parseCallRecord(JSON.parse(JSON.stringify(records[2]))));
process.stdout.write(JSON.stringify({ records: records.length, sameShape: records.filter((r) => sameMap(r, records[0]!)).length }));
