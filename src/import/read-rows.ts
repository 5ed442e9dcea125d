import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CsvColumns } from './csv-columns';
import { CsvFault, CsvRows } from './csv-rows';
import type { KeyColumns } from './key-columns';
import { setColumn } from './row-record';

export type ImportFormat = 'csv' | 'ndjson';

/** One row of the file: its values as text, blanks left out, or why it could not be read. */
export interface SourceRow {
  /** 1-based number of the record in the file (the header is not a row). */
  row: number;
  /** Line of the file the record ends on. */
  line: number;
  record: Record<string, string>;
  /** The row is unreadable (bad JSON, nested values): the reason, for the rejects file. */
  unreadable?: string;
  /** Bytes of the file read so far, for progress (a CSV row's: to the end of the chunk it was parsed in). */
  bytes: number;
}

/** Rows read together, in file order, and the columns of a file that names them once (a CSV header), for their keys. */
export interface SourceRun {
  rows: SourceRow[];
  columns?: KeyColumns;
}

export function formatOf(path: string, given?: string): ImportFormat {
  const format = given ?? (/\.csv$/i.test(path) ? 'csv' : /\.(nd)?jsonl?$|\.ndjson$/i.test(path) ? 'ndjson' : undefined);
  if (format !== 'csv' && format !== 'ndjson') {
    throw new Error(`cannot tell the format of ${path}: name it .csv or .ndjson, or pass --format csv|ndjson`);
  }
  return format;
}

/**
 * The file's rows, in runs (a CSV file's: those each chunk of the file completes). A malformed
 * file throws after the run of the rows before the fault.
 */
export function readRows(path: string, format: ImportFormat): AsyncIterable<SourceRun> {
  return format === 'csv' ? readCsv(path) : readNdjson(path);
}

const present = (entries: Array<[string, unknown]>): Record<string, string> => {
  const record: Record<string, string> = {};
  for (const [column, value] of entries) {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text !== '') setColumn(record, column.trim(), text);
  }
  return record;
};

async function* readCsv(path: string): AsyncIterable<SourceRun> {
  let rows: SourceRow[] = [];
  let keyColumns: KeyColumns | undefined;
  const runs = csvRows(path, (columns, values, line, row, bytes) => {
    keyColumns = columns.keyColumns;
    rows.push({ row, line, record: columns.recordOf(values), bytes });
  });
  const run = (): SourceRun => {
    const taken = { rows, columns: keyColumns };
    rows = [];
    return taken;
  };
  try {
    for await (const _ of runs) if (rows.length > 0) yield run();
  } catch (error) {
    if (rows.length > 0) yield run();
    throw error;
  }
  if (rows.length > 0) yield run();
}

/** A CSV row's values, untrimmed, with its file's header, its line, its number and the bytes read. */
export type CsvRowSink = (columns: CsvColumns, values: string[], line: number, row: number, bytes: number) => void;

/**
 * Gives each row of a CSV file to `onRow`, pausing (a step of the iteration) after each chunk of
 * the file; a malformed file throws after the rows before the fault.
 */
export async function* csvRows(path: string, onRow: CsvRowSink): AsyncIterable<void> {
  let columns: CsvColumns | undefined;
  let row = 0;
  let bytes = 0;
  // A row's bytes are those of the file read when its chunk was parsed: progress needs no more.
  const csv = new CsvRows((values, line) => {
    if (columns === undefined) columns = new CsvColumns(values);
    else onRow(columns, values, line, ++row, bytes);
  });
  // Not a `StringDecoder`: this decodes the same text (a character cut between chunks, and bytes
  // that are not UTF-8, alike) in 60% of its time. The BOM is kept for `CsvRows`, which drops it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  const inPieces = { stream: true };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      csv.write(text.decode(chunk, inPieces));
      yield;
    }
    csv.end(text.decode());
  } catch (error) {
    throw error instanceof CsvFault ? namingColumn(error, columns) : error;
  }
}

/** A quote inside an unquoted value: the fault names the field by its index, the header by its name. */
function namingColumn(fault: CsvFault, columns: CsvColumns | undefined): CsvFault {
  const name = typeof fault.column === 'number' ? columns?.nameOf(fault.column) : undefined;
  if (name !== undefined) {
    fault.message = fault.message.replace(`on field ${fault.column} `, `on field ${JSON.stringify(name)} `);
    fault.column = name;
  }
  return fault;
}

/** Lines per run of an NDJSON file. */
const NDJSON_RUN = 500;

async function* readNdjson(path: string): AsyncIterable<SourceRun> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let [row, line, bytes] = [0, 0, 0];
  let rows: SourceRow[] = [];
  for await (const text of lines) {
    line++;
    bytes += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    row++;
    rows.push(ndjsonRow(text, row, line, bytes));
    if (rows.length === NDJSON_RUN) {
      yield { rows };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows };
}

function ndjsonRow(text: string, row: number, line: number, bytes: number): SourceRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { row, line, record: { text }, unreadable: 'the line is not valid JSON', bytes };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { row, line, record: { text }, unreadable: 'the line is not a JSON object', bytes };
  }
  const entries = Object.entries(parsed);
  const nested = entries.find(([, value]) => typeof value === 'object' && value !== null);
  return nested
    ? { row, line, record: { text }, unreadable: `${nested[0]} is not a text, number or boolean`, bytes }
    : { row, line, record: present(entries), bytes };
}
