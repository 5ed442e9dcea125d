import type { Worker } from 'node:worker_threads';
import { appendAfter, EarlierAppendFailed, type AppendResult, type StreamWrite } from '../event-store.port';
import { canFailHalfway } from './commit-batch';
import type { EventDatabaseOptions } from './event-database';
import { MessageChunks, pack } from './packed-append';
import { startWriterThread } from './start-writer-thread';
import { restore, settledOf, type Piece, type WriterReply, type WriterRequest } from './writer-messages';

interface PendingAppend {
  seq: number;
  writes: StreamWrite[];
  /** An append of this store submitted before this one, that this one must follow. */
  after?: PendingAppend;
  /** Whether it was recorded, once settled. */
  recorded?: boolean;
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
  /** What `submit` returned for it: how a later append names it as `after`. */
  promise: Promise<AppendResult[]> | undefined;
}

const maxInFlight = 2;

/**
 * Events packed before a message goes to the writer thread: a bulk batch of thousands crosses in
 * several, and the thread inserts each while the next is packed (one message was packed, posted,
 * copied and sliced before the thread could insert its first event, with the thread idle). A bulk
 * batch of 2,000 goes in three (21 multi-row INSERTs each): pieces of 256 overlapped as well but
 * cost the threads more CPU in waking and waiting.
 */
const defaultEventsPerMessage = 672;

