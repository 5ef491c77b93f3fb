/**
 * A worker thread of `dialguard audit --workers N` (built as `dist/cli-worker.js`): reads
 * and classifies each batch it is sent (`batch-front.ts`) and posts back the result, its
 * buffers transferred. Anything a batch throws is posted back as the batch's error: the
 * command then stops (exit 2).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferables } from './codec.js';
import { createBatchFront, type BatchJob, type BatchResult, type FrontSetup } from './batch-front.js';
import type { WorkerReply } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('cli-worker runs as a worker thread of dialguard audit');
const front = createBatchFront(workerData as FrontSetup);
port.on('message', ({ seq, job }: { seq: number; job: BatchJob }) => {
  let result: BatchResult;
  try {
    result = front(job, seq);
  } catch (e) {
    port.postMessage({ seq, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies WorkerReply<BatchResult>);
    return;
  }
  port.postMessage({ seq, result } satisfies WorkerReply<BatchResult>, transferables(result.calls));
});
