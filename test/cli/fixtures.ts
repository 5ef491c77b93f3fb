/**
 * Fixtures for the CLI tests: call records and events written as JSON Lines and CSV, and
 * an in-memory `CliIo` that captures what a run prints.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CallEvent, CallRecord } from 'dialguard';
import { main, type CliIo, type CliReport } from '../../src/cli/main.js';

/** 10:00 on Monday 2 March 2026, London (GMT). */
export const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const S = 1000;

/** A captured run: stdout and stderr text. */
export interface Captured {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** An io whose stdin yields `stdin` and whose outputs are captured; `tty` makes stderr a terminal. */
export function captureIo(options: { stdin?: string; tty?: boolean; now?: () => number; workersForTests?: CliIo['workersForTests'] } = {}): Captured {
  let out = '';
  let err = '';
  const stdinText = options.stdin ?? '';
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t), isTTY: options.tty ?? false },
    stdin: (async function* () {
      // In small pieces, to exercise lines split across chunks.
      for (let i = 0; i < stdinText.length; i += 97) yield Buffer.from(stdinText.slice(i, i + 97));
    })(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.workersForTests ? { workersForTests: options.workersForTests } : {}),
  };
  return { io, stdout: () => out, stderr: () => err };
}

type Over = Partial<{ -readonly [K in keyof CallRecord]: CallRecord[K] }>;

/** A stored record: a live call by default (answered, agent within 1 s, hung up after a minute). */
export function record(callId: string, at: number, over: Over = {}): CallRecord {
  return {
    callId,
    campaignId: 'spring',
    callCentreId: 'leeds',
    to: '01632960001',
    cli: '01134961000',
    agentGuaranteed: false,
    amd: false,
    messagePlanned: true,
    zone: null,
    dialAt: at,
    ringingAt: at + S,
    answerAt: at + 6 * S,
    salutationStartAt: null,
    salutationEndAt: null,
    amdResult: null,
    amdAt: null,
    agentAt: at + 6500,
    messageAt: null,
    messageContent: null,
    recordingAt: null,
    recordingNotice: null,
    ivmAgentRequestedAt: null,
    ivmInfo: null,
    ivmInfoAt: null,
    hangupAt: at + 66 * S,
    hangupBy: 'recipient',
    hangupCause: null,
    disposition: null,
    lastEventAt: at + 66 * S,
    anomalies: [],
    ...over,
  };
}

/** A varied set of records: live, unanswered, abandoned with a message, silent, AMD, over two campaigns, two centres, two days. */
export function variedRecords(): CallRecord[] {
  const out: CallRecord[] = [];
  for (let i = 0; i < 60; i++) {
    const at = T0 + i * 37 * 60 * S; // every 37 minutes: crosses midnight
    const id = `r${i}`;
    const base = { campaignId: i % 3 === 0 ? 'winter' : 'spring', callCentreId: i % 2 === 0 ? 'leeds' : 'cebu' };
    const kind = i % 6;
    if (kind === 0) out.push(record(id, at, base));
    else if (kind === 1)
      out.push(record(id, at, { ...base, answerAt: null, agentAt: null, hangupAt: at + 20 * S, hangupBy: 'caller', hangupCause: 'noAnswer', lastEventAt: at + 20 * S }));
    else if (kind === 2)
      out.push(
        record(id, at, {
          ...base,
          agentAt: null,
          messageAt: at + 7 * S,
          messageContent: { onBehalfOf: 'Acme, Ltd', explainsAttempt: true, optOutNumber: i % 4 === 0 ? '09012345678' : '08001234567', marketing: false },
          hangupAt: at + 20 * S,
          lastEventAt: at + 20 * S,
        }),
      );
    else if (kind === 3) out.push(record(id, at, { ...base, agentAt: null, hangupAt: at + 9 * S, hangupBy: 'caller', lastEventAt: at + 9 * S, cli: null }));
    else if (kind === 4)
      out.push(
        record(id, at, {
          ...base,
          amd: true,
          salutationStartAt: at + 6200,
          amdResult: 'machine',
          amdAt: at + 7 * S,
          agentAt: null,
          hangupAt: at + 7500,
          hangupBy: 'caller',
          disposition: 'human',
          lastEventAt: at + 30 * S,
          anomalies: [{ kind: 'outOfOrder', event: 'disposition', at: at + 30 * S, detail: 'a "quoted", detail' }],
        }),
      );
    else out.push(record(id, at, { ...base, zone: 'Europe/Dublin', recordingAt: at + 7 * S, recordingNotice: true, ivmAgentRequestedAt: null }));
  }
  return out;
}

