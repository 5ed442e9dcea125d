import { KeyColumns } from './key-columns';
import { setColumn } from './row-record';

/** Where a row's record takes each of its values from: the record's key and the value's index. */
interface Slot {
  column: string;
  index: number;
}

/**
 * A CSV file's header, turning each row's values into its record: blank values left out, values
 * and column names trimmed, the record's keys in the order and with the values an object built
 * column by column would have (a later column of the same name wins, at the first one's place).
 * That object was `csv-parse`'s own record (`columns: true`): it defined each property of each
 * record, and with `info` built two more objects a record, over half the reader thread's CPU; the
 * slots that give the same record are worked out once per row length instead.
 */
export class CsvColumns {
  /** Every column a record may have, for its idempotency key (`rowKey`). */
  readonly keyColumns: KeyColumns;
  /** The header's names, trimmed. */
  readonly names: readonly string[];
  /**
   * Whether a row's record is its non-blank values in the header's order under `names`: no two
   * names alike once trimmed, none an array index (an object lists those first) nor `__proto__`
   * (a record takes it only through setColumn). Such a row is keyed and sent to the importer without its record.
   */
  readonly inOrder: boolean;
  /** For each of the key's columns, the index of its value in a row (a header `inOrder`). */
  private readonly keyIndexes: readonly number[];
  private readonly slotsByLength = new Map<number, Slot[]>();

  constructor(private readonly header: string[]) {
    this.keyColumns = new KeyColumns(this.slotsOf(header.length).map(({ column }) => column));
    this.names = header.map((name) => name.trim());
    this.inOrder = new Set(this.names).size === header.length && !this.names.some((name) => name === '__proto__' || isArrayIndex(name));
    this.keyIndexes = this.keyColumns.names.map((name) => this.names.indexOf(name));
  }

  /**
   * For a header `inOrder`: the row's values trimmed in place, and cut to those the record reads
   * (a long row's past the header are not), and the row's key, as `rowKey` gives it for the record.
   */
  keyOfValues(values: string[]): string {
    if (values.length > this.header.length) values.length = this.header.length;
    for (let at = 0; at < values.length; at++) {
      const value = values[at]!;
      if (value !== '' && !(plain(value.charCodeAt(0)) && plain(value.charCodeAt(value.length - 1)))) values[at] = value.trim();
    }
    return this.keyColumns.keyOfValues(values, this.keyIndexes, values.length);
  }

  recordOf(values: string[]): Record<string, string> {
    const record: Record<string, string> = {};
    for (const { column, index } of this.slotsOf(values.length)) {
      const value = values[index]!.trim();
      if (value !== '') setColumn(record, column, value);
    }
    return record;
  }

  /** The header's name of a value's index (a parse error names the field by its index). */
  nameOf(index: number): string | undefined {
    return this.header[index];
  }

  /** A short row reads the columns it has; a long one, the header's. */
  private slotsOf(length: number): Slot[] {
    const known = this.slotsByLength.get(Math.min(length, this.header.length));
    if (known) return known;
    // Without a prototype: a `__proto__` header is a column too.
    const indexOf: Record<string, number> = Object.create(null);
    this.header.slice(0, length).forEach((name, index) => (indexOf[name] = index));
    const slots = Object.entries(indexOf).map(([name, index]) => ({ column: name.trim(), index }));
    this.slotsByLength.set(Math.min(length, this.header.length), slots);
    return slots;
  }
}

/** A character `trim` keeps at a text's end for certain: printable ASCII or Arabic (`trim` on every value cost about 0.3 µs a row, most being blank or trimmed already). */
const plain = (code: number): boolean => (code > 0x20 && code < 0x7f) || (code >= 0x600 && code <= 0x6ff);

/** A name an object keeps as an array index, before its other keys. */
const isArrayIndex = (name: string): boolean => /^(0|[1-9]\d*)$/.test(name) && Number(name) < 2 ** 32 - 1;
