import { keyed, type KeyedRow } from './keyed-row';
import { csvRows, readRows, type ImportFormat } from './read-rows';
import { setColumn } from './row-record';

/**
 * Rows as they cross from the reader thread to the importer: the values in one list, the keys end
 * to end in one string, and the numbers (row, line, bytes, each value's column and index in the
 * list) in a transferred buffer. A structured clone of the rows themselves wrote and rebuilt every
 * record's column names and objects, about 5 µs a row over the two threads. The values cross as
 * strings of their own: values cut from one text (the message's or each row's) kept that text
 * alive for as long as the person cache kept them, 11% more heap after the bench's import.
 */
export interface PackedRows {
  /** Each distinct value of the message once: the records share a value they repeat (names, places, dates), in the person cache too. */
  values: string[];
  /** The rows' keys, ASCII, apart from the values: the keys the import remembers do not keep the values' text. */
  keys: string;
  /** Per row: row, line, bytes, reason (index in `reasons`, or -1), end of its key, count of values, then each value's column (index in `columns`) and index in `values`. */
  numbers: Float64Array<ArrayBuffer>;
  columns: string[];
  reasons: string[];
}

/** The row's numbers before its values'. */
const ROW_FIELDS = 6;
/**
 * The longest value looked up among the message's values. Longer ones are mostly a row's own (a
 * Latin name with its number, a register's page, a contract): looked up, they missed, and a miss
 * (hashing the value, then adding it) cost more than a hit. A long value repeated from the row
 * before in its column is still sent once.
 */
const SHARED_LENGTH = 12;
/** Room for a message of rows of some twenty values, grown as needed. */
const NUMBERS_AT_FIRST = 500 * (ROW_FIELDS + 2 * 20);

/** Rows packed one by one in file order, taken a message at a time. */
export class RowPacker {
  private values: string[] = [];
  private valueIndex = new Map<string, number>();
  /** Per column, the index of its last value: a column repeats its value from row to row (a family's name, a place) more cheaply compared than looked up. */
  private lastOfColumn: number[] = [];
  private keys = '';
  private numbers = new Float64Array(NUMBERS_AT_FIRST);
  private used = 0;
  private columns: string[] = [];
  private columnIndex = new Map<string, number>();
  private reasons: string[] = [];
  private rows = 0;
  /** The last header given and its names' columns, for the rows after it. */
  private header: readonly string[] = [];
  private headerColumns: number[] = [];

  get count(): number {
    return this.rows;
  }

  /** A row with its record: its values in the record's own key order, so the importer builds the same object. */
  add({ row, line, bytes, record, unreadable, key }: KeyedRow): void {
    const names = Object.keys(record);
    this.start(row, line, bytes, unreadable === undefined ? -1 : this.reasons.push(unreadable) - 1, key, names.length);
    for (const name of names) this.value(this.columnOf(name), record[name]!);
  }

  /** A row whose record is its non-blank values under the header's names, in order (`CsvColumns.inOrder`). */
  addValues(row: number, line: number, bytes: number, key: string, header: readonly string[], values: readonly string[]): void {
    if (header !== this.header) {
      this.header = header;
      this.headerColumns = header.map((name) => this.columnOf(name));
    }
    let present = 0;
    for (const value of values) if (value !== '') present++;
    this.start(row, line, bytes, -1, key, present);
    for (let at = 0; at < values.length; at++) if (values[at] !== '') this.value(this.headerColumns[at]!, values[at]!);
  }

  take(): PackedRows {
    const packed = { values: this.values, keys: this.keys, numbers: this.numbers.slice(0, this.used), columns: this.columns, reasons: this.reasons };
    this.values = [];
    this.valueIndex = new Map();
    this.lastOfColumn = [];
    this.keys = '';
    this.used = 0;
    this.columns = [];
    this.columnIndex = new Map();
    this.reasons = [];
    this.rows = 0;
    this.header = [];
    return packed;
  }

