import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { CALL_EVENT_TYPES } from '../../src/events.js';
import { parseCallEvent, safeParseCallEvent } from '../../src/validate/index.js';
import { callEvent, eventOfType } from './arbitraries.js';

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

describe('parseCallEvent properties', () => {
  it('the generators cover every event type', () => {
    expect(Object.keys(eventOfType).sort()).toEqual([...CALL_EVENT_TYPES].sort());
  });

  it('every valid event survives JSON.stringify → JSON.parse → parseCallEvent unchanged', () => {
    fc.assert(
      fc.property(callEvent, (event) => {
        expect(parseCallEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
      }),
      { numRuns: 2_000 },
    );
  });

  it('parsing is idempotent and returns a new object', () => {
    fc.assert(
      fc.property(callEvent, (event) => {
        const once = parseCallEvent(event);
        expect(once).not.toBe(event);
        expect(parseCallEvent(once)).toEqual(once);
      }),
    );
  });

  it('unknown extra fields are dropped', () => {
    fc.assert(
      fc.property(callEvent, fc.dictionary(fc.string().map((k) => `x_${k}`), anything), (event, extra) => {
        expect(parseCallEvent({ ...extra, ...event })).toEqual(event);
      }),
    );
  });

  it('safeParseCallEvent never throws on arbitrary values', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = safeParseCallEvent(input);
        if (result.ok) expect(parseCallEvent(result.value)).toEqual(result.value);
        else expect(result.error).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 2_000 },
    );
  });

  it('safeParseCallEvent never throws on arbitrary objects', () => {
    fc.assert(
      fc.property(fc.object({ values: [anything] }), (input) => {
        const result = safeParseCallEvent(input);
        if (!result.ok) expect(result.error).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 2_000 },
    );
  });

  it('one field of a valid event replaced by anything: never throws, and any error names that field and the call', () => {
    const corrupted = callEvent
      .filter((event) => Object.keys(event).length > 1)
      .chain((event) =>
        fc.tuple(
          fc.constant(event),
          fc.constantFrom(...Object.keys(event).filter((key) => key !== 'type')),
          anything,
        ),
      );
    fc.assert(
      fc.property(corrupted, ([event, field, value]) => {
        const result = safeParseCallEvent({ ...event, [field]: value });
        if (result.ok) return;
        expect(result.error.path === field || result.error.path.startsWith(`${field}.`)).toBe(true);
        expect(result.error.callId).toBe(field === 'callId' ? null : event.callId);
        expect(result.error.message).toContain(result.error.path);
      }),
      { numRuns: 2_000 },
    );
  });
});
