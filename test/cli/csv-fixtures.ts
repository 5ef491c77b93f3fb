/**
 * CSV inputs for the tests of `--workers` on CSV: records over four days whose order
 * matters (repeats within 72 h, number scanning, duplicates), with line breaks and quotes
 * inside quoted cells, and a bad row of every kind among them.
 */
import type { CallRecord } from 'dialguard';
import { orderedRecords, RECORD_COLUMNS, record, recordCells, T0 } from './fixtures.js';

const S = 1000;
const H = 3600 * S;

/** `orderedRecords`, and messages whose sender's name holds line breaks and quotes (quoted CSV cells over several lines). */
function recordsWithMessages(): CallRecord[] {
  const out = orderedRecords();
  for (let i = 0; i < 12; i++) {
    const at = T0 + 30 * H + i * 5 * 60 * S;
    const content = { onBehalfOf: `Acme "Spring"\nHoldings ${i}\nLtd`, explainsAttempt: true, optOutNumber: '08001234567', marketing: false };
    out.push(record(`msg${i}`, at, { agentAt: null, messageAt: at + 8 * S, messageContent: content, hangupAt: at + 30 * S, hangupBy: 'caller', lastEventAt: at + 30 * S }));
  }
  return out.sort((a, b) => a.dialAt - b.dialAt);
}

export interface MessyOptions {
  /** Line ends outside quotes. */
  readonly eol: '\n' | '\r\n';
  /** Add a row with bad quoting after this many rows (the batches from there are read by one parser). */
  readonly badQuoteAfter?: number;
}

/** CSV of `recordsWithMessages` with a BOM, a header, blank lines, and a bad row of every kind among good ones. */
export function messyCsv(options: MessyOptions): Buffer {
  const eol = options.eol;
  const rows = recordsWithMessages().map((r) => recordCells(r).join(','));
  const lines: (string | Buffer)[] = [`\uFEFF${RECORD_COLUMNS.join(',')}`];
  rows.forEach((row, i) => {
    lines.push(row);
    if (i === 3) lines.push('a,b,c'); // wrong number of columns
    if (i === 5 || i === 21) lines.push('');
    if (i === 9) lines.push(Buffer.from(`caf\xe9${','.repeat(RECORD_COLUMNS.length - 1)}`, 'latin1')); // not UTF-8
    if (i === 13) lines.push(row.replace(/^[^,]*/, 'bad-json').replace(/,[^,]*$/, ',[oops')); // anomalies not JSON
    if (i === 17) lines.push(row.replace(/^[^,]*/, 'bad-time').replace(/20\d\d-\d\d-\d\dT[^,]*/, 'yesterday'));
    if (i === 30 || i === 40 || i === 55) lines.push(rows[i - 28]!); // duplicate call ids, several batches later
    if (i === options.badQuoteAfter) lines.push(`x,"y"z${','.repeat(RECORD_COLUMNS.length - 2)}`);
  });
  return Buffer.concat(lines.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from(eol)])));
}

