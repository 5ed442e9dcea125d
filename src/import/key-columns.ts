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
