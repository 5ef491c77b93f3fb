/**
 * Opening the input: a file (opened up front, so a missing or unreadable file is a usage
 * error before anything is printed) or stdin (`-`), as an async iterable of chunks, and
 * its format — from `--format`, else the extension, else its first non-blank byte (`{`
 * for JSON Lines, anything else CSV).
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { InputFormat } from './args.js';
import { UsageError } from './exit-codes.js';

/** An opened input. */
export interface OpenedInput {
  /** For messages: the path, or `stdin`. */
  readonly name: string;
  readonly format: InputFormat;
  /** The bytes, chunk by chunk (the first chunk already read when the format was sniffed). */
  readonly chunks: AsyncIterable<Buffer | string>;
  /** Closes the file (no-op for stdin). */
  close(): Promise<void>;
}

const EXTENSIONS: Readonly<Record<string, InputFormat>> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'csv' };
/**
 * Chunk size for files. Each chunk becomes one string; above V8's regular-object size
 * (128 KiB) strings go to the large-object space, which only a full GC frees, and the
 * process then grows by hundreds of MB of dead chunks between full GCs. 64 KiB stays in the
 * young generation and keeps the memory flat.
 */
const CHUNK_BYTES = 64 * 1024;

/** The format of an input whose first chunk is `chunk`. */
function sniff(chunk: Buffer | string | undefined): InputFormat {
  if (chunk === undefined) return 'jsonl';
  const text = typeof chunk === 'string' ? chunk.slice(0, 1024) : chunk.subarray(0, 1024).toString('utf8');
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' ? 'jsonl' : 'csv';
}

/** `head`, then the rest of `iterator`. */
async function* prepend<T>(head: T | undefined, iterator: AsyncIterator<T>): AsyncGenerator<T> {
  if (head !== undefined) yield head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(e);
}

/**
 * Opens `file` (`-`: `stdin`) and settles its format.
 * @throws UsageError when the file cannot be opened or read
 */
export async function openInput(file: string, format: InputFormat | undefined, stdin: AsyncIterable<Buffer | string>): Promise<OpenedInput> {
  let source: AsyncIterable<Buffer | string>;
  let close = async (): Promise<void> => undefined;
  const name = file === '-' ? 'stdin' : file;
  if (file === '-') {
    source = stdin;
  } else {
    let handle;
    try {
      handle = await open(file, 'r');
      const stats = await handle.stat();
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (e) {
      await handle?.close().catch(() => undefined);
      throw new UsageError(`cannot read ${file}: ${describe(e)}`);
    }
    const h = handle;
    source = h.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false });
    close = () => h.close().catch(() => undefined);
  }
  const fromExtension = file === '-' ? undefined : EXTENSIONS[extname(file).toLowerCase()];
  const known = format ?? fromExtension;
  if (known !== undefined) return { name, format: known, chunks: source, close };
  const iterator = source[Symbol.asyncIterator]();
  let first: Buffer | string | undefined;
  try {
    // Skip empty chunks so the sniff sees the first real byte.
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.length > 0) {
        first = next.value;
        break;
      }
    }
  } catch (e) {
    await close();
    throw new UsageError(`cannot read ${name}: ${describe(e)}`);
  }
  return { name, format: sniff(first), chunks: prepend(first, iterator), close };
}
