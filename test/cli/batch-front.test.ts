/**
 * One batch read as a worker (calls as columns) and as the main thread reads it (calls kept
 * as objects): the same calls, each with its own line, and the rejected rows with theirs.
 */
import { describe, expect, it } from 'vitest';
import { createBatchFront, createCallList, type FrontSetup } from '../../src/cli/parallel/batch-front.js';
import { callDecoder } from '../../src/cli/parallel/codec.js';
import { record, T0 } from './fixtures.js';

const SETUP: FrontSetup = { timeZone: undefined, reading: { set: new Map(), kind: undefined, epoch: undefined, inputTz: undefined } };

/** Lines 40–45 of a file: three calls, a line that is not JSON, a blank line, an invalid record. */
function batch(): { bytes: Uint8Array; line: number } {
  const rows = [
    JSON.stringify(record('a', T0)),
    '{"callId": "broken"',
    JSON.stringify(record('b', T0 + 1000)),
    '',
    JSON.stringify({ ...record('c', T0 + 2000), dialAt: 'soon' }),
    JSON.stringify(record('d', T0 + 3000)),
  ];
  return { bytes: new TextEncoder().encode(`${rows.join('\n')}\n`), line: 40 };
}

describe('a batch of lines, read', () => {
  it('here, keeps each call with its own line, in order, beside the rows rejected', () => {
    const read = createBatchFront(SETUP, createCallList());
    const { calls, rejects } = read(batch(), 0);
    expect(calls.lines).toEqual([40, 42, 45]);
    expect(calls.calls.map((c) => c.record.callId)).toEqual(['a', 'b', 'd']);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [41, 'json'],
      [44, 'invalid'],
    ]);
    // The next batch starts afresh.
    expect(read({ bytes: new TextEncoder().encode(`${JSON.stringify(record('e', T0))}\n`), line: 46 }, 1).calls).toEqual({ lines: [46], calls: [expect.objectContaining({ category: expect.any(String) })] });
  });

  it('in a worker, gives the same calls as columns', () => {
    const here = createBatchFront(SETUP, createCallList())(batch(), 0);
    const there = createBatchFront(SETUP)(batch(), 0);
    expect([...there.calls.lines]).toEqual(here.calls.lines);
    const decode = callDecoder(there.calls);
    expect(here.calls.calls.map((_, i) => decode(i))).toStrictEqual(here.calls.calls);
    expect(there.rejects).toEqual(here.rejects);
  });
});
