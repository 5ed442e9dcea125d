import { packLogRows, unpackLogRows, type PackedLogRow } from '../domain/person/packed-log';
import type { RecordedPersonEvent } from '../domain/person/person-events';
import { stateOf, type PersonState } from '../domain/person/person-state';

/** A person as a committed batch left it: its state (the stream's log included), its revision and its idempotency keys. */
export interface CachedPerson {
  state: PersonState;
  /** The stream's events: what packing reads, so a state the batch never read is not folded for it. */
  readonly log: readonly RecordedPersonEvent[];
  /** The revision of the stream's last event, as committed. */
  revision: number;
  keys: readonly string[];
  /**
   * The packed form it was read back from, if it was: packing it again appends only the events
   * after (decisions only append to a state's log).
   */
  packed?: PackedPerson;
}

/**
 * `<log rows as JSON>\n<[revision, keys] as JSON>` in UTF-8: the rows first, so that packing a
 * person again keeps their bytes and appends the new events' rows (a log only grows).
 */
interface PackedPerson {
  bytes: Buffer;
  /** Log events in the rows. */
  events: number;
}

/**
 * A person the cache holds, in one tier at a time, and its place in that tier's recency list.
 * Tiers are lists threaded through the entries rather than maps of their own: moving a person
 * between tiers, or to the newest end, touches no map (at a million persons, a map's delete and
 * set cost microseconds each, and every person named took several).
 */
class Entry {
  // Every field made here: fields added to an object after it is made go to a second object
  // (a property array), and the cache keeps an entry for every person of a load.
  live: CachedPerson | undefined = undefined;
  packed: PackedPerson | undefined = undefined;
  older: Entry | undefined = undefined;
  newer: Entry | undefined = undefined;

  constructor(readonly nationalId: string) {}
}

/** Entries least recently used first: append at the newest end, take from the oldest. */
class RecencyList {
  oldest: Entry | undefined;
  private newest: Entry | undefined;
  size = 0;

  append(entry: Entry): void {
    entry.older = this.newest;
    entry.newer = undefined;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
    this.size++;
  }

  remove(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = undefined;
    this.size--;
  }
}

/**
 * The persons a recorder committed recently, keyed by national ID, so a long synth or import
 * does not read every person it names back from the store in every batch. Two tiers, each least
 * recently used evicted first:
 * - `limit` persons live (their states as decisions use them);
 * - persons evicted from there, or read back from there (packed again once their batch committed),
 *   packed: the log, revision and keys as UTF-8 JSON outside the heap,
 *   at most `packedBytes` bytes. A state of a thousand live objects costs the collector a walk on
 *   every full collection and about 4 KB; packed, it is one buffer of about 1.3 KB, and reading it
 *   back (parse and fold) costs a fraction of reading the stream from the store.
 *
 * Valid only while the recorder is the only writer to those streams; every write still expects
 * the cached revision, so another writer's append fails the batch, and the recorder then drops the
 * cache and decides the batch again from the store.
 */
export class PersonCache {
  private readonly entries = new Map<string, Entry>();
  private live = new RecencyList();
  private packed = new RecencyList();
  private packedTotal = 0;
  hits = 0;
  misses = 0;
  /** Hits answered from the packed tier. */
  unpacked = 0;

