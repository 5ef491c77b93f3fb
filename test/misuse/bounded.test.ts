import { describe, expect, it } from 'vitest';
import { newRecord, ofcom2017, type ClassifiedCall } from '../../src/internals.js';
import { createMisuseState } from '../../src/misuse/state.js';
import { T0 } from '../support/calls.js';
import { DAY, GOOD_CLI, WINDOW } from './helpers.js';

const CALLS = 2_000_000;
const SPACING = 1000; // one call a second: 2 M calls span 23 days
const NUMBERS = 199_998; // each number is called again every ~56 h, inside 72 h; a multiple of 3, so a number's calls are all silent or all live (only silent repeats are misuse, footnote 37)
const PER_WINDOW = WINDOW / SPACING; // calls dialled within any 72 h

describe('memory stays flat on a long stream', () => {
  it(`${CALLS.toLocaleString('en-GB')} calls to rotating numbers: the repeat history never holds more than the calls of the last 72 h`, () => {
    const numbers = Array.from({ length: NUMBERS }, (_, i) => `0113${String(4_960_000 + i).slice(1)}`); // national form, as diallers store it
    const base = newRecord({ callId: '', campaignId: 'spring', callCentreId: 'leeds', to: '', cli: GOOD_CLI, agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 });
    const state = createMisuseState(ofcom2017, { maxLatenessMs: 0 });
    let maxSize = 0;
    let maxDay = 0;
    let repeats = 0;
    for (let i = 0; i < CALLS; i++) {
      const silent = i % 3 === 0; // a third of the calls are silent: every one enters the history
      const call: ClassifiedCall = {
        record: { ...base, callId: `c${i}`, to: numbers[i % NUMBERS]!, dialAt: T0 + i * SPACING },
        category: silent ? 'silent' : 'live',
        answeredBy: 'human',
        flags: [],
      };
      const update = state.next(call);
      if (update.call !== call) repeats += 1;
      if ((i & 0x3fff) === 0) {
        const size = state.size();
        expect(size).toBeLessThanOrEqual(Math.min(i + 1, PER_WINDOW));
        maxSize = Math.max(maxSize, size);
        maxDay = Math.max(maxDay, state.daySize());
      }
    }
    expect(repeats).toBeGreaterThan(CALLS / 4); // every silent call after a number's first (CALLS / 3 − NUMBERS / 3)
    expect(maxSize).toBeGreaterThan(PER_WINDOW / 3 - 10); // the history does fill up to the window's silent calls…
    expect(state.size()).toBeLessThanOrEqual(Math.ceil(PER_WINDOW / 3) + 1); // …and no further
    expect(maxDay).toBeLessThanOrEqual(2 * (DAY / SPACING) + 10); // two days of numbers and CLIs, not the whole stream
  }, 120_000);
});
