import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { seededNationalId, seededUuid, sequentialUuid, type CommandIds } from '../bulk/command-ids';
import { KeyText } from './key-text';

/** The text a key hashes: one for the thread, each key written and hashed before the next. */
const keyText = new KeyText();
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const NO_PAIRS = utf8('[]');
/** The last pair's `"]` and the list's `]`. */
const CLOSING = utf8('"]]');

/**
 * The columns records may have, sorted, each with the start of its [column, value] pair in a
 * key's text written once: a CSV file's header serves all its rows.
 */
export class KeyColumns {
  readonly names: readonly string[];
  /**
   * Each pair's opening up to its value's first character, in UTF-8, as the text's first pair
   * (`[["name","`) and after another (`"],["name","`: the pair before closed by it, so a pair is
   * two pieces of text).
   */
  private readonly openers: readonly (readonly Uint8Array[])[];

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)].sort();
    const openers = this.names.map((name) => `[${JSON.stringify(name)},"`);
    this.openers = [openers.map((opener) => utf8(`[${opener}`)), openers.map((opener) => utf8(`"],${opener}`))];
  }

  /** The key of the JSON of the record's [column, value] pairs, sorted by column. */
  keyOf(record: Record<string, string>): string {
    keyText.start();
    let pairs = 0;
    for (let at = 0; at < this.names.length; at++) {
      const value = record[this.names[at]!];
      // A string only: a column named as an inherited property (`toString`) is not the record's.
      if (typeof value === 'string') this.pair(pairs++, at, value);
    }
    return closedKey(pairs);
  }

  /**
   * The same key for a record whose value of `names[at]` is `values[indexes[at]]`, left out when
   * blank or at or past `count`: a CSV row's values read without building its record.
   */
  keyOfValues(values: readonly string[], indexes: readonly number[], count: number): string {
    keyText.start();
    let pairs = 0;
    for (let at = 0; at < this.names.length; at++) {
      const index = indexes[at]!;
      const value = index < count ? values[index]! : '';
      if (value !== '') this.pair(pairs++, at, value);
    }
    return closedKey(pairs);
  }

  private pair(before: number, at: number, value: string): void {
    keyText.bytesOf(this.openers[before === 0 ? 0 : 1]![at]!);
    keyText.jsonContent(value);
  }
}

function closedKey(pairs: number): string {
  keyText.bytesOf(pairs === 0 ? NO_PAIRS : CLOSING);
  return keyText.key();
}

/**
 * A row's idempotency key is a hash of what it says (its kind and values, in any column order),
 * not of where it sits: the same legacy record imported again, from this file or an edited
 * copy, is recognised in the ledger and recorded once. Two rows saying the same are one record.
 */
export function rowKey(record: Record<string, string>, columns = new KeyColumns(Object.keys(record))): string {
  return columns.keyOf(record);
}

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