  constructor(
    /** `SIJIL_BULK_CACHE`, 200,000 by default; 0 turns the cache off. */
    readonly limit = configuredSize('SIJIL_BULK_CACHE', 200_000),
    /** `SIJIL_BULK_CACHE_BYTES`, 2 GiB by default (a 1,000,000-person country packs to about 1.6 GB); 0 keeps live persons only. */
    readonly packedBytes = configuredSize('SIJIL_BULK_CACHE_BYTES', 2 * 1024 ** 3),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the packed persons take. */
  get packedSize(): number {
    return this.packedTotal;
  }

  get(nationalId: string): CachedPerson | undefined {
    const entry = this.entries.get(nationalId);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (entry.live) {
      this.live.remove(entry);
      this.live.append(entry);
      return entry.live;
    }
    this.unpacked++;
    this.packed.remove(entry);
    this.packed.append(entry);
    return unpack(entry.packed!);
  }

  set(nationalId: string, person: CachedPerson): void {
    if (this.limit <= 0) return;
    let entry = this.entries.get(nationalId);
    if (entry === undefined) {
      entry = new Entry(nationalId);
      this.entries.set(nationalId, entry);
    }
    if (person.packed) this.packAgain(entry, person);
    else this.makeLive(entry, person);
  }

  clear(): void {
    this.entries.clear();
    this.live = new RecencyList();
    this.packed = new RecencyList();
    this.packedTotal = 0;
  }

  /** The newest live person, wherever the entry was; the oldest live beyond the limit are packed. */
  private makeLive(entry: Entry, person: CachedPerson): void {
    this.detach(entry);
    entry.live = person;
    this.live.append(entry);
    while (this.live.size > this.limit) {
      const oldest = this.live.oldest!;
      this.live.remove(oldest);
      const evicted = oldest.live!;
      oldest.live = undefined;
      this.pack(oldest, evicted);
    }
  }

  /**
   * A person read back goes back packed once its batch committed, not live: most are named once in
   * a long while (a marriage, a birth), and kept live each held a state of 3 to 5 KB that the
   * collector had promoted to the old generation until `limit` later persons evicted it, and
   * marked on every full collection meanwhile; packed again, it is garbage once the batch is.
   */
  private packAgain(entry: Entry, person: CachedPerson): void {
    this.detach(entry);
    this.pack(entry, person);
  }

  /** Out of whichever tier holds it. */
  private detach(entry: Entry): void {
    if (entry.live) {
      this.live.remove(entry);
      entry.live = undefined;
    } else if (entry.packed) this.unlinkPacked(entry);
  }

  private pack(entry: Entry, person: CachedPerson): void {
    if (this.packedBytes <= 0) {
      this.entries.delete(entry.nationalId);
      return;
    }
    entry.packed = pack(person);
    this.packed.append(entry);
    this.packedTotal += entry.packed.bytes.length;
    while (this.packedTotal > this.packedBytes) {
      const oldest = this.packed.oldest!;
      this.unlinkPacked(oldest);
      this.entries.delete(oldest.nationalId);
    }
  }

  private unlinkPacked(entry: Entry): void {
    this.packed.remove(entry);
    this.packedTotal -= entry.packed!.bytes.length;
    entry.packed = undefined;
  }
}

const NEWLINE = 0x0a;

function pack({ log, revision, keys, packed }: CachedPerson): PackedPerson {
  // Revision and keys change only with new events: a person only read since is packed as it was.
  if (packed?.events === log.length) return packed;
  const tail = `\n${JSON.stringify([revision, keys])}`;
  if (!packed) {
    return { bytes: ownBuffer(undefined, JSON.stringify(packLogRows(log)) + tail), events: log.length };
  }
  // JSON escapes a newline inside strings: the first raw one ends the rows.
  const rowsEnd = packed.bytes.indexOf(NEWLINE);
  const added = JSON.stringify(packLogRows(log.slice(packed.events)));
  // `[known rows` + `,new rows]` + tail.
  return { bytes: ownBuffer(packed.bytes.subarray(0, rowsEnd - 1), `,${added.slice(1)}${tail}`), events: log.length };
}

/**
 * `prefix` then `text` in a buffer of their own, exactly as long: a small buffer from `Buffer.from`
 * is a slice of Node's shared 8 KB pool, and one slice alive keeps its whole slab (measured: 5.2 KB
 * of memory a packed person of 1.3 KB).
 */
function ownBuffer(prefix: Buffer | undefined, text: string): Buffer {
  const start = prefix?.length ?? 0;
  const bytes = Buffer.allocUnsafeSlow(start + Buffer.byteLength(text));
  prefix?.copy(bytes);
  bytes.write(text, start);
  return bytes;
}

/** The state is folded again from the log, as a read of the stream from the store would fold it. */
function unpack(packed: PackedPerson): CachedPerson {
  const text = packed.bytes.toString();
  const rowsEnd = text.indexOf('\n');
  const [revision, keys] = JSON.parse(text.slice(rowsEnd + 1)) as [number, string[]];
  const rows = JSON.parse(text.slice(0, rowsEnd)) as PackedLogRow[];
  const state = stateOf(unpackLogRows(rows));
  return { state, log: state.log, revision, keys, packed };
}

/** The environment variable's value when it is a number of at least 0, else `fallback`. */
function configuredSize(variable: string, fallback: number): number {
  const configured = Number(process.env[variable]);
  return process.env[variable] !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : fallback;
}
