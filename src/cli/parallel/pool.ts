/**
 * A pool of worker threads that take jobs in order and give their results back in the same
 * order, with a bound on the jobs in flight.
 *
 * `submit` posts a job to the least busy worker and resolves at once while fewer than
 * `maxInFlight` jobs are unfinished, else when one finishes: the reader awaits it, so the
 * input is read no faster than it is audited and memory stays flat. Results are handed to
 * `onResult` strictly in submission order, as soon as each one's turn comes (a result that
 * arrives early waits for those before it). A job whose result is known without a worker
 * (`submitDone`: a batch the submitting thread read itself while the workers were busy)
 * takes its turn like the others.
 *
 * Any failure — a worker that throws, exits, or sends what cannot be read; an `onResult`
 * that throws — fails the pool: every worker is terminated, and `submit`/`drain` reject
 * with the error. `close` terminates the workers; call it in a `finally`, so no worker
 * keeps the process alive.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What a worker posts back for job `seq`: its result, or why it failed. */
export type WorkerReply<R> = { readonly seq: number; readonly result: R } | { readonly seq: number; readonly error: WorkerError };

/** An error a worker's job threw, as it travels: its name and message (the pool throws it again as an `Error` of that name). */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
}

/** `error` as a `WorkerError`: an `Error`'s own name and message, or `Error` and the value as text. */
export function toWorkerError(error: unknown): WorkerError {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** The `Error` a worker's reply stands for, named as the error the job threw. */
function fromWorkerError(error: WorkerError): Error {
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

/**
 * A pool worker's `workerData`: the pool's `workerData` as `data`, and the port it posts
 * its replies on (jobs come on `parentPort`). Replies have a port of their own so the
 * submitting thread can take them while it is busy (`poll`), not only between tasks.
 */
export interface PoolWorkerData<D> {
  readonly data: D;
  readonly replies: MessagePort;
}

/** How to start the pool. */
export interface PoolOptions<R> {
  /** The worker's script. */
  readonly script: URL;
  /** Given to each worker as `workerData`. */
  readonly workerData: unknown;
  readonly size: number;
  readonly maxInFlight: number;
  /** Told of each result, in submission order. Throwing fails the pool. */
  readonly onResult: (result: R) => void;
}

/** A running pool. */
export interface WorkerPool<J, R> {
  /** Posts `job` (with `transfer`, moved not copied); resolves when another job may be submitted. */
  submit(job: J, transfer?: readonly ArrayBuffer[]): Promise<void>;
  /** Takes the next turn with `result`, known without a worker. */
  submitDone(result: R): Promise<void>;
  /** `true` while some worker has fewer than `perWorker` jobs unanswered (a job submitted now would not wait behind others at every worker). */
  hasIdleWorker(perWorker: number): boolean;
  /** Takes every reply the workers have posted so far, now, handing on the results whose turn has come (as between tasks). */
  poll(): void;
  /** Resolves when every result has been handed on. */
  drain(): Promise<void>;
  /** Terminates the workers. */
  close(): Promise<void>;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** A pool of `options.size` workers, started at the first `submit`. */
export function createWorkerPool<J, R>(options: PoolOptions<R>): WorkerPool<J, R> {
  const workers: { worker: Worker; replies: MessagePort; busy: number; onReply: (reply: WorkerReply<R>) => void }[] = [];
  const done = new Map<number, R>();
  let submitted = 0;
  let next = 0; // the seq whose result is handed on next
  let failure: { error: unknown } | null = null;
  let closing = false;
  let room: Waiter | null = null; // the reader, waiting for a job to finish
  let drained: Waiter | null = null;

  const inFlight = (): number => submitted - next;

  const fail = (error: unknown): void => {
    if (failure !== null) return;
    failure = { error };
    room?.reject(error);
    drained?.reject(error);
    room = drained = null;
    void close();
  };

  const deliver = (): void => {
    while (failure === null && done.has(next)) {
      const result = done.get(next)!;
      done.delete(next);
      next += 1;
      try {
        options.onResult(result);
      } catch (e) {
        fail(e);
        return;
      }
    }
    if (room !== null && inFlight() < options.maxInFlight) {
      const r = room;
      room = null;
      r.resolve();
    }
    if (drained !== null && inFlight() === 0) {
      const d = drained;
      drained = null;
      d.resolve();
    }
  };

  /** Starts the workers, at the first job submitted (an input read wholly by the submitting thread starts none). */
  const start = (): void => {
    if (workers.length > 0 || closing) return;
    for (let i = 0; i < options.size; i++) {
      const { port1: replies, port2 } = new MessageChannel();
      const workerData: PoolWorkerData<unknown> = { data: options.workerData, replies: port2 };
      const worker = new Worker(options.script, { workerData, transferList: [port2] });
      const entry = {
        worker,
        replies,
        busy: 0,
        onReply(reply: WorkerReply<R>): void {
          entry.busy -= 1;
          if ('error' in reply) return fail(fromWorkerError(reply.error));
          done.set(reply.seq, reply.result);
          deliver();
        },
      };
      replies.on('message', entry.onReply);
      // Stryker disable all: not reachable in a test: a message that cannot be deserialised; a worker that throws outside a job also exits, and the exit fails the pool (tested)
      replies.on('messageerror', (e) => fail(e));
      worker.on('error', (e) => fail(e));
      worker.on('messageerror', (e) => fail(e));
      // Stryker restore all
      worker.on('exit', (code) => {
        // Stryker disable next-line ConditionalExpression: equivalent: once closing, nothing waits on the pool any more
        if (!closing) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      workers.push(entry);
    }
  };

  const waitForRoom = (): Promise<void> => {
    if (failure !== null) return Promise.reject(failure.error);
    if (inFlight() < options.maxInFlight) return Promise.resolve();
    return new Promise((resolve, reject) => (room = { resolve, reject }));
  };

  async function close(): Promise<void> {
    closing = true;
    for (const w of workers) w.replies.close();
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  return {
    submit(job, transfer = []) {
      if (failure !== null) return Promise.reject(failure.error);
      start();
      let least = workers[0]!;
      for (const w of workers) if (w.busy < least.busy) least = w;
      least.busy += 1;
      least.worker.postMessage({ seq: submitted, job }, transfer);
      submitted += 1;
      return waitForRoom();
    },
    submitDone(result) {
      if (failure !== null) return Promise.reject(failure.error);
      done.set(submitted, result);
      submitted += 1;
      deliver();
      return waitForRoom();
    },
    // Stryker disable next-line MethodExpression: equivalent for one worker; with more, the speed only
    hasIdleWorker: (perWorker) => workers.length === 0 || workers.some((w) => w.busy < perWorker),
    poll() {
      for (const w of workers) {
        // Stryker disable next-line ConditionalExpression: equivalent: after a failure no result is handed on
        for (let m = receiveMessageOnPort(w.replies); m !== undefined && failure === null; m = receiveMessageOnPort(w.replies)) w.onReply(m.message as WorkerReply<R>);
      }
    },
    drain() {
      if (failure !== null) return Promise.reject(failure.error);
      if (inFlight() === 0) return Promise.resolve();
      return new Promise((resolve, reject) => (drained = { resolve, reject }));
    },
    close,
  };
}