/** Clean records: live calls in calling hours with a valid CLI, under every alert level. */
const HOUR = 3600 * S;

/** Rows that exercise the order-dependent rules (repeats within 72 h, number scanning), over four days, in dial order. */
export function orderedRecords(): CallRecord[] {
  const out: CallRecord[] = variedRecords();
  // Abandoned (silent) calls to one number 24 h apart: repeats within 72 h.
  for (let i = 0; i < 4; i++) {
    const at = T0 + i * 24 * HOUR + 3 * HOUR;
    out.push(record(`rep${i}`, at, { to: '01632960777', agentAt: null, hangupAt: at + 9 * S, hangupBy: 'caller', lastEventAt: at + 9 * S }));
  }
  // 25 probes in one campaign day: number scanning.
  for (let i = 0; i < 25; i++) {
    const at = T0 + 26 * HOUR + i * 60 * S;
    out.push(record(`probe${i}`, at, { campaignId: 'scan', to: `0163296${String(1000 + i)}`, answerAt: null, agentAt: null, ringingAt: at + S, hangupAt: at + 2 * S, hangupBy: 'caller', lastEventAt: at + 2 * S }));
  }
  return out.sort((a, b) => a.dialAt - b.dialAt);
}

export function cleanRecords(n = 5): CallRecord[] {
  return Array.from({ length: n }, (_, i) => record(`ok${i}`, T0 + i * 60 * S));
}

/** Every field of a record, as CSV columns: nested objects as dotted columns, anomalies as a JSON cell. */
export const RECORD_COLUMNS = [
  'callId', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'zone',
  'dialAt', 'ringingAt', 'answerAt', 'salutationStartAt', 'salutationEndAt', 'amdResult', 'amdAt', 'agentAt', 'messageAt',
  'messageContent.onBehalfOf', 'messageContent.explainsAttempt', 'messageContent.optOutNumber', 'messageContent.marketing', 'messageContent.automatedOptOut',
  'recordingAt', 'recordingNotice', 'ivmAgentRequestedAt', 'ivmInfo.identity', 'ivmInfo.purpose', 'ivmInfo.position', 'ivmInfo.expectedWait', 'ivmInfoAt',
  'hangupAt', 'hangupBy', 'hangupCause', 'disposition', 'lastEventAt', 'anomalies',
] as const;

const TIMESTAMP = /At$/;

