/**
 * Ofcom's numbers for TV and radio drama: ranges of 1,000 numbers that are never allocated to
 * anyone, so a CLI in them cannot be called back (A1.20, A2.14).
 */
import { scannedHasTrunk, scannedLength, scannedValue, scanUkNumber } from './normalise.js';

/** One drama range (A1.20, A2.14): the 11-digit national numbers `prefix` + `000` to `prefix` + `999`. */
export interface DramaRange {
  /** The first eight digits of every number in the range, national form: `'02079460'`. */
  readonly prefix: string;
  /** What the range is, as Ofcom lists it. */
  readonly description: string;
}

/** Ofcom's drama ranges (A1.20, A2.14: a CLI here is not a number anyone can call back). */
export const DRAMA_RANGES: readonly DramaRange[] = [
  { prefix: '01134960', description: 'Leeds 0113 496 0000–0999' },
  { prefix: '01144960', description: 'Sheffield 0114 496 0000–0999' },
  { prefix: '01154960', description: 'Nottingham 0115 496 0000–0999' },
  { prefix: '01164960', description: 'Leicester 0116 496 0000–0999' },
  { prefix: '01174960', description: 'Bristol 0117 496 0000–0999' },
  { prefix: '01184960', description: 'Reading 0118 496 0000–0999' },
  { prefix: '01214960', description: 'Birmingham 0121 496 0000–0999' },
  { prefix: '01314960', description: 'Edinburgh 0131 496 0000–0999' },
  { prefix: '01414960', description: 'Glasgow 0141 496 0000–0999' },
  { prefix: '01514960', description: 'Liverpool 0151 496 0000–0999' },
  { prefix: '01614960', description: 'Manchester 0161 496 0000–0999' },
  { prefix: '01914980', description: 'Tyneside, Durham and Sunderland 0191 498 0000–0999' },
  { prefix: '02079460', description: 'London 020 7946 0000–0999' },
  { prefix: '02896496', description: 'Northern Ireland 028 9649 6000–6999' },
  { prefix: '02920180', description: 'Cardiff 029 2018 0000–0999' },
  { prefix: '01632960', description: 'No area 01632 960000–960999' },
  { prefix: '07700900', description: 'Mobile 07700 900000–900999' },
  { prefix: '08081570', description: 'Freephone 0808 157 0000–0999' },
  { prefix: '09098790', description: 'Premium rate 0909 879 0000–0999' },
  { prefix: '03069990', description: 'UK-wide 03069 990000–990999' },
];

/** The drama ranges as national significant numbers divided by 1,000 (e.g. 2079460). */
const NSN_THOUSANDS: ReadonlySet<number> = /* @__PURE__ */ (() => new Set(DRAMA_RANGES.map((r) => Number(r.prefix.slice(1)))))();

/** @internal {@link isDramaNumber} for a scanned national significant number (no trunk 0). */
export function isDramaNsn(nsn: number, length: number): boolean {
  return length === 10 && NSN_THOUSANDS.has(Math.floor(nsn / 1000));
}

/**
 * `true` when `national` is in one of Ofcom's drama ranges (A1.20, A2.14). Takes the national
 * form `normaliseUkNumber` gives (`'07700900123'`), or any other form it accepts (E.164 too).
 */
export function isDramaNumber(national: string): boolean {
  const scan = scanUkNumber(national);
  return scan >= 0 && scannedHasTrunk(scan) && isDramaNsn(scannedValue(scan), scannedLength(scan));
}