  private start(row: number, line: number, bytes: number, reason: number, key: string, values: number): void {
    this.rows++;
    this.keys += key;
    const numbers = this.room(ROW_FIELDS);
    numbers[this.used++] = row;
    numbers[this.used++] = line;
    numbers[this.used++] = bytes;
    numbers[this.used++] = reason;
    numbers[this.used++] = this.keys.length;
    numbers[this.used++] = values;
  }

  private value(column: number, value: string): void {
    const last = this.lastOfColumn[column];
    const index = last !== undefined && this.values[last] === value ? last : value.length > SHARED_LENGTH ? this.values.push(value) - 1 : this.indexOf(value);
    this.lastOfColumn[column] = index;
    const numbers = this.room(2);
    numbers[this.used++] = column;
    numbers[this.used++] = index;
  }

  private indexOf(value: string): number {
    let index = this.valueIndex.get(value);
    if (index === undefined) this.valueIndex.set(value, (index = this.values.push(value) - 1));
    return index;
  }

  /** The numbers, with room for `more`. */
  private room(more: number): Float64Array {
    if (this.used + more > this.numbers.length) {
      const grown = new Float64Array(2 * (this.used + more));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    return this.numbers;
  }

  private columnOf(name: string): number {
    let column = this.columnIndex.get(name);
    if (column === undefined) this.columnIndex.set(name, (column = this.columns.push(name) - 1));
    return column;
  }
}

/**
 * A row of a message, read from it when asked. Its record is made afresh at each ask, not kept:
 * `prepare` reads it once for the command, and after that only a reject (or a row before the
 * resume point) does. A batch keeps its rows until its commit, about two batches, so a record kept
 * with each was promoted with it (a third of the import's bytes that survived a scavenge).
 */
class PackedRow implements KeyedRow {
  constructor(
    private readonly message: PackedRows,
    /** Where the row's numbers start in the message's. */
    private readonly at: number,
    readonly key: string,
  ) {}

  get row(): number {
    return this.message.numbers[this.at]!;
  }

  get line(): number {
    return this.message.numbers[this.at + 1]!;
  }

  get bytes(): number {
    return this.message.numbers[this.at + 2]!;
  }

  get unreadable(): string | undefined {
    const reason = this.message.numbers[this.at + 3]!;
    return reason === -1 ? undefined : this.message.reasons[reason];
  }

  get record(): Record<string, string> {
    const { numbers, columns, values } = this.message;
    const record: Record<string, string> = {};
    const end = this.at + ROW_FIELDS + 2 * numbers[this.at + 5]!;
    for (let at = this.at + ROW_FIELDS; at < end; at += 2) setColumn(record, columns[numbers[at]!]!, values[numbers[at + 1]!]!);
    return record;
  }
}

/** The rows packed, as `KeyedRow`s. */
export function unpackRows(message: PackedRows): KeyedRow[] {
  const { keys, numbers } = message;
  const rows: KeyedRow[] = [];
  let keyStart = 0;
  for (let at = 0; at < numbers.length; at += ROW_FIELDS + 2 * numbers[at + 5]!) {
    const keyEnd = numbers[at + 4]!;
    rows.push(new PackedRow(message, at, keys.slice(keyStart, keyEnd)));
    keyStart = keyEnd;
  }
  return rows;
}

/** The file's rows keyed into the packer, a step per run; a CSV row whose record is its values in order goes in without its record. */
export async function* packedRuns(path: string, format: ImportFormat, packer: RowPacker): AsyncIterable<void> {
  if (format === 'ndjson') {
    for await (const run of readRows(path, format)) {
      for (const row of keyed(run)) packer.add(row);
      yield;
    }
    return;
  }
  yield* csvRows(path, (columns, values, line, row, bytes) => {
    if (columns.inOrder) packer.addValues(row, line, bytes, columns.keyOfValues(values), columns.names, values);
    else packer.add(keyed({ rows: [{ row, line, record: columns.recordOf(values), bytes }], columns: columns.keyColumns })[0]!);
  });
}
