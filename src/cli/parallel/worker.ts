/**
 * A worker thread of `dialguard audit --workers N` (built as `dist/cli-worker.js`): reads
 * and classifies each batch it is sent (`batch-front.ts`) and posts back the result on its
 * replies port (`PoolWorkerData`), its buffers transferred. Anything a batch throws is
 * posted back as the batch's error: the command then stops (exit 2).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferables } from './codec.js';
import { createBatchFront, type BatchJob, type BatchResult, type FrontSetup } from './batch-front.js';
import { toWorkerError, type PoolWorkerData, type WorkerReply } from './pool.js';

const jobs = parentPort;
if (jobs === null) throw new Error('cli-worker runs as a worker thread of dialguard audit');
const { data, replies } = workerData as PoolWorkerData<FrontSetup>;
const front = createBatchFront(data);
jobs.on('message', ({ seq, job }: { seq: number; job: BatchJob }) => {
  let result: BatchResult;
  try {
    result = front(job, seq);
  } catch (e) {
    replies.postMessage({ seq, error: toWorkerError(e) } satisfies WorkerReply<BatchResult>);
    return;
  }
  replies.postMessage({ seq, result } satisfies WorkerReply<BatchResult>, transferables(result.calls));
});
