// The worker thread of `dialguard audit --workers N` run from source (tests, `tsx src/cli/main.ts`):
// registers tsx in this thread, then loads worker.ts. (Node 20 ignores `--import tsx` in a
// worker's execArgv; the built command uses dist/cli-worker.js and never loads this file.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
