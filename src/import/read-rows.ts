import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

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
  /** Bytes of the file read so far, for progress. */
  bytes: number;
}

export function formatOf(path: string, given?: string): ImportFormat {
  const format = given ?? (/\.csv$/i.test(path) ? 'csv' : /\.(nd)?jsonl?$|\.ndjson$/i.test(path) ? 'ndjson' : undefined);
  if (format !== 'csv' && format !== 'ndjson') {
    throw new Error(`cannot tell the format of ${path}: name it .csv or .ndjson, or pass --format csv|ndjson`);
  }
  return format;
}

export function readRows(path: string, format: ImportFormat): AsyncIterable<SourceRow> {
  return format === 'csv' ? readCsv(path) : readNdjson(path);
}

const present = (entries: Array<[string, unknown]>): Record<string, string> => {
  const record: Record<string, string> = {};
  for (const [column, value] of entries) {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text !== '') record[column.trim()] = text;
  }
  return record;
};

async function* readCsv(path: string): AsyncIterable<SourceRow> {
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  let row = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
    yield { row: ++row, line: info.lines, record: present(Object.entries(record)), bytes: info.bytes };
  }
}

async function* readNdjson(path: string): AsyncIterable<SourceRow> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let [row, line, bytes] = [0, 0, 0];
  for await (const text of lines) {
    line++;
    bytes += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    row++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { row, line, record: { text }, unreadable: 'the line is not valid JSON', bytes };
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield { row, line, record: { text }, unreadable: 'the line is not a JSON object', bytes };
      continue;
    }
    const entries = Object.entries(parsed);
    const nested = entries.find(([, value]) => typeof value === 'object' && value !== null);
    yield nested
      ? { row, line, record: { text }, unreadable: `${nested[0]} is not a text, number or boolean`, bytes }
      : { row, line, record: present(entries), bytes };
  }
}
