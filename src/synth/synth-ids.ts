import { cyrb128 } from './prng';

/**
 * Identifiers for a synthetic country that are functions of the seed and the stream position,
 * so the same seed gives byte-identical logs.
 */

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/**
 * A UUIDv7-shaped event ID: the 48-bit millisecond timestamp of the step's recording instant,
 * then the step's sequence number (60 bits), then the event's index in its command (12 bits).
 * Time-ordered like the API's UUIDv7 (the log's index stays append-only) and unique in a run by
 * construction. `index` 0xfff is the command ID.
 */
export function synthEventId(at: string, seq: number, index: number): string {
  const s = hex(seq, 15);
  return `${timePrefix(at)}-7${s.slice(0, 3)}-8${s.slice(3, 6)}-${s.slice(6, 15)}${hex(index & 0xfff, 3)}`;
}

/** The instant's 48 bits as the ID's first two groups: kept for the last instant, which a whole day of steps shares. */
let lastInstant = '';
let lastPrefix = '';
function timePrefix(at: string): string {
  if (at !== lastInstant) {
    const ms = hex(Date.parse(at), 12);
    lastPrefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}`;
    lastInstant = at;
  }
  return lastPrefix;
}

export const synthCommandId = (at: string, seq: number): string => synthEventId(at, seq, 0xfff);

/** A UUID (version 8, RFC 9562's custom layout) for the n-th marriage of the seed's country. */
export function synthMarriageId(seed: string, n: number): string {
  const [a, b] = cyrb128(`marriage/${seed}`);
  const prefix = hex(a!, 8) + hex(b! >>> 16, 4);
  const c = hex(n, 15);
  return `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-8${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 15)}000`;
}
