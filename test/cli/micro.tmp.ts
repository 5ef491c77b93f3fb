import { readFileSync } from 'node:fs';
import { classify, ofcom2017, safeParseCallRecord } from '../../src/internals.js';
import { createCallEncoder, callDecoder } from '../../src/cli/parallel/codec.js';
const lines = readFileSync('/tmp/wk/200k.jsonl', 'utf8').split('\n').slice(0, 100000);
const vals = lines.map((l) => JSON.parse(l));
const calls = vals.map((v) => { const p = safeParseCallRecord(v); if (!p.ok) throw p.error; return classify(p.value, ofcom2017); });
const time = (name: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(name.padEnd(14), (performance.now() - t).toFixed(0)); return r; };
for (let rep = 0; rep < 4; rep++) {
  console.log('--');
  time('JSON.parse', () => lines.map((l) => JSON.parse(l)));
  time('parse+classify', () => vals.map((v) => { const p = safeParseCallRecord(v); return p.ok ? classify(p.value, ofcom2017) : null; }));
  const enc = createCallEncoder();
  const b = time('encode', () => { calls.forEach((c, i) => enc.add(i, c)); return enc.finish(); }) as ReturnType<typeof enc.finish>;
  const s = time('clone', () => structuredClone(b)) as typeof b;
  time('decode', () => { const d = callDecoder(s); const out = []; for (let i = 0; i < s.count; i++) out.push(d(i)); return out; });
  time('clone rare', () => structuredClone(b.rare));
  time('clone texts', () => structuredClone(b.texts));
  time('clone calls', () => structuredClone(calls.slice(0, 100000)));
}
