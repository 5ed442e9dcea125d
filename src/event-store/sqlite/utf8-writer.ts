/** Where a run of texts was written: its chunk and its first byte there. */
export interface WrittenRun {
  chunk: ArrayBuffer;
  at: number;
}

/**
 * Texts written one after the other as UTF-8, in runs (an append's texts) each kept whole in one
 * chunk, to be transferred to another thread with the message that carries the appends: the
 * appends of a message share the chunks, as an ArrayBuffer of its own for each append cost a
 * single-event append several µs. Each text is encoded as it comes, so the main thread holds no
 * string of it once written. A chunk never moves once a run is in it; a run that outgrows its
 * chunk is copied to a larger one.
 *
 * Encoders that make no string (`utf8-text.ts`, `utf8-json.ts`) write into `bytes` from `at`
 * themselves, once `room` made room for what they may write.
 */
export class Utf8Writer {
  private readonly chunks: ArrayBuffer[] = [];
  /** The chunk being written. */
  bytes = Buffer.alloc(0);
  /** Its first free byte. */
  at = 0;
  private runAt = 0;

  constructor(private readonly chunkBytes = 64 * 1024) {}

  /** Appends `text` to the run, answering its length in bytes. */
  write(text: string): number {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    this.room(text.length * 3);
    const written = this.bytes.write(text, this.at);
    this.at += written;
    return written;
  }

  /** Makes `bytes[at]` to `bytes[at + count - 1]` writable, in this chunk or in a larger one. */
  room(count: number): void {
    if (this.at + count > this.bytes.length) this.grow(count);
  }

  /** The run's length so far in bytes: unlike `at`, it holds when the run moves to a larger chunk. */
  get written(): number {
    return this.at - this.runAt;
  }

  /** Forgets what the run wrote past its first `written` bytes. */
  cut(written: number): void {
    this.at = this.runAt + written;
  }

  /** The run written since the last one, and a new run begins. */
  run(): WrittenRun {
    const run = { chunk: this.bytes.buffer as ArrayBuffer, at: this.runAt };
    this.runAt = this.at;
    return run;
  }

  /** Every chunk written to, to be transferred. */
  all(): ArrayBuffer[] {
    return this.chunks;
  }

  private grow(needed: number): void {
    const run = this.at - this.runAt;
    // Not from Buffer's shared pool: the ArrayBuffer is transferred, and must hold nothing else.
    const larger = Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, 2 * (run + needed)));
    this.bytes.copy(larger, 0, this.runAt, this.at);
    this.chunks.push(larger.buffer as ArrayBuffer);
    this.bytes = larger;
    this.runAt = 0;
    this.at = run;
  }
}
