/**
 * The columns a worker thread sends its classified calls in: any valid record, classified,
 * comes back from `encode → decode` deep-equal to what `classify` made, with the same keys
 * in the same order (the JSON report prints them), whatever else is in the batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, definePolicy, ofcom2017, safeParseCallRecord, type AnyFlag, type ClassifiedCall } from 'dialguard/internals';
import { UNKNOWN_FACTS } from '../../src/record.js';
import { CALL_COLUMNS, callDecoder, createCallEncoder, RECORD_COLUMNS, type EncodedCalls } from '../../src/cli/parallel/codec.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2001, 0, 1);
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null });
const later = maybe(fc.integer({ min: 0, max: 90_000 }));
const label = fc.oneof(fc.constantFrom('spring', 'winter', 'leeds', ''), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

/** A row that may or may not be a valid record (the consistency rules are left to the parser). */
const row = fc
  .record({
    callId: fc.string({ minLength: 1, maxLength: 8 }),
    campaignId: label,
    callCentreId: label,
    to: fc.constantFrom('01632960001', '07700900123', '+441134960000', 'x'),
    cli: fc.constantFrom(null, '', '01134961000', '09012345678', '08451234567', 'abc'),
    agentGuaranteed: fc.boolean(),
    amd: fc.boolean(),
    messagePlanned: fc.boolean(),
    zone: fc.constantFrom(undefined, null, 'Europe/Dublin', 'America/New_York'),
    dialAt: fc.integer({ min: FROM, max: FROM + 3650 * DAY }),
    answered: fc.boolean(),
    ringing: later,
    answer: later,
    salutationStart: later,
    salutationEnd: later,
    amdResult: fc.constantFrom(null, 'human', 'machine', 'unknown'),
    amdAfter: later,
    agent: later,
    message: later,
    messageContent: maybe(
      fc.record(
        { onBehalfOf: maybe(fc.string({ maxLength: 5 })), explainsAttempt: fc.boolean(), optOutNumber: maybe(fc.constantFrom('08001234567', '09012345678')), marketing: fc.boolean(), automatedOptOut: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
    recording: later,
    recordingNotice: fc.constantFrom(null, true, false),
    ivmRequested: later,
    ivmInfo: maybe(fc.record({ identity: fc.boolean(), purpose: fc.boolean(), position: fc.boolean(), expectedWait: fc.boolean() }, { requiredKeys: [] })),
    ivmInfoAfter: later,
    hangup: later,
    hangupBy: fc.constantFrom(null, 'caller', 'recipient', 'network'),
    hangupCause: fc.constantFrom(null, 'busy', 'noAnswer', 'failed'),
    disposition: fc.constantFrom(null, 'human', 'machine'),
    anomalies: fc.array(fc.record({ kind: fc.constantFrom('outOfOrder', 'repeated', 'incomplete'), event: fc.constantFrom('answer', 'hangup'), at: fc.integer({ min: FROM + 3651 * DAY, max: FROM + 3652 * DAY }), detail: fc.string({ maxLength: 6 }) }), { maxLength: 2 }),
    outcome: maybe(fc.record({ status: fc.constantFrom('DROP', 'SALE', 'AA'), category: fc.constantFrom('live', 'abandoned', 'answerMachine', 'unconnected', 'silent') })),
    unknown: fc.subarray([...UNKNOWN_FACTS]),
  })
  .map((g) => {
    const at = (offset: number | null): number | null => (offset === null ? null : g.dialAt + offset);
    const answerAt = g.answered ? at(g.answer ?? 0) : null;
    const afterAnswer = (offset: number | null): number | null => (answerAt === null || offset === null ? null : answerAt + offset);
    return {
      callId: g.callId,
      campaignId: g.campaignId,
      callCentreId: g.callCentreId,
      to: g.to,
      cli: g.cli,
      agentGuaranteed: g.agentGuaranteed,
      amd: g.amd,
      messagePlanned: g.messagePlanned,
      zone: g.zone,
      dialAt: g.dialAt,
      ringingAt: at(g.ringing),
      answerAt,
      salutationStartAt: afterAnswer(g.salutationStart),
      salutationEndAt: afterAnswer(g.salutationEnd),
      amdResult: answerAt === null ? null : g.amdResult,
      amdAt: afterAnswer(g.amdAfter),
      agentAt: afterAnswer(g.agent),
      messageAt: afterAnswer(g.message),
      messageContent: g.messageContent,
      recordingAt: at(g.recording),
      recordingNotice: g.recordingNotice,
      ivmAgentRequestedAt: afterAnswer(g.ivmRequested),
      ivmInfo: g.ivmInfo,
      ivmInfoAt: afterAnswer(g.ivmInfoAfter),
      hangupAt: g.hangup === null ? null : (answerAt ?? g.dialAt) + g.hangup,
      hangupBy: g.hangup === null ? null : g.hangupBy,
      hangupCause: g.hangup === null ? null : g.hangupCause,
      disposition: answerAt === null ? null : g.disposition,
      anomalies: g.anomalies,
      outcome: g.outcome === null ? null : { ...g.outcome, ...(g.outcome.category === 'answerMachine' ? { machine: 'disconnectedByAmd' } : {}) },
      unknown: g.unknown,
    };
  });

const POLICIES = [ofcom2017, definePolicy(ofcom2017, { timeZone: 'America/New_York' })];

/** Valid rows, classified, as the workers' front makes them. */
const calls = fc.array(fc.tuple(row, fc.constantFrom(0, 1)), { minLength: 1, maxLength: 12 }).map((rows) =>
  rows.flatMap(([r, p]): ClassifiedCall[] => {
    const parsed = safeParseCallRecord(r);
    return parsed.ok ? [classify(parsed.value, POLICIES[p])] : [];
  }),
);

/** The rare values a batch sends. */
const valuesOf = (encoded: EncodedCalls): readonly unknown[] => (typeof encoded.rare === 'string' ? (JSON.parse(encoded.rare) as unknown[]) : encoded.rare);

/** Indices of the rare values some call of the batch refers to: from its rare columns, its flags' details, and flag lists sent whole. */
function referenced(encoded: EncodedCalls): Set<number> {
  const used = new Set<number>();
  const flagSlot = Object.keys(CALL_COLUMNS).filter((k) => CALL_COLUMNS[k as keyof typeof CALL_COLUMNS] === 'rare' || CALL_COLUMNS[k as keyof typeof CALL_COLUMNS] === 'flags');
  const rareWidth = Object.values(RECORD_COLUMNS).filter((k) => k === 'rare').length + flagSlot.length;
  const flagsAt = Object.values(RECORD_COLUMNS).filter((k) => k === 'rare').length + flagSlot.indexOf('flags');
  encoded.rareRefs.forEach((ref, i) => {
    if (i % rareWidth === flagsAt) {
      if (ref <= -4) used.add(-7 - ref); // a flag list sent whole
    } else if (ref >= 0) used.add(ref);
  });
  for (let f = 3; f < encoded.flagLabels.length; f += 4) if (encoded.flagLabels[f]! >= 0) used.add(encoded.flagLabels[f]!);
  return used;
}

function roundTrip(batch: readonly ClassifiedCall[], encoder = createCallEncoder(), plainFlags = batch.reduce((n, c) => n + c.flags.length, 0)): ClassifiedCall[] {
  batch.forEach((call, i) => encoder.add(i + 1, call));
  const encoded = structuredClone(encoder.finish());
  expect([...encoded.lines]).toEqual(batch.map((_, i) => i + 1));
  // How it travelled: flags made by flag() in the flag table; values JSON keeps, as JSON; every value sent used by a call.
  expect(encoded.flagTimes.length).toBe(plainFlags);
  const values = valuesOf(encoded);
  expect([...referenced(encoded)].sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
  const decode = callDecoder(encoded);
  return batch.map((_, i) => decode(i));
}

describe('the columns of classified calls', () => {
  it('give back every valid classified call deep-equal, keys in the same order', () => {
    let valid = 0;
    fc.assert(
      fc.property(calls, (batch) => {
        valid += batch.length;
        const encoder = createCallEncoder();
        batch.forEach((call, i) => encoder.add(i + 1, call));
        expect(typeof encoder.finish().rare).toBe('string'); // the generator's values are all exact in JSON
        const back = roundTrip(batch);
        expect(back).toStrictEqual(batch);
        expect(JSON.stringify(back)).toBe(JSON.stringify(batch));
      }),
      { numRuns: 300 },
    );
    expect(valid).toBeGreaterThan(300); // the generator makes valid records, not only rejects
  });

  it('start each batch afresh: a batch decodes alike after another batch from the same encoder', () => {
    fc.assert(
      fc.property(calls, calls, (first, second) => {
        const encoder = createCallEncoder();
        roundTrip(first, encoder);
        expect(roundTrip(second, encoder)).toStrictEqual(second);
      }),
      { numRuns: 50 },
    );
  });

  it('cover flags, rules not judged, answer-machine kinds and every rare field', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(calls, (batch) => {
        for (const c of batch) {
          if (c.flags.length > 0) seen.add('flags');
          if ((c.notJudged ?? []).length > 0) seen.add('notJudged');
          if (c.machine !== undefined) seen.add('machine');
          for (const key of ['messageContent', 'ivmInfo', 'outcome'] as const) if (c.record[key] !== null) seen.add(key);
          if (c.record.anomalies.length > 0) seen.add('anomalies');
          if ((c.record.unknown ?? []).length > 0) seen.add('unknown');
        }
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(['anomalies', 'flags', 'ivmInfo', 'machine', 'messageContent', 'notJudged', 'outcome', 'unknown']);
    expect(Object.keys(RECORD_COLUMNS)).toContain('unknown');
  });

  it('give back flags exactly however they are made: another call\'s id, no call id, extra or reordered keys, -0 against 0', () => {
    const variant = fc.constantFrom('own', 'other', 'none', 'extraKey', 'reordered', 'minusZero', 'zero', 'numericCallId', 'textTime');
    const reshape = (f: AnyFlag, how: string): unknown => {
      switch (how) {
        case 'other':
          return { ...f, callId: 'someone-else' };
        case 'none':
          return { ...f, callId: null };
        case 'extraKey':
          return { ...f, note: 'added' };
        case 'reordered':
          return { ref: f.ref, kind: f.kind, callId: f.callId, at: f.at, detail: f.detail };
        case 'minusZero':
          return { ...f, at: -0, detail: { n: -0 } };
        case 'zero':
          return { ...f, at: 0, detail: { n: 0 } };
        case 'numericCallId':
          return { ...f, callId: 42 };
        case 'textTime':
          return { ...f, at: String(f.at) };
        default:
          return f;
      }
    };
    let reshaped = 0;
    fc.assert(
      fc.property(calls, fc.array(variant, { minLength: 1, maxLength: 8 }), (batch, hows) => {
        const changed = batch.map((c, i) => (c.flags.length === 0 ? c : { ...c, flags: c.flags.map((f, j) => reshape(f, hows[(i + j) % hows.length]!)) })) as ClassifiedCall[];
        reshaped += changed.filter((c) => c.flags.length > 0).length;
        // A list goes in the flag table when every flag in it is as flag() makes it (a number or no call id, -0, are still such flags).
        const plain = (f: unknown): boolean => {
          const keys = Object.keys(f as object);
          const g = f as AnyFlag;
          return keys.join() === 'kind,callId,at,ref,detail' && (g.callId === null || typeof g.callId === 'string') && typeof g.at === 'number';
        };
        const inTable = changed.reduce((n, c) => n + (c.flags.every(plain) ? c.flags.length : 0), 0);
        const back = roundTrip(changed, createCallEncoder(), inTable);
        expect(back).toStrictEqual(changed);
        back.forEach((c, i) => {
          expect(JSON.stringify(c)).toBe(JSON.stringify(changed[i]));
          c.flags.forEach((f, j) => {
            expect(Object.keys(f)).toEqual(Object.keys(changed[i]!.flags[j]!));
            expect(Object.is(f.at, changed[i]!.flags[j]!.at)).toBe(true);
          });
        });
      }),
      { numRuns: 200 },
    );
    expect(reshaped).toBeGreaterThan(50);
  });

  it('send a value the same as the previous one of its column once, and keep apart values that only look alike (0 and -0, a key order)', () => {
    const [base] = fc.sample(calls.filter((b) => b.length > 0), { numRuns: 1, seed: 11 })[0]!;
    const content = (extra: Record<string, unknown>) => ({ ...base!, record: { ...base!.record, messageContent: { onBehalfOf: 'Acme', explainsAttempt: true, ...extra } } }) as unknown as ClassifiedCall;
    const reordered = { ...content({}), record: { ...base!.record, messageContent: { explainsAttempt: true, onBehalfOf: 'Acme' } } } as unknown as ClassifiedCall;
    const batch = [content({}), content({}), content({}), reordered, content({ marketing: 0 }), content({ marketing: -0 }), content({ optOutNumber: null })];
    const encoder = createCallEncoder();
    batch.forEach((c, i) => encoder.add(i, c));
    const encoded = encoder.finish();
    const values = typeof encoded.rare === 'string' ? (JSON.parse(encoded.rare) as unknown[]) : encoded.rare; // -0: sent as they are
    expect(values.filter((v) => JSON.stringify(v) === '{"onBehalfOf":"Acme","explainsAttempt":true}')).toHaveLength(1); // three calls, sent once
    const decode = callDecoder(encoded);
    const back = batch.map((_, i) => decode(i));
    expect(back).toStrictEqual(batch);
    expect(Object.is((back[5]!.record.messageContent as unknown as { marketing: number }).marketing, -0)).toBe(true);
    expect(Object.keys(back[3]!.record.messageContent!)).toEqual(['explainsAttempt', 'onBehalfOf']);
  });

  it('send a value the same as one of the last eight of its column once (outcomes in turn, lists of rules not judged), keeping apart a Date and a deeper difference', () => {
    const [base] = fc.sample(calls.filter((b) => b.length > 0), { numRuns: 1, seed: 11 })[0]!;
    const withOutcome = (status: string) =>
      ({ ...base!, record: { ...base!.record, outcome: { status, category: 'unconnected', machine: null } } }) as unknown as ClassifiedCall;
    const refs = ['A2.19'];
    const withNotJudged = (reason: string, when?: unknown) =>
      ({ ...base!, notJudged: [{ rule: 'lateMessage', title: 'Late message', refs: [...refs], reason, ...(when === undefined ? {} : { when }) }] }) as unknown as ClassifiedCall;
    const sentOnce = (batch: readonly ClassifiedCall[], json: string): number => {
      const encoder = createCallEncoder();
      batch.forEach((c, i) => encoder.add(i, c));
      const encoded = encoder.finish();
      expect(batch.map((_, i) => callDecoder(structuredClone(encoded))(i))).toStrictEqual(batch);
      const values = typeof encoded.rare === 'string' ? (JSON.parse(encoded.rare) as unknown[]) : encoded.rare;
      return values.filter((v) => JSON.stringify(v) === json).length;
    };
    const NO_ANSWER = '{"status":"NO ANSWER","category":"unconnected","machine":null}';
    // Eight statuses in turn, three times over: each sent once.
    const eight = ['NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION', 'CANCEL', 'CHANUNAVAIL', 'DONTCALL', 'TORTURE'];
    expect(sentOnce([...eight, ...eight, ...eight].map(withOutcome), NO_ANSWER)).toBe(1);
    // A ninth pushes the first out of the last eight: it is sent again.
    expect(sentOnce([...eight, 'NINTH', ...eight].map(withOutcome), NO_ANSWER)).toBe(2);
    // Lists of rules not judged, each its own objects with its own paragraph list: equal ones sent once.
    const reason = 'the records cannot show message times';
    expect(sentOnce([withNotJudged(reason), withNotJudged('other'), withNotJudged(reason)], JSON.stringify([{ rule: 'lateMessage', title: 'Late message', refs, reason }]))).toBe(1);
    // A value deeper than the comparison goes, or an object of a class, is the same only as itself.
    expect(sentOnce([withNotJudged(reason, { at: { ms: 1 } }), withNotJudged(reason, { at: { ms: 2 } })], 'x')).toBe(0);
    expect(sentOnce([withNotJudged(reason, new Date(1)), withNotJudged(reason, new Date(2))], 'x')).toBe(0);
    // Equal values deeper than that are sent again: the comparison stops at three levels.
    const deep = JSON.stringify([{ rule: 'lateMessage', title: 'Late message', refs, reason, when: { at: { ms: 1 } } }]);
    expect(sentOnce([withNotJudged(reason, { at: { ms: 1 } }), withNotJudged(reason, { at: { ms: 1 } })], deep)).toBe(2);
    // An object is not a list with the same items, nor null an object, either way round.
    expect(sentOnce([withNotJudged(reason, { 0: 'x' }), withNotJudged(reason, ['x'])], 'x')).toBe(0);
    expect(sentOnce([withNotJudged(reason, ['x']), withNotJudged(reason, { 0: 'x' })], 'x')).toBe(0);
    expect(sentOnce([withNotJudged(reason, null), withNotJudged(reason, { at: 1 })], 'x')).toBe(0);
    expect(sentOnce([withNotJudged(reason, { at: 1 }), withNotJudged(reason, null)], 'x')).toBe(0);
  });

  it('grow past their first size: a batch of 3,000 calls with 4,500 flags comes back whole, and the next batch afresh', () => {
    const [seedCall] = fc.sample(calls.filter((b) => b.some((c) => c.flags.length > 0)), { numRuns: 1, seed: 3 })[0]!.filter((c) => c.flags.length > 0);
    const many = Array.from({ length: 3000 }, (_, i): ClassifiedCall => {
      const callId = `big-${i}`;
      const flags = Array.from({ length: i % 2 === 0 ? 1 : 2 }, (_, j) => ({ ...seedCall!.flags[0]!, callId, at: seedCall!.flags[0]!.at + i * 10 + j, detail: { n: i, j } })) as unknown as AnyFlag[];
      return { ...seedCall!, record: { ...seedCall!.record, callId, dialAt: seedCall!.record.dialAt + i }, flags };
    });
    const encoder = createCallEncoder();
    expect(roundTrip(many, encoder)).toStrictEqual(many);
    expect(roundTrip(many.slice(0, 5), encoder)).toStrictEqual(many.slice(0, 5));
  });

  it('send rare values JSON would change (undefined, NaN, -0) as they are', () => {
    const [call] = fc.sample(calls.filter((b) => b.length > 0), { numRuns: 1, seed: 7 })[0]!;
    const odd = { ...call!, flags: [{ kind: 'silentCall', callId: 'x', at: 1, ref: 'A1.3', detail: { gone: undefined, nan: NaN, zero: -0 } }] } as unknown as ClassifiedCall;
    // Each alone makes the batch go as it is: JSON would drop, change or flatten it (a Date would come back a string).
    for (const value of [undefined, NaN, -0, Infinity, new Date(0), [1, NaN]]) {
      const one = { ...call!, flags: [{ kind: 'silentCall', callId: 'x', at: 1, ref: 'A1.3', detail: { value } }] } as unknown as ClassifiedCall;
      const alone = createCallEncoder();
      alone.add(1, one);
      const sent = alone.finish();
      expect(typeof sent.rare).not.toBe('string');
      expect(callDecoder(structuredClone(sent))(0)).toStrictEqual(one);
    }
    const encoder = createCallEncoder();
    encoder.add(1, odd);
    const encoded = encoder.finish();
    expect(typeof encoded.rare).not.toBe('string');
    expect(callDecoder(structuredClone(encoded))(0)).toStrictEqual(odd);
  });
});