/**
 * Group commit through the writer thread: appends that arrive during one turn of the event loop
 * go to the thread together, one transaction and one fsync for all of them, each acknowledged
 * only after that commit returned. Up to two batches are in the thread at once, so the next one
 * is already there when a commit ends, even while this thread is busy with requests; appends
 * arriving while both are in flight wait and go together as soon as one answers.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private seq = 0;
  private readonly inFlight: PendingAppend[][] = [];
  private scheduled = false;
  private broken: Error | undefined;
  private drained: (() => void)[] = [];
  /** Started by the first append: a store only read (a rebuild's threads, a read-only command) never pays for a thread. */
  private writer: Worker | undefined;

  constructor(
    private readonly path: string,
    private readonly options: EventDatabaseOptions,
    private readonly onCommitted: () => void,
    /** The instant a batch is recorded at: the wall clock, or a synthetic country's own time. */
    private readonly now: () => Date = () => new Date(),
    private readonly eventsPerMessage = defaultEventsPerMessage,
  ) {}

  /**
   * Queues an append. One `after` an append of this store not answered yet goes to the writer
   * thread without waiting for it, and the thread, which records appends in the order they come,
   * refuses it there if the earlier one failed; after any other promise it waits for that promise.
   */
  submit(writes: StreamWrite[], after?: Promise<unknown>): Promise<AppendResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    if (after === undefined) return this.enqueue(writes);
    // Looked for among the appends not answered yet (a map or a mark on every promise cost
    // every append CPU; this costs only appends with an `after`).
    const earlier = [...this.inFlight.flat(), ...this.queue].find((append) => append.promise === after);
    return earlier ? this.enqueue(writes, earlier) : appendAfter(after, () => this.submit(writes));
  }

  private enqueue(writes: StreamWrite[], after?: PendingAppend): Promise<AppendResult[]> {
    const append: PendingAppend = { seq: this.seq++, writes, after, recorded: undefined, resolve: () => {}, reject: () => {}, promise: undefined };
    append.promise = new Promise<AppendResult[]>((resolve, reject) => {
      append.resolve = (results) => ((append.recorded = true), resolve(results));
      append.reject = (error) => ((append.recorded = false), reject(error));
    });
    this.queue.push(append);
    // Appends of this turn of the event loop join one batch.
    if (this.inFlight.length < maxInFlight && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.send());
    }
    return append.promise;
  }

  /** Resolves once every append submitted so far is settled, then stops the thread. */
  async close(): Promise<void> {
    if (this.inFlight.length > 0 || this.queue.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    if (this.broken) return;
    this.broken = new Error('the event store is closed');
    const writer = this.writer;
    if (writer === undefined) return;
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    writer.postMessage({ kind: 'close' } satisfies WriterRequest);
    writer.ref();
    await exited;
  }

  private thread(): Worker {
    if (this.writer) return this.writer;
    const writer = startWriterThread(this.path, this.options);
    writer.on('message', (reply: WriterReply) => this.settle(reply));
    writer.on('error', (error) => this.fail(error));
    writer.on('exit', () => this.fail(new Error('the event store writer has stopped')));
    // Idle, the thread must not keep the process alive; a batch in flight does (see send).
    writer.unref();
    return (this.writer = writer);
  }

  private send(): void {
    this.scheduled = false;
    if (this.inFlight.length >= maxInFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0);
    this.inFlight.push(batch);
    this.thread().ref();
    const recordedAt = this.now().toISOString();
    let pieces: Piece[] = [];
    let chunks = new MessageChunks();
    let events = 0;
    const post = (commit: boolean) => {
      // The pieces' texts move to the thread rather than being copied.
      this.writer!.postMessage({ kind: 'write', pieces, recordedAt, commit } satisfies WriterRequest, chunks.all());
      pieces = [];
      chunks = new MessageChunks();
      events = 0;
    };
    batch.forEach((pending, append) => {
      const { seq, writes, after: earlier, reject } = pending;
      // The thread has what it needs of both once this append is posted: an append that kept
      // the one before kept every append of a long import, with all their events.
      pending.after = undefined;
      pending.writes = [];
      const savepoint = canFailHalfway(writes);
      // Settled since it was submitted: the thread need not check it.
      const after = earlier?.recorded === undefined ? earlier?.seq : undefined;
      if (earlier?.recorded === false) {
        reject(new EarlierAppendFailed());
        pieces.push({ append, seq, savepoint });
        return;
      }
      for (const part of parts(writes, this.eventsPerMessage)) {
        try {
          // Without an `after` key when there is none: each key is cloned for the thread.
          const packed = pack(part.writes, chunks);
          pieces.push(after === undefined ? { append, seq, savepoint, packed } : { append, seq, after, savepoint, packed });
        } catch (error) {
          // An event that cannot be written as JSON fails its own append, as a refusal would:
          // the thread undoes what its earlier pieces wrote, and its answer for it is moot.
          reject(error);
          pieces.push({ append, seq, savepoint });
          return;
        }
        events += part.events;
        if (events >= this.eventsPerMessage) post(false);
      }
    });
    post(true);
  }

  private settle(reply: WriterReply): void {
    // The thread answers batches in the order it received them.
    const batch = this.inFlight.shift() ?? [];
    if (this.inFlight.length === 0) this.writer!.unref();
    if ('failed' in reply) {
      const error = restore(reply.failed);
      batch.forEach((append) => append.reject(error));
    } else {
      const settled = settledOf(reply);
      settled.forEach((outcome, i) => (outcome instanceof Error ? batch[i].reject(outcome) : batch[i].resolve(outcome)));
      if (settled.some((outcome) => !(outcome instanceof Error))) this.onCommitted();
    }
    this.next();
  }

  private next(): void {
    if (this.queue.length > 0) this.send();
    else if (this.inFlight.length === 0) this.drained.splice(0).forEach((resolve) => resolve());
  }

  private fail(error: Error): void {
    if (this.broken === undefined) this.broken = error;
    const waiting = [...this.inFlight.splice(0).flat(), ...this.queue];
    this.queue = [];
    waiting.forEach((append) => append.reject(error));
    this.drained.splice(0).forEach((resolve) => resolve());
  }
}

/** An append's writes cut into runs of about `events` events, at write boundaries. */
function* parts(writes: StreamWrite[], events: number): Generator<{ writes: StreamWrite[]; events: number }> {
  let start = 0;
  let count = 0;
  for (let i = 0; i < writes.length; i++) {
    count += writes[i]!.events.length;
    if (count >= events) {
      yield { writes: writes.slice(start, i + 1), events: count };
      start = i + 1;
      count = 0;
    }
  }
  if (start < writes.length || writes.length === 0) yield { writes: writes.slice(start), events: count };
}
