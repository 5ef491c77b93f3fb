/**
 * The ACR at the alert line (A4.20: an alert, never a safe harbour; a rate exactly at the
 * level does not alert). The A3.6 estimate is computed as one division of whole numbers,
 * so a rate whose exact value is 3 % is the number 0.03 — never 0.030000000000000006, which
 * would raise an alert and print "3.001 %" for a day exactly at the line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abandonedCallRate, audit, formatReport, type CallRecord } from '../../src/index.js';
import { aboveLevel, rateFrom, rateOnly } from '../../src/acr/rate.js';
import { record, T0 } from '../cli/fixtures.js';

const LINE = 0.03;

/** The exact comparison of x / (x + y) with 3 / 100, in whole numbers (BigInt): -1, 0 or 1. */
function exactAgainstLine(y: number, z: number, known: number, unknown: number): number | null {
  const s = BigInt(y + z === 0 ? 1 : y + z);
  const num = y + z === 0 ? BigInt(known + unknown) : BigInt(known) * s + BigInt(unknown) * BigInt(y);
  const den = num + BigInt(y) * s;
  if (den === BigInt(0)) return null;
  const l = BigInt(100) * num;
  const r = BigInt(3) * den;
  return l > r ? 1 : l < r ? -1 : 0;
}

describe('the ACR at the 3 % alert line', () => {
  it('the worked example (A3.8–A3.12) is exactly 1 %: y 392, 8 abandoned, z 400', () => {
    const r = abandonedCallRate({ live: 392, abandoned: 8, machineToAgent: 400 });
    expect(r.rate).toBe(0.01);
    expect(r.x).toBeCloseTo(3.96, 2);
  });

  it('6 abandoned of unknown answerer, y 94, z 100: x = 6 × 94 / 194, the rate exactly 0.03, no alert', () => {
    const r = rateFrom(94, 100, 0, 6);
    expect(r.rate).toBe(0.03);
    expect(rateOnly(94, 100, 0, 6)).toBe(0.03);
    expect(r.x).toBeCloseTo((6 * 94) / 194, 12);
    expect(aboveLevel(r.rate, LINE)).toBe(false);
  });

  it('property: a rate exactly at 3 % never alerts; one more abandoned call alerts (A3.6 estimate and known parts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1 }), fc.nat(), (m, knownShare, pick) => {
        // unknown answerer: x / (x + y) = unknown / (unknown + y + z) = 3m / 100m
        const y = 1 + (pick % (97 * m));
        const z = 97 * m - y;
        const estimated = rateOnly(y, z, 0, 3 * m);
        expect(estimated).toBe(0.03);
        expect(aboveLevel(estimated, LINE)).toBe(false);
        expect(aboveLevel(rateOnly(y, z, 0, 3 * m + 1), LINE)).toBe(true);
        // known to people: 3m / (3m + 97m), whatever z
        const known = rateOnly(97 * m, z * knownShare, 3 * m, 0);
        expect(known).toBe(0.03);
        expect(aboveLevel(known, LINE)).toBe(false);
        expect(aboveLevel(rateOnly(97 * m, z * knownShare, 3 * m + 1, 0), LINE)).toBe(true);
      }),
    );
  });

  it('property: with small whole counts the alert is raised exactly when x / (x + y) > 3 / 100', () => {
    const n = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(n, n, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (y, z, known, unknown) => {
        const exact = exactAgainstLine(y, z, known, unknown);
        const rate = rateOnly(y, z, known, unknown);
        if (exact === null) {
          expect(rate).toBeNull();
          return;
        }
        expect(rate).toBe(rateFrom(y, z, known, unknown).rate);
        expect(aboveLevel(rate, LINE)).toBe(exact > 0);
        if (exact === 0) expect(rate).toBe(0.03);
      }),
    );
  });
});

describe('an audited day whose estimated ACR is exactly 3 %', () => {
  const S = 1000;
  const MESSAGE = { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false };
  /** `live` live calls, `z` AMD false negatives, then `unknown` abandoned calls of unknown answerer. */
  function day(live: number, z: number, unknown: number): CallRecord[] {
    const out: CallRecord[] = [];
    let i = 0;
    const next = (): { id: string; at: number; to: string } => {
      i += 1;
      return { id: `c${i}`, at: T0 + i * 60 * S, to: `0163296${String(1000 + i)}` };
    };
    for (let k = 0; k < live; k++) {
      const { id, at, to } = next();
      out.push(record(id, at, { to }));
    }
    for (let k = 0; k < z; k++) {
      const { id, at, to } = next();
      out.push(record(id, at, { to, amd: true, salutationStartAt: at + 6200, amdResult: 'human', amdAt: at + 6400, agentAt: at + 6500, disposition: 'machine', lastEventAt: at + 120 * S }));
    }
    for (let k = 0; k < unknown; k++) {
      const { id, at, to } = next();
      out.push(record(id, at, { to, agentAt: null, messageAt: at + 7 * S, messageContent: MESSAGE, hangupAt: at + 20 * S, lastEventAt: at + 20 * S }));
    }
    return out;
  }

  it('no acrAlert, the day not above the alert, and the text prints 3.00 % with no ALERT; one more abandoned call alerts', () => {
    const at = audit(day(94, 100, 6)).report;
    const d = at.scopes.find((s) => s.scope === 'campaign')!.days[0]!;
    expect(d.acr).toMatchObject({ y: 94, z: 100, estimated: true, rate: 0.03, alert: false });
    expect(at.flags.find((f) => f.kind === 'acrAlert')!.count).toBe(0);
    const line = formatReport(at).split('\n').find((l) => /^2026-03-02\s+spring\s/.test(l))!;
    expect(line).toContain('3.00 %');
    expect(line).not.toContain('ALERT');
    const above = audit(day(94, 100, 7)).report;
    expect(above.scopes.find((s) => s.scope === 'campaign')!.days[0]!.acr.alert).toBe(true);
    expect(above.flags.find((f) => f.kind === 'acrAlert')!.count).toBeGreaterThan(0);
  });
});
