/**
 * The parts of the Annex 3 rate worked by hand: the A3.6 machine share at its edges, one
 * call's share of x, the sample the alert waits for, and the calendar dates of the window.
 */
import { describe, expect, it } from 'vitest';
import { abandonedCallRate } from '../../src/index.js';
import { addDays, callsInRate, xShareOf, type CallCounts } from '../../src/internals.js';

describe('the A3.6 estimate at its edges', () => {
  it('with no y and no z the machine share is 0: every abandoned call of unknown answerer counts whole', () => {
    expect(abandonedCallRate({ live: 0, abandoned: 2, machineToAgent: 0 })).toMatchObject({ machineShare: 0, x: 2, rate: 1, estimated: true });
  });

  it('with y = z the machine share is one half', () => {
    expect(abandonedCallRate({ live: 1, abandoned: 2, machineToAgent: 1 })).toMatchObject({ machineShare: 0.5, x: 1, rate: 0.5 });
  });

  it('a known part given alone leaves the rest unknown', () => {
    expect(abandonedCallRate({ live: 2, abandoned: 3, abandonedToMachine: 1, machineToAgent: 2 })).toMatchObject({ unknown: 2, x: 1, machineShare: 0.5 });
    expect(abandonedCallRate({ live: 2, abandoned: 3, abandonedToLive: 1, machineToAgent: 2 })).toMatchObject({ unknown: 2, x: 2 });
  });

  it('one call’s share of x: 1 known to a person, 1 − machine share unknown, 0 otherwise', () => {
    expect(xShareOf('abandonedLive', 0.25)).toBe(1);
    expect(xShareOf('abandonedUnknown', 0.25)).toBe(0.75);
    for (const key of ['live', 'machineToAgent', 'silent', 'calls'] as const) expect(xShareOf(key, 0.25)).toBe(0);
  });

  it('the alert’s sample counts live and every abandoned call, unknown answerer included, and nothing else', () => {
    const c: CallCounts = { calls: 99, live: 1, abandonedLive: 2, abandonedUnknown: 4, silent: 8, unconnected: 16, machineDisconnected: 32, machineToAgent: 64, machineAbandoned: 128, undetermined: 256 };
    expect(callsInRate(c)).toBe(7);
  });
});

describe('abandonedCallRate names the count it refuses', () => {
  it('each count by its name, with the code INVALID_ACR_INPUT', () => {
    const ok = { live: 1, abandoned: 1, machineToAgent: 1 };
    for (const name of ['live', 'abandoned', 'machineToAgent', 'abandonedToLive', 'abandonedToMachine'] as const) {
      const bad = () => abandonedCallRate({ ...ok, [name]: -1 });
      expect(bad).toThrow(`${name} should be a whole number of calls, 0 or more; received -1`);
      expect(bad).toThrow(expect.objectContaining({ code: 'INVALID_ACR_INPUT' }));
    }
  });
});

describe('calendar dates of the trailing window', () => {
  it('writes months and days with two digits, October to December included', () => {
    expect(addDays('2026-01-08', 1)).toBe('2026-01-09');
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(addDays('2026-11-10', -1)).toBe('2026-11-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('writes years with four digits, and reads years 0–99 as written (not as 1900–1999)', () => {
    expect(addDays('0500-06-01', 1)).toBe('0500-06-02');
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(addDays('0001-01-03', -1)).toBe('0001-01-02');
  });
});
