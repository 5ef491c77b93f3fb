/**
 * Runs the built command (`dist/cli.js`) as the program, with the arguments given, and on
 * exit writes the process's peak RSS to stderr as a last line `@@maxRssMb N`, for
 * `npm run bench:duckdb`: `node bench/run-built-cli.mjs audit FILE --json`.
 */
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
process.on('exit', () => process.stderr.write(`\n@@maxRssMb ${process.resourceUsage().maxRSS / 1024}\n`));
await import(cli);
