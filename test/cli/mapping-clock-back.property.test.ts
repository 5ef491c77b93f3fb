/**
 * Property: a call of under an hour written in zoneless local times around the autumn clock
 * change reads back exactly when its dial is not in the second pass of the repeated hour
 * (its answer and end may be: their earlier instant would fall before the dial); a call
 * dialled in the second pass reads an hour early (the README's rule for the repeated hour)
 * and still in order. No such call is ever rejected. London, and New York (02:00 EDT → 01:00
 * EST in November), in several years.
 */
import fc from 'fast-check';
import { parseCallRecord } from 'dialguard';
import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../src/cli/mapping/compile.js';
import type { MappingFile } from '../../src/cli/mapping/types.js';
import { wallText } from '../support/wall-clock.js';

const HOUR = 3_600_000;
const SECOND = 1000;

const offsetAt = (at: number, zone: string): number => Date.parse(`${wallText(at, zone).replace(' ', 'T')}Z`) - Math.floor(at / SECOND) * SECOND;

/** The instant the clocks go back in `zone` in the autumn of `year` (between August and December), to the second. */
function fallBack(zone: string, year: number): number {
  for (let t = Date.UTC(year, 7, 1); t < Date.UTC(year, 11, 31); t += 6 * HOUR) {
    if (offsetAt(t + 6 * HOUR, zone) >= offsetAt(t, zone)) continue;
    let lo = t / SECOND;
    let hi = (t + 6 * HOUR) / SECOND;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * SECOND, zone) === offsetAt(t, zone)) lo = mid;
      else hi = mid;
    }
    return hi * SECOND;
  }
  throw new Error(`no fall-back in ${zone} ${year}`);
}

const MAPPING: MappingFile = {
  name: 'clock',
  columns: ['id', 'start', 'answer', 'end'],
  header: false,
  fields: { callId: 'id', dialAt: { column: 'start', time: 'local' }, answerAt: { column: 'answer', time: 'local' }, hangupAt: { column: 'end', time: 'local' } },
};
const SET = new Map([['campaignId', 'spring'], ['callCentreId', 'leeds'], ['to', '07700900001'], ['cli', '01134960000'], ['agentGuaranteed', 'false'], ['amd', 'false'], ['messagePlanned', 'false']]);

describe.each(['Europe/London', 'America/New_York'])('a call of under an hour around the fall-back in %s', (zone) => {
  const mapping = compileMapping('clock', MAPPING, { set: SET, inputTz: zone, epoch: undefined, header: false, delimiter: undefined });
  const changes = [2001, 2016, 2026, 2031].map((y) => fallBack(zone, y));

  it('reads back exactly when dialled before the second pass; in order and never rejected otherwise', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.integer({ min: -2 * 3600, max: 2 * 3600 }), // dial, seconds from the change
        fc.option(fc.integer({ min: 0, max: 3599 }), { nil: null }), // answer, seconds after the dial
        fc.integer({ min: 0, max: 3599 }), // end, seconds after the dial (at or after the answer)
        (change, dialS, answerS, endS) => {
          const dial = change + dialS * SECOND;
          const answer = answerS === null ? null : dial + Math.min(answerS, endS) * SECOND;
          const end = dial + Math.max(answerS ?? 0, endS) * SECOND;
          const row = ['c1', wallText(dial, zone), answer === null ? '' : wallText(answer, zone), wallText(end, zone)];
          const { mapping: m } = mapping.start(row);
          const record = parseCallRecord(m.toObject(row)); // throws for a time before the dial, or an end before the answer
          // The second pass of the repeated hour: the wall time an hour earlier was the same.
          const dialInSecondPass = wallText(dial - HOUR, zone) === row[1];
          if (!dialInSecondPass) {
            expect([record.dialAt, record.answerAt, record.hangupAt]).toEqual([dial, answer, end]);
          } else {
            expect(record.dialAt).toBe(dial - HOUR);
            if (record.answerAt !== null) expect(record.answerAt).toBeGreaterThanOrEqual(record.dialAt);
            expect(record.hangupAt!).toBeGreaterThanOrEqual(record.answerAt ?? record.dialAt);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
