import { ESCAPED, jsonStringUtf8 } from '../../domain/shared/json-string-utf8';
import type { Utf8Writer } from './utf8-writer';

const quote = 0x22;
/** Called on the text, not looked up on it, for the reason `json-string-utf8.ts` gives. */
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
 * straight into the writer's chunk (`jsonStringUtf8`): no string is made, where `JSON.stringify`
 * then `Buffer.write` made the JSON (two bytes a character for Arabic names) and copied it again.
 * A text JSON escapes (rare in an event) is written from `JSON.stringify`'s own output.
 */
export function writeJsonString(writer: Utf8Writer, text: string): void {
  const start = writer.written;
  writer.room(text.length * 3 + 2);
  writer.bytes[writer.at] = quote;
  const end = jsonStringUtf8(writer.bytes, writer.at + 1, text);
  if (end === ESCAPED) {
    writer.cut(start);
    writer.write(JSON.stringify(text));
    return;
  }
  writer.bytes[end] = quote;
  writer.at = end + 1;
}
