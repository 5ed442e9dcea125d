import { writeJsonString } from './utf8-text';
import type { Utf8Writer } from './utf8-writer';

/**
 * Writes `value` as JSON in UTF-8, the very bytes of `Buffer.from(JSON.stringify(value))`,
 * answering their length; throws what `JSON.stringify` throws (a cycle, a BigInt). Plain objects,
 * arrays, strings, numbers, booleans and null are walked and encoded straight into the writer's
 * chunk: `JSON.stringify` made a string per event (two bytes a character for Arabic names) that
 * `Buffer.write` then encoded, about 80 MB of garbage an import of 44,000 events. Anything else
 * (a `toJSON`, a prototype of its own, a BigInt, nesting deep enough to be a cycle) leaves the
 * whole value to `JSON.stringify`.
 */
export function writeJson(writer: Utf8Writer, value: unknown): number {
  const start = writer.written;
  try {
    writeValue(writer, value, 0);
  } catch (error) {
    if (error !== notPlain) throw error;
    writer.cut(start);
    const json: string | undefined = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`an event's data and metadata must be JSON, not ${typeof value}`);
    writer.write(json);
  }
  return writer.written - start;
}

/** Thrown up to `writeJson` for a value it leaves to `JSON.stringify`. */
const notPlain = Symbol('not plain JSON');
/** Deeper than any event nests: a cycle, which `JSON.stringify` reports. */
const maxDepth = 64;

function writeValue(writer: Utf8Writer, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
      return writeJsonString(writer, value);
    case 'number':
      return writeNumber(writer, value);
    case 'boolean':
      return writeAscii(writer, value ? 'true' : 'false');
    case 'object':
      if (value === null) return writeAscii(writer, 'null');
      if (depth === maxDepth || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw notPlain;
      return Array.isArray(value) ? writeArray(writer, value, depth + 1) : writeObject(writer, value, depth + 1);
    default:
      // undefined, a function or a symbol (no JSON, or `null` in an array), a BigInt.
      throw notPlain;
  }
}

function writeObject(writer: Utf8Writer, object: object, depth: number): void {
  const prototype = Object.getPrototypeOf(object);
  // A class's instance may have enumerable properties on its prototype, which `for...in` lists.
  if (prototype !== Object.prototype && prototype !== null) throw notPlain;
  writeByte(writer, 0x7b); // {
  let first = true;
  for (const key in object) {
    const value = (object as Record<string, unknown>)[key];
    // What JSON.stringify leaves out of an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (!first) writeByte(writer, 0x2c); // ,
    first = false;
    writeKey(writer, key);
    writeValue(writer, value, depth);
  }
  writeByte(writer, 0x7d); // }
}

/**
 * Each key's `"key":` in UTF-8, copied rather than encoded again: an event's keys are few, come
 * back with every event and make about a third of its JSON. Copied by `set`, which is native: a
 * byte loop cost as much as encoding them again (packing 3.3 µs an event, 2.8 with `set`).
 * Bounded, for data with keys of its own.
 */
const encodedKeys = new Map<string, Buffer>();
const maxEncodedKeys = 4096;

function writeKey(writer: Utf8Writer, key: string): void {
  let encoded = encodedKeys.get(key);
  if (encoded === undefined) {
    if (encodedKeys.size === maxEncodedKeys) {
      writeJsonString(writer, key);
      return writeByte(writer, 0x3a); // :
    }
    encoded = Buffer.from(`${JSON.stringify(key)}:`);
    encodedKeys.set(key, encoded);
  }
  writer.room(encoded.length);
  writer.bytes.set(encoded, writer.at);
  writer.at += encoded.length;
}

function writeArray(writer: Utf8Writer, array: unknown[], depth: number): void {
  writeByte(writer, 0x5b); // [
  for (let i = 0; i < array.length; i++) {
    if (i > 0) writeByte(writer, 0x2c); // ,
    const value = array[i];
    // What JSON.stringify writes as null in an array, holes included.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') writeAscii(writer, 'null');
    else writeValue(writer, value, depth);
  }
  writeByte(writer, 0x5d); // ]
}

function writeNumber(writer: Utf8Writer, number: number): void {
  if (!Number.isSafeInteger(number)) return writeAscii(writer, Number.isFinite(number) ? String(number) : 'null');
  // Digit by digit, without the string: -0 is written 0, as JSON.stringify writes it.
  writer.room(17);
  const bytes = writer.bytes;
  let at = writer.at;
  if (number < 0) {
    bytes[at++] = 0x2d; // -
    number = -number;
  }
  let digits = 1;
  for (let rest = number; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  writer.at = at += digits;
  do {
    bytes[--at] = 0x30 + (number % 10);
    number = Math.floor(number / 10);
  } while (number > 0);
}

function writeAscii(writer: Utf8Writer, text: string): void {
  writer.room(text.length);
  const bytes = writer.bytes;
  let at = writer.at;
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  writer.at = at;
}

function writeByte(writer: Utf8Writer, byte: number): void {
  writer.room(1);
  writer.bytes[writer.at++] = byte;
}
