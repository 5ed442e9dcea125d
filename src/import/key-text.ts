import { hash } from 'node:crypto';
import { ESCAPED, jsonStringUtf8 } from '../domain/shared/json-string-utf8';

const utf8 = new TextEncoder();

/**
 * A row key's text, written as UTF-8 into one buffer and hashed from there. Built as a string, the
 * text was a tree of some thirty pieces that the hash flattened into a copy, then converted to
 * UTF-8: the pieces, the copy and the conversion cost more than these loops (key and hash of the
 * bench's rows 2.4 → 1.9 µs a row) and made 1.7 KB of garbage a row. The bytes are the string's
 * UTF-8, so the hash is the same: JSON escapes every lone surrogate, and every other character has
 * one encoding.
 */
export class KeyText {
  private bytes = new Uint8Array(1024);
  private length = 0;
  /** The buffer's first n bytes, by n: the hash takes a view, and a view a row was an object a row. */
  private views: Uint8Array[] = [];

  start(): void {
    this.length = 0;
  }

  /** Bytes as they are (a pair's opening, encoded once). */
  bytesOf(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A text between a JSON string's quotes, as `JSON.stringify` writes it. */
  jsonContent(text: string): void {
    this.room(3 * text.length);
    const end = jsonStringUtf8(this.bytes, this.length, text);
    if (end !== ESCAPED) {
      this.length = end;
      return;
    }
    // Rare in a register: the escapes are ASCII and leave no lone surrogate to encode.
    const escaped = JSON.stringify(text).slice(1, -1);
    this.room(3 * escaped.length);
    this.length += utf8.encodeInto(escaped, this.bytes.subarray(this.length)).written;
  }

  /** `import:` and the first 32 characters of the text's SHA-256 in base64url. */
  key(): string {
    const view = (this.views[this.length] ??= this.bytes.subarray(0, this.length));
    return `import:${hash('sha256', view, 'base64url').slice(0, 32)}`;
  }

  /** Room for `more` bytes after the text (three a UTF-16 unit at most). */
  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(2 * (this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.views = [];
  }
}