/** One CSV cell: quoted when it holds a delimiter, quote or line break. */
export function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function get(o: unknown, path: string): unknown {
  let v: unknown = o;
  for (const p of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[p];
  return v;
}

/** A record's CSV cells in `columns` order (timestamps as ISO text: the library refuses numeric strings). */
export function recordCells(r: CallRecord, columns: readonly string[] = RECORD_COLUMNS): string[] {
  return columns.map((c) => {
    const v = get(r, c);
    if (c === 'anomalies') return cell((v as unknown[]).length === 0 ? '' : v);
    if (TIMESTAMP.test(c) && typeof v === 'number') return new Date(v).toISOString();
    return cell(v);
  });
}

export const toJsonl = (rows: readonly unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export function recordsCsv(records: readonly CallRecord[], columns: readonly string[] = RECORD_COLUMNS, header: readonly string[] = columns): string {
  return [header.join(','), ...records.map((r) => recordCells(r, columns).join(','))].join('\r\n') + '\r\n';
}

/** One call's events: dial, ringing, answer, then `end`. */
export function callEvents(callId: string, at: number, end: 'live' | 'silent' | 'message', over: Partial<Extract<CallEvent, { type: 'dial' }>> = {}): CallEvent[] {
  const dial: CallEvent = { type: 'dial', callId, at, campaignId: 'spring', callCentreId: 'leeds', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, ...over };
  const events: CallEvent[] = [dial, { type: 'ringing', callId, at: at + S }, { type: 'answer', callId, at: at + 6 * S }];
  if (end === 'live') events.push({ type: 'agent', callId, at: at + 6500 }, { type: 'hangup', callId, at: at + 60 * S, by: 'recipient' });
  else if (end === 'message')
    events.push(
      { type: 'message', callId, at: at + 7 * S, content: { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false } },
      { type: 'hangup', callId, at: at + 20 * S, by: 'caller' },
    );
  else events.push({ type: 'hangup', callId, at: at + 9 * S, by: 'caller' });
  return events;
}

const BIG_CAMPAIGNS = ['energy', 'broadband', 'charity', 'survey'];
const BIG_CENTRES = ['leeds', 'glasgow', 'cebu'];

/**
 * Row `i` of the big file, as a JSON line (with its line break): a mix of unanswered, live,
 * abandoned and silent calls, one every `spacingMs` (default 200 ms), over four campaigns and
 * three call centres, to 10,000 numbers in turn.
 */
export function bigRecordLine(i: number, spacingMs = 200): string {
  const at = T0 + i * spacingMs;
  const kind = i % 10;
  const answerAt = kind < 4 ? null : at + 6000;
  const end = kind < 4 ? at + 20_000 : kind === 9 ? at + 9000 : at + 60_000;
  const agent = kind >= 4 && kind < 8 ? `,"agentAt":${at + 6500}` : '';
  const message =
    kind === 8 ? `,"messageAt":${at + 7000},"messageContent":{"onBehalfOf":"Acme","explainsAttempt":true,"optOutNumber":"08001234567","marketing":false}` : '';
  const by = kind < 4 || kind === 9 ? 'caller' : 'recipient';
  return (
    `{"callId":"c${i}","campaignId":"${BIG_CAMPAIGNS[i % 4]}","callCentreId":"${BIG_CENTRES[i % 3]}","to":"0163296${String(i % 10000).padStart(4, '0')}",` +
    `"cli":"01134961000","agentGuaranteed":false,"amd":false,"messagePlanned":true,"dialAt":${at},"ringingAt":${at + 1000},"answerAt":${answerAt}` +
    `${agent}${message},"hangupAt":${end},"hangupBy":"${by}"}\n`
  );
}

/** Writes rows 0 … n−1 (`bigRecordLine`, one every `spacingMs`) to `path` without holding them; returns the bytes written. */
export function writeBigJsonl(path: string, n: number, spacingMs = 200): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    let buf = '';
    for (let i = 0; i < n; i++) {
      buf += bigRecordLine(i, spacingMs);
      if (buf.length > 1 << 20) {
        bytes += writeSync(fd, buf);
        buf = '';
      }
    }
    bytes += writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** A temporary folder for one test file's inputs, made before its tests and removed after. */
export function useTempFiles(prefix: string): { file(name: string, text: string | Buffer): string; path(name: string): string; dir(): string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    path: (name) => join(dir, name),
    dir: () => dir,
  };
}

/** Runs the command in process on captured streams. */
export async function runCli(argv: readonly string[], options: Parameters<typeof captureIo>[0] = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const c = captureIo(options);
  const code = await main([...argv], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** Runs the command with `--json` and parses its report (throws when none was written). */
export async function runCliJson(argv: readonly string[], options: Parameters<typeof captureIo>[0] = {}): Promise<{ code: number; report: CliReport; stderr: string }> {
  const r = await runCli([...argv, '--json'], options);
  if (r.stdout === '') throw new Error(`no report; exit ${r.code}; stderr: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as CliReport, stderr: r.stderr };
}
