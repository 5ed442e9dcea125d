import { createHash, hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { seededNationalId, seededUuid, sequentialUuid, type CommandIds } from '../bulk/command-ids';

/**
 * The columns records may have, sorted, each with the start of its [column, value] pair in a
 * key's text written once: a CSV file's header serves all its rows.
 */
export class KeyColumns {
  readonly names: readonly string[];
  /** Each pair's opening up to its value's first character, as the text's first pair (`[["name","`) and after another (`"],["name","`, the one before closed). */
  private readonly openers: readonly (readonly string[])[];

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)].sort();
    const openers = this.names.map((name) => `[${JSON.stringify(name)},"`);
    this.openers = [openers.map((opener) => `[${opener}`), openers.map((opener) => `"],${opener}`)];
  }

  /** The JSON of the record's [column, value] pairs, sorted by column. */
  canonical(record: Record<string, string>): string {
    let text = '';
    for (let at = 0; at < this.names.length; at++) {
      const value = record[this.names[at]!];
      // A string only: a column named as an inherited property (`toString`) is not the record's.
      if (typeof value === 'string') text = this.withPair(text, at, value);
    }
    return closed(text);
  }

  /**
   * The same JSON for a record whose value of `names[at]` is `values[indexes[at]]`, left out when
   * blank or at or past `count`: a CSV row's values read without building its record.
   */
  canonicalOfValues(values: readonly string[], indexes: readonly number[], count: number): string {
    let text = '';
    for (let at = 0; at < this.names.length; at++) {
      const index = indexes[at]!;
      const value = index < count ? values[index]! : '';
      if (value !== '') text = this.withPair(text, at, value);
    }
    return closed(text);
  }

  /**
   * The text with the [column, value] pair appended but for its closing `"]`, which the next
   * pair's opening writes: two pieces a pair. Each piece is a leaf the hash's flattening walks
   * (the flattening cost about as much as the appending), and a template a pair made a string of
   * its own. A value `JSON.stringify` would escape is written as it writes it, between its quotes.
   */
  private withPair(text: string, at: number, value: string): string {
    text += this.openers[text === '' ? 0 : 1]![at];
    text += plainText.test(value) ? value : JSON.stringify(value).slice(1, -1);
    return text;
  }
}

/** The pairs' text closed: the last pair's `"]` and the list's `]`. */
const closed = (text: string): string => (text === '' ? '[]' : `${text}"]]`);

/** Texts `JSON.stringify` writes as they are, in quotes: no quote, backslash, control character or surrogate (the test costs less than the call). */
const plainText = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * A row's idempotency key is a hash of what it says (its kind and values, in any column order),
 * not of where it sits: the same legacy record imported again, from this file or an edited
 * copy, is recognised in the ledger and recorded once. Two rows saying the same are one record.
 */
export function rowKey(record: Record<string, string>, columns = new KeyColumns(Object.keys(record))): string {
  return keyOfCanonical(columns.canonical(record));
}

/** A key from its record's canonical JSON (one-shot `hash`: a Hash object per row was a quarter of the reader thread's hashing). */
export const keyOfCanonical = (canonical: string): string => `import:${hash('sha256', canonical, 'base64url').slice(0, 32)}`;

/** Event and command IDs per file and row, so a resumed import writes the log an uninterrupted one would. */
const EVENTS_PER_ROW = 16;
const COMMAND_SLOT = 14;
const PROGRESS_SLOT = 15;

/**
 * One object a row, its methods on the prototype: an object of four closures made six per row,
 * kept with the row's command until its batch commits.
 */
class RowIds implements CommandIds {
  constructor(
    private readonly fileSha256: string,
    private readonly row: number,
    private readonly key: string,
  ) {}

  commandId(): string {
    return sequentialUuid(this.fileSha256, this.row * EVENTS_PER_ROW + COMMAND_SLOT);
  }

  eventId(index: number): string {
    if (index >= COMMAND_SLOT) throw new Error(`a row records at most ${COMMAND_SLOT} events`);
    return sequentialUuid(this.fileSha256, this.row * EVENTS_PER_ROW + index);
  }

  /** From the record's key, not its place: the same record gets the same national ID from any file. */
  nationalId(attempt: number): string {
    return seededNationalId(this.key, attempt);
  }

  marriageId(): string {
    return seededUuid(this.key);
  }
}

export const rowIds = (fileSha256: string, row: number, key: string): CommandIds => new RowIds(fileSha256, row, key);

export const progressEventId = (fileSha256: string, rowsDone: number): string =>
  sequentialUuid(fileSha256, rowsDone * EVENTS_PER_ROW + PROGRESS_SLOT);

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
