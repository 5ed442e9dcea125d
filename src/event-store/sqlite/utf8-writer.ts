/**
 * Texts written one after the other as UTF-8 into one buffer of its own, which grows as needed, to
 * be transferred to another thread whole. Each text is encoded as it comes, so the main thread
 * holds no string of it once written.
 */
export class Utf8Writer {
  private buffer: Buffer;
  private at = 0;

  constructor(expectedBytes: number) {
    // Not from Buffer's shared pool: the ArrayBuffer is transferred, and must hold nothing else.
    this.buffer = Buffer.allocUnsafeSlow(expectedBytes);
  }

  /** Appends `text`, answering its length in bytes. */
  write(text: string): number {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.at + text.length * 3 > this.buffer.length) this.grow(text.length * 3);
    const written = this.buffer.write(text, this.at);
    this.at += written;
    return written;
  }

  /** What was written, at the start of an ArrayBuffer that may be longer. */
  bytes(): ArrayBuffer {
    return this.buffer.buffer as ArrayBuffer;
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.at + needed));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
}
