import { hash } from 'node:crypto';

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
    const end = utf8Into(this.bytes, this.length, text, true);
    if (end !== ESCAPED) {
      this.length = end;
      return;
    }
    const escaped = JSON.stringify(text).slice(1, -1);
    this.room(3 * escaped.length);
    this.length = utf8Into(this.bytes, this.length, escaped, false);
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

/** `utf8Into`'s answer when the text is not written as it is: JSON escapes one of its characters. */
const ESCAPED = -1;

/**
 * Writes the text's UTF-8 at `at`; the offset after it. `asIs`: gives `ESCAPED` at a character
 * JSON escapes in a string (a control character, a quote, a backslash, a lone surrogate).
 */
function utf8Into(bytes: Uint8Array, at: number, text: string, asIs: boolean): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (asIs && (code < 0x20 || code === 0x22 || code === 0x5c)) return ESCAPED;
      bytes[at++] = code;
    } else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[at++] = 0x80 | (code & 0x3f);
    } else {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
      } else if (asIs) return ESCAPED;
      else {
        // Not reached (JSON escapes a lone surrogate): U+FFFD, as a string's UTF-8 has it.
        bytes[at++] = 0xef;
        bytes[at++] = 0xbf;
        bytes[at++] = 0xbd;
      }
    }
  }
  return at;
}
