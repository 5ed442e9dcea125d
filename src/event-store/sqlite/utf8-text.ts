import type { Utf8Writer } from './utf8-writer';

const quote = 0x22;
const backslash = 0x5c;
const hex = '0123456789abcdef';
/** JSON's short escapes (`\b`, `\t`, `\n`, `\f`, `\r`) by character; the other controls are `\u00XX`. */
const shortEscapes: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };
/**
 * Called on the text rather than looked up on it: an event's strings come in more kinds than V8
 * tells apart at one site (flat, sliced, concatenated, internalized; one or two bytes a
 * character), and `text.charCodeAt` then became a generic call per character, 3 µs an event.
 */
const charCodeAt = String.prototype.charCodeAt;

/**
 * Writes `text` as UTF-8, answering its length in bytes. An ID or a type is ASCII as a rule,
 * copied a character a byte; past ASCII, `Buffer.write` encodes the whole text (a lone surrogate
 * becomes U+FFFD there, as a bound string always stored it). `Buffer.write` for every ID cost the
 * packing 0.2 µs an event more: a native call costs what about 30 characters copied here do.
 */
export function writeText(writer: Utf8Writer, text: string): number {
  const length = text.length;
  writer.room(length);
  const bytes = writer.bytes;
  const start = writer.at;
  for (let i = 0; i < length; i++) {
    const c = charCodeAt.call(text, i);
    if (c >= 0x80) {
      writer.at = start;
      return writer.write(text);
    }
    bytes[start + i] = c;
  }
  writer.at = start + length;
  return length;
}

/**
 * Writes `text` as a JSON string in UTF-8, the very bytes of `Buffer.from(JSON.stringify(text))`,
 * character by character straight into the writer's chunk: no string is made, where
 * `JSON.stringify` then `Buffer.write` made the JSON (two bytes a character for Arabic names) and
 * copied it again. Room is made for three bytes a UTF-16 unit, which is enough but for escapes.
 */
export function writeJsonString(writer: Utf8Writer, text: string): void {
  const length = text.length;
  writer.room(length * 3 + 2);
  let bytes = writer.bytes;
  let at = writer.at;
  bytes[at++] = quote;
  for (let i = 0; i < length; i++) {
    const c = charCodeAt.call(text, i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== quote && c !== backslash) {
        bytes[at++] = c;
        continue;
      }
      // An escape takes up to six bytes: room for them and for the rest at three a unit.
      writer.at = at;
      writer.room(6 + (length - i) * 3 + 1);
      bytes = writer.bytes;
      at = writer.at;
      bytes[at++] = backslash;
      const short = c === quote || c === backslash ? c : shortEscapes[c];
      if (short !== undefined) bytes[at++] = short;
      else at = unicodeEscape(bytes, at, c);
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      const low = i + 1 < length ? charCodeAt.call(text, i + 1) : 0;
      if (c < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
      } else {
        // A lone surrogate: JSON.stringify escapes it.
        writer.at = at;
        writer.room(6 + (length - i) * 3 + 1);
        bytes = writer.bytes;
        at = writer.at;
        bytes[at++] = backslash;
        at = unicodeEscape(bytes, at, c);
      }
    }
  }
  bytes[at++] = quote;
  writer.at = at;
}

/** `uXXXX`, lower-case as JSON.stringify writes it, the backslash before it already written. */
function unicodeEscape(bytes: Buffer, at: number, c: number): number {
  bytes[at++] = 0x75;
  bytes[at++] = hex.charCodeAt(c >> 12);
  bytes[at++] = hex.charCodeAt((c >> 8) & 0xf);
  bytes[at++] = hex.charCodeAt((c >> 4) & 0xf);
  bytes[at++] = hex.charCodeAt(c & 0xf);
  return at;
}
