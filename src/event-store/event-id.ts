import { randomFillSync } from 'node:crypto';

/**
 * A time-ordered UUIDv7: new IDs land at the right-hand end of the unique index instead of at
 * random pages, which keeps appends to a large log fast. Laid out as the `uuid` package's v7
 * (RFC 9562, method 1): 48 bits of Unix milliseconds, then a 32-bit counter that starts at random
 * each millisecond and rises within it (so IDs of one process sort in the order drawn), then 42
 * random bits. Written here because the bulk path draws one per event: random hex is drawn 4 KiB
 * at a time, and the ID is five slices, not sixteen bytes formatted one by one (1.3 µs an ID).
 */
export function newEventId(): string {
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.prefix = timePrefix(now);
    clock.seq = parseInt(randomHex(8), 16) >>> 1;
  } else if ((clock.seq = (clock.seq + 1) | 0) === 0) {
    // The counter wrapped within one millisecond: borrow the next one, as `uuid` does.
    clock.prefix = timePrefix(++clock.msecs);
  }
  const { prefix, seq } = clock;
  const variantAndSeq = (0x8000 | ((seq >>> 6) & 0x3fff)).toString(16);
  const lowSeq = (((seq << 2) & 0xfc) | (parseInt(randomHex(1), 16) & 0x3)).toString(16).padStart(2, '0');
  return `${prefix}${hex((seq >>> 20) & 0xfff, 3)}-${variantAndSeq}-${lowSeq}${randomHex(10)}`;
}

const clock = { msecs: -Infinity, seq: 0, prefix: '' };

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/** `tttttttt-tttt-7`: the milliseconds and the version, shared by every ID of that millisecond. */
function timePrefix(msecs: number): string {
  const time = hex(msecs, 12);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
}

let pool = '';
let used = 0;

function randomHex(digits: number): string {
  if (used + digits > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(4096)).toString('hex');
    used = 0;
  }
  return pool.slice(used, (used += digits));
}
