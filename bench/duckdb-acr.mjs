/**
 * The peer tool's side of `npm run bench:duckdb`: DuckDB reads a JSON Lines file of call
 * records (`read_json`, schema detected) and computes, in one SQL query, the daily ACR per
 * campaign (London calendar days): x live calls (an agent within 2 s of pickup), y answered
 * calls that reached no agent in time, ACR = y / (x + y). Run in a fresh process:
 * `node bench/duckdb-acr.mjs DUCKDB_DIR FILE`; prints one JSON line (rows, totals, the
 * process's peak RSS). DuckDB is installed into DUCKDB_DIR by the benchmark, never by the
 * project: it is not a dependency.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [duckDir, file] = process.argv.slice(2);
const entry = createRequire(join(duckDir, 'package.json')).resolve('@duckdb/node-api');
const { DuckDBInstance } = await import(pathToFileURL(entry).href);
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const quoted = `'${file.replaceAll("'", "''")}'`;
const reader = await connection.runAndReadAll(`
  WITH calls AS (
    SELECT campaignId,
           CAST(timezone('Europe/London', epoch_ms(dialAt::BIGINT)) AS DATE) AS day,
           answerAt IS NOT NULL AND agentAt IS NOT NULL AND agentAt - answerAt <= 2000 AS live,
           answerAt IS NOT NULL AND NOT (agentAt IS NOT NULL AND agentAt - answerAt <= 2000) AS notLive
    FROM read_json(${quoted}, format = 'newline_delimited')
  )
  SELECT day, campaignId,
         count(*) FILTER (WHERE live) AS x,
         count(*) FILTER (WHERE notLive) AS y,
         y / nullif(x + y, 0) AS acr
  FROM calls GROUP BY ALL ORDER BY ALL`);
const rows = reader.getRowObjects();
let x = 0;
let y = 0;
for (const r of rows) {
  x += Number(r.x);
  y += Number(r.y);
}
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ rows: rows.length, x, y, maxRssMb: usage.maxRSS / 1024 })}\n`);
