/**
 * `printable`: what a person sees of a value from the data. Nothing in its output acts on a
 * terminal; the output reads back to the value exactly, backslashes included (nothing is
 * lost or merged: two values never print alike); a cut keeps within the length and never
 * splits an escape or a surrogate pair. `printableMessage`: the same for a message built
 * from printable values, whose backslashes it leaves alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipPrintable, printable, printableMessage } from '../../src/internals.js';

/** What must never reach a terminal: controls, separators, bidi formatting, lone surrogates. */
const ACTS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What must never be printed unseen either: every invisible format character (Unicode category Cf). */
const INVISIBLE = /\p{Cf}/u;
/** Invisible format characters: soft hyphen, zero-width space / non-joiner / joiner, word joiner, invisible operators, deprecated format controls, tags. */
const FORMAT_CHARS = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\u2061', '\u2064', '\u206a', '\u206f', '\u0600', '\ufff9', '\u{E0001}', '\u{E0041}', '\u{E007F}', '\u{1D173}'];

const readBack = (text: string): string =>
  text.replace(/\\u([0-9a-f]{4})|\\([nrt\\])/g, (_, hex: string | undefined, c: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : ({ n: '\n', r: '\r', t: '\t', '\\': '\\' } as Record<string, string>)[c!]!,
  );

/** Strings rich in what must be escaped. */
const hostile = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('\\', '\\u200b', '\\n', '\\\\', '\u001b[31m', '\u001b]0;title\u0007', '\u009b', '\n', '\r\n', '\t', '\u2028', '\u202e', '\u2066', '\ud800', '\udc00', '\ud83d\ude00', '\u007f', '\u0000', ...FORMAT_CHARS),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

describe('printable', () => {
  it('escapes the examples as documented', () => {
    expect(printable('a\u001b[2Jb\nc\td\r')).toBe('a\\u001b[2Jb\\nc\\td\\r');
    expect(printable('\u202eevil\u2066\u2028\u009b')).toBe('\\u202eevil\\u2066\\u2028\\u009b');
    expect(printable('caf\u00e9 \u65e5\u672c \ud83d\ude00')).toBe('caf\u00e9 \u65e5\u672c \ud83d\ude00'); // text stays text
    expect(printable('\u001b'.repeat(3), 13)).toBe('\\u001b\\u001b\u2026');
    expect(printable('abcdef', 4)).toBe('abc\u2026');
  });

  it('leaves nothing that acts on a terminal, and no invisible format character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(ACTS.exec(printable(s))).toBeNull();
        expect(INVISIBLE.exec(printable(s))).toBeNull();
      }),
    );
  });

  it('writes out invisible format characters (Cf), so look-alike ids print apart; one beyond U+FFFF as its two code units', () => {
    expect(printable('spr\u200bing')).toBe('spr\\u200bing');
    expect(printable('spr\u00ading spr\u200cing spr\u200ding spr\u2060ing \ufeff')).toBe('spr\\u00ading spr\\u200cing spr\\u200ding spr\\u2060ing \\ufeff');
    expect(printable('spring\u{E0041}')).toBe('spring\\udb40\\udc41');
    for (const c of FORMAT_CHARS) {
      expect(printable(`spr${c}ing`)).not.toBe('spring');
      expect(printable(`spr${c}ing`)).not.toMatch(INVISIBLE);
    }
    expect(printable('x\u{E0041}y', 8)).toBe('x\u2026'); // the pair's two escapes are never cut apart
    expect(printable('\u0627\u200c\u0628 \ud83d\udc4d\ud83c\udffd')).toBe('\u0627\\u200c\u0628 \ud83d\udc4d\ud83c\udffd'); // letters and emoji stay; the joiner shows
  });

  it('reads back to the value, backslashes included: distinct values stay distinct', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(readBack(printable(s))).toBe(s);
      }),
    );
  });

  it('writes a backslash as \\\\, so the text of an escape never prints like the character it names', () => {
    const hidden = 'a\u200bb'; // a, ZERO WIDTH SPACE, b
    const literal = 'a\\u200bb'; // a, backslash, u, 2, 0, 0, b, b
    expect(printable(hidden)).toBe('a\\u200bb');
    expect(printable(literal)).toBe('a\\\\u200bb');
    expect(printable('C:\\calls\\new.csv')).toBe('C:\\\\calls\\\\new.csv');
    expect(printable('\\\u001b')).toBe('\\\\\\u001b');
    expect(printable('ab\\\\', 4)).toBe('ab\u2026'); // never half of a \\
    expect(printable('a\\bc', 4)).toBe('a\\\\\u2026');
  });

  it('printableMessage: escapes what acts as printable does, but leaves backslashes, so escapes already written are not written twice', () => {
    const message = `received ${printable('a\u200b\\b')} and ${JSON.stringify('x\u001by')}\n`;
    expect(message).toBe('received a\\u200b\\\\b and "x\\u001by"\n');
    expect(printableMessage(message)).toBe('received a\\u200b\\\\b and "x\\u001by"\\n');
    fc.assert(
      fc.property(hostile, (s) => {
        expect(ACTS.exec(printableMessage(s))).toBeNull();
        expect(INVISIBLE.exec(printableMessage(s))).toBeNull();
        expect(printableMessage(printable(s))).toBe(printable(s));
      }),
    );
  });

  it('cuts to the length on whole escapes and code points, marking the cut with …', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 40 }), (s, n) => {
        const full = printable(s);
        const cut = printable(s, n);
        expect(cut.length).toBeLessThanOrEqual(n);
        expect(clipPrintable(full, n)).toBe(cut);
        if (full.length <= n) {
          expect(cut).toBe(full);
          return;
        }
        expect(cut.endsWith('\u2026')).toBe(true);
        const kept = cut.slice(0, -1);
        expect(full.startsWith(kept)).toBe(true);
        expect(kept.replace(/\\\\/g, '')).not.toMatch(/\\(u[0-9a-f]{0,3})?$/); // no half escape (a whole \\\\ aside)
        expect(kept).not.toMatch(/[\ud800-\udbff]$/); // no half surrogate pair
        expect(readBack(kept)).toBe(s.slice(0, readBack(kept).length)); // a prefix of the value
      }),
    );
  });
});
