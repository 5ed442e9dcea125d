import { hash, randomInt, randomUUID } from 'node:crypto';
import { issueNationalId, nationalIdOfDigits } from '../domain/shared/national-id';

/**
 * The identifiers the ledger issues while recording one command. The API draws them at random;
 * a bulk caller that must produce the same log twice (an import resumed after a crash, a
 * synthetic country from a seed) derives them from its own keys instead.
 */
export interface CommandIds {
  /** Groups the command's events across streams (`metadata.commandId`). */
  commandId(): string;
  /** The ID of the command's `index`-th event (its person events in order, then its system events); time-ordered UUIDv7s when absent. */
  eventId?(index: number): string;
  /** The national ID to try at the `attempt`-th draw (0, 1...): a draw already in use is skipped. */
  nationalId(attempt: number): string;
  marriageId(): string;
}

const randomCommandId = (): string => randomUUID();

/** One object for every command: nothing in it is the command's own. */
const random: CommandIds = {
  commandId: randomCommandId,
  nationalId: () => issueNationalId(() => randomInt(10)),
  marriageId: () => randomUUID(),
};

export const randomIds = (): CommandIds => random;

/**
 * For a command with an idempotency key: the national ID draws and the marriage ID follow from
 * the key, so the same command sent again finds the stream its first run opened. A class: one
 * object per command, where an object of closures over the key made four (a spread of
 * `randomIds()` had made six more).
 */
class KeyedIds implements CommandIds {
  constructor(private readonly key: string) {}

  commandId(): string {
    return randomCommandId();
  }

  nationalId(attempt: number): string {
    return seededNationalId(this.key, attempt);
  }

  marriageId(): string {
    return seededUuid(this.key);
  }
}

export const keyedIds = (key: string): CommandIds => new KeyedIds(key);

/**
 * The SHA-256 digest's bytes as the char codes of a 'binary' (Latin-1) string. One-shot `hash` (no Hash
 * object), and a string rather than a Buffer, which cost three times as much (1.3 µs against
 * 0.45): this runs for every national ID a bulk command draws.
 */
const sha256 = (text: string): string => hash('sha256', text, 'binary');

/**
 * A national ID that is a function of `seed` and the attempt: the same row gets the same ID on
 * every run. Its eleven digits are drawn from SHA-256 of the seed, bytes of 250 and up skipped so
 * each digit is uniform, in one loop: a closure handing them to `issueNationalId` one call at a
 * time, and the ID written as a number's text, made a draw 990 ns against 715 (every new person of
 * an import draws one).
 */
export function seededNationalId(seed: string, attempt: number): string {
  const text = `${seed}/${attempt}`;
  let bytes = sha256(text);
  for (let digits = 0, at = 0, round = 0; digits < 11; ) {
    if (at === bytes.length) {
      bytes = sha256(`${text}#${++round}`);
      at = 0;
    }
    const byte = bytes.charCodeAt(at++);
    if (byte < 250) seededDigits[digits++] = byte % 10;
  }
  return nationalIdOfDigits(seededDigits);
}

/** The digits of the ID being drawn: one array for all, as a draw is a single synchronous step. */
const seededDigits = new Uint8Array(11);

/** A UUID-shaped identifier (version 8, RFC 9562's custom layout) that is a function of `seed`. */
export function seededUuid(seed: string): string {
  const hex = hash('sha256', seed, 'hex');
  return formatUuid(hex.slice(0, 12), hex.slice(12, 30));
}

/**
 * Version 8 UUIDs that sort by `counter` under a 48-bit `prefix`: like UUIDv7's timestamp, the
 * shared prefix and rising counter put one import's events side by side in the ID index, so a
 * large import appends to it instead of writing to random pages.
 */
export function sequentialUuid(prefix: string, counter: number): string {
  if (counter >= lowCounters) return formatUuid(prefix.slice(0, 12), counter.toString(16).padStart(18, '0'));
  if (prefix !== lastPrefix) {
    lastHead = formatUuid(prefix.slice(0, 12), '0'.repeat(18)).slice(0, 24);
    lastPrefix = prefix;
  }
  return lastHead + counter.toString(16).padStart(12, '0');
}

/**
 * Below 16^12 a counter's six high hex digits are zeros, so an ID is its prefix's first 24
 * characters (kept for the last prefix: an import names one) and twelve digits: two flat strings
 * joined, not a join of five slices (about 300 ns an ID against 550; an import draws two a row).
 */
const lowCounters = 16 ** 12;
let lastPrefix: string | undefined;
let lastHead = '';

/**
 * Joined, not concatenated: V8 keeps a concatenation of five pieces as a tree of nine strings,
 * and an import keeps every event ID it writes (the person cache, results) for the rest of the
 * run, copied at each young-generation collection. A join is one flat string: 0.9 µs an ID
 * kept, against 2.2 µs (microbenchmark, CPU time, 200,000 kept).
 */
function formatUuid(prefix12: string, rest18: string): string {
  const [p, r] = [prefix12.toLowerCase(), rest18.toLowerCase()];
  return [p.slice(0, 8), p.slice(8, 12), `8${r.slice(0, 3)}`, `8${r.slice(3, 6)}`, r.slice(6, 18)].join('-');
}
