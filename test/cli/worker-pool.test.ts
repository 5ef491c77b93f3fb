/**
 * The worker pool of `dialguard audit --workers N`: results in submission order, whichever
 * thread made them, and no worker started until a job is submitted to one (an input the
 * main thread reads alone costs no thread).
 */
import { describe, expect, it } from 'vitest';
import { createWorkerPool, type WorkerPool } from '../../src/cli/parallel/pool.js';

/** A worker that doubles each job after `job` ms (later jobs may finish first), and answers a negative job with an error. */
const ECHO = new URL(`data:text/javascript,${encodeURIComponent(`
  import { parentPort, workerData } from 'node:worker_threads';
  parentPort.on('message', ({ seq, job }) => setTimeout(() => workerData.replies.postMessage(job < 0 ? { seq, error: { name: 'RangeError', message: 'job ' + job + ' refused' } } : { seq, result: job * 2 }), Math.max(0, job)));
`)}`);

/**
 * A worker that doubles each job at once and then counts the replies it has posted in the
 * shared `Int32Array` given as the pool's `workerData` (`Atomics.notify`), so a test can
 * wait, without an event-loop turn and without guessing a time, until a reply is in the port.
 */
const COUNTED = new URL(`data:text/javascript,${encodeURIComponent(`
  import { parentPort, workerData } from 'node:worker_threads';
  const posted = new Int32Array(workerData.data);
  parentPort.on('message', ({ seq, job }) => {
    workerData.replies.postMessage({ seq, result: job * 2 });
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  });
`)}`);

/**
 * Runs `use` with a pool of `size` workers of `script` (default `ECHO`, given `workerData`),
 * told the results in `seen` as they are handed on; closes the pool whether `use` fails or
 * not, and gives `seen`.
 */
async function withPool(
  options: { readonly size: number; readonly maxInFlight: number; readonly script?: URL; readonly workerData?: unknown },
  use: (pool: WorkerPool<number, number>, seen: readonly number[]) => Promise<void>,
): Promise<number[]> {
  const seen: number[] = [];
  const pool = createWorkerPool<number, number>({ script: options.script ?? ECHO, workerData: options.workerData ?? null, size: options.size, maxInFlight: options.maxInFlight, onResult: (r) => seen.push(r) });
  try {
    await use(pool, seen);
  } finally {
    await pool.close();
  }
  return seen;
}

describe('the worker pool', () => {
  it('hands results on in submission order, jobs done here and by workers alike', async () => {
    const seen = await withPool({ size: 2, maxInFlight: 8 }, async (pool) => {
      await pool.submit(40); // slow: its result must still come first
      await pool.submitDone(-1);
      await pool.submit(1);
      await pool.submitDone(-2);
      await pool.drain();
    });
    expect(seen).toEqual([80, -1, 2, -2]);
  });

  it('starts no worker before the first job submitted to one: a script that cannot load fails only then', async () => {
    const missing = new URL('./no-such-worker-script.mjs', import.meta.url);
    const seen = await withPool({ size: 2, maxInFlight: 4, script: missing }, async (idle) => {
      expect(idle.hasIdleWorker(2)).toBe(true);
      await idle.submitDone(7);
      await new Promise((resolve) => setTimeout(resolve, 200)); // time for a worker, had one started, to fail
      await idle.drain();
    });
    expect(seen).toEqual([7]);
    await withPool({ size: 1, maxInFlight: 4, script: missing }, async (used) => {
      await used.submit(1);
      await expect(used.drain()).rejects.toThrow();
    });
  });

  it('poll takes the replies posted while this thread was busy, without waiting for a pause', async () => {
    const shared = new SharedArrayBuffer(4);
    const posted = new Int32Array(shared);
    await withPool({ size: 1, maxInFlight: 8, script: COUNTED, workerData: shared }, async (pool, seen) => {
      await pool.submit(0);
      await pool.drain(); // the worker is up
      await pool.submit(1);
      // Blocked here, no pause, so no event is handled, until the worker has posted its second reply (however slow the machine).
      // The worker counts a reply just after posting it, so the first may not be counted yet either: wait for the count to reach 2.
      const until = Date.now() + 30_000;
      for (let count = Atomics.load(posted, 0); count < 2 && Date.now() < until; count = Atomics.load(posted, 0)) Atomics.wait(posted, 0, count, 1_000);
      expect(posted[0]).toBe(2);
      expect(seen).toEqual([0]);
      expect(pool.hasIdleWorker(1)).toBe(false);
      pool.poll();
      expect(seen).toEqual([0, 2]);
      expect(pool.hasIdleWorker(1)).toBe(true);
    });
  });

  it('fails with the error a worker posts back: no result of it or after it is handed on', async () => {
    const seen = await withPool({ size: 1, maxInFlight: 8 }, async (pool) => {
      await pool.submit(1);
      await pool.submit(-5);
      await pool.submit(2);
      await expect(pool.drain()).rejects.toThrow('job -5 refused');
      await expect(pool.submit(3)).rejects.toMatchObject({ name: 'RangeError', message: 'job -5 refused' }); // the error's own name, once
    });
    expect(seen).toEqual([2]);
  });

  it('holds the submitter back at the bound on jobs in flight, until a result is handed on', async () => {
    await withPool({ size: 1, maxInFlight: 2 }, async (pool) => {
      // Jobs of a second, looked at after 50 ms: a busy machine may run the timer late, not 950 ms late.
      await pool.submit(1000);
      let third = false;
      const second = pool.submit(1000).then(() => (third = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(third).toBe(false); // two in flight: the submitter waits
      await second;
      expect(third).toBe(true);
      await pool.drain();
    });
  });

  it('counts a worker busy from its jobs: idle below the bound, not at it', async () => {
    await withPool({ size: 1, maxInFlight: 8 }, async (pool) => {
      await pool.submit(500);
      expect(pool.hasIdleWorker(2)).toBe(true);
      await pool.submit(500);
      expect(pool.hasIdleWorker(2)).toBe(false);
      await pool.drain();
      expect(pool.hasIdleWorker(2)).toBe(true);
    });
  });
});
