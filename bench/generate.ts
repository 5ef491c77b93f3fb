/**
 * Seeded generator of plausible outbound calls for the benchmark: a mix of unanswered,
 * live, abandoned, silent and answer-machine calls over several campaigns, call centres
 * and days, as events (live path) or folded records (batch path).
 */
import { foldEvents, type CallEvent, type CallRecord } from '../src/index.js';

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2026, 9, 20, 8); // a week spanning the October clock change
const CAMPAIGNS = ['energy', 'broadband', 'charity', 'survey'];
const CENTRES = ['leeds', 'glasgow', 'cebu'];

/** The events of call number `i`, dialled at `at`. */
export function callEventsFor(i: number, at: number, random: () => number): CallEvent[] {
  const callId = `c${i}`;
  const amd = random() < 0.5;
  const to = `01632${String(960000 + Math.floor(random() * 1000)).padStart(6, '0')}`;
  const events: CallEvent[] = [
    { type: 'dial', callId, at, campaignId: CAMPAIGNS[i % CAMPAIGNS.length]!, callCentreId: CENTRES[i % CENTRES.length]!, to, cli: '01134961000', agentGuaranteed: false, amd, messagePlanned: true },
    { type: 'ringing', callId, at: at + 800 },
  ];
  const u = random();
  const answerAt = at + 800 + Math.floor(random() * 20_000);
  if (u < 0.45) {
    events.push({ type: 'hangup', callId, at: at + 800 + 15_000 + Math.floor(random() * 30_000), by: random() < 0.9 ? 'caller' : 'network', cause: 'noAnswer' });
    return events;
  }
  events.push({ type: 'answer', callId, at: answerAt });
  const speak = answerAt + 200 + Math.floor(random() * 600);
  if (amd) events.push({ type: 'salutation', callId, at: speak, phase: 'start' });
  const machine = random() < 0.3;
  if (amd) events.push({ type: 'amd', callId, at: speak + 900, result: machine ? (random() < 0.9 ? 'machine' : 'human') : random() < 0.97 ? 'human' : 'machine' });
  const t = (amd ? speak : answerAt) + 1000;
  if (u < 0.85) {
    events.push({ type: 'agent', callId, at: t + 100 });
    events.push({ type: 'hangup', callId, at: t + 60_000 + Math.floor(random() * 120_000), by: random() < 0.5 ? 'caller' : 'recipient' });
    if (machine) events.push({ type: 'disposition', callId, at: t + 200_000, verdict: 'machine' });
  } else if (u < 0.95) {
    events.push({ type: 'message', callId, at: t + Math.floor(random() * 1500), content: { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false } });
    events.push({ type: 'hangup', callId, at: t + 15_000, by: 'caller' });
  } else {
    events.push({ type: 'hangup', callId, at: t + Math.floor(random() * 3000), by: 'caller' });
  }
  return events;
}

/** `n` records, one call every `spacingMs` from the start, seeded. */
export function generateRecords(n: number, seed = 1, spacingMs = 500): CallRecord[] {
  const random = rng(seed);
  const out: CallRecord[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = foldEvents(callEventsFor(i, START + i * spacingMs, random));
  return out;
}

/**
 * `n` calls' events merged into one time-ordered stream, as a dialler would report them
 * with many calls in flight (a call starts every `spacingMs`).
 */
export function generateEventStream(n: number, seed = 2, spacingMs = 50): CallEvent[] {
  const random = rng(seed);
  const all: CallEvent[] = [];
  for (let i = 0; i < n; i++) for (const e of callEventsFor(i, START + i * spacingMs, random)) all.push(e);
  return all.sort((a, b) => a.at - b.at);
}
