/** `jsonStringUtf8`'s answer when the text is not written as it is: JSON escapes one of its characters. */
export const ESCAPED = -1;

/**
 * Called on the text rather than looked up on it: the texts come in more kinds than V8 tells apart
 * at one site (flat, sliced, concatenated, internalized; one or two bytes a character), and
 * `text.charCodeAt` then became a generic call per character (3 µs an event's JSON).
 */
const charCodeAt = String.prototype.charCodeAt;

/**
 * Writes the UTF-8 of `text` as it stands between a JSON string's quotes into `bytes` from `at`,
 * answering the offset after it, or `ESCAPED` at the first character `JSON.stringify` would escape
 * (a control character, a quote, a backslash, a lone surrogate): names, references and IDs have
 * none as a rule, and the caller writes that rare text another way. Needs room for three bytes a
 * UTF-16 unit. Writing bytes straight from the text makes no string: the JSON and its UTF-8 copy
 * were the garbage of every event packed for the log and every row keyed by the import.
 */
export function jsonStringUtf8(bytes: Uint8Array, at: number, text: string): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = charCodeAt.call(text, i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) return ESCAPED;
      bytes[at++] = c;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      const low = i + 1 < length ? charCodeAt.call(text, i + 1) : 0;
      if (c >= 0xdc00 || low < 0xdc00 || low >= 0xe000) return ESCAPED;
      const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      i++;
      bytes[at++] = 0xf0 | (point >> 18);
      bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[at++] = 0x80 | (point & 0x3f);
    }
  }
  return at;
}
