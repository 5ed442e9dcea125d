import { parse } from 'csv-parse';
import { hash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyed, type KeyedRow } from '../../src/import/keyed-row';
import { packedRuns, RowPacker, unpackRows } from '../../src/import/packed-rows';
import { rowText } from './row-text';
import { readRows } from '../../src/import/read-rows';
import { makeTempDir } from '../event-store/temp-dir';
import { enrolmentRow, familyRegister, toCsv } from '../../bench/legacy-register';
import { setColumn } from '../../src/import/row-record';

type Read = Omit<KeyedRow, 'bytes'>;

/**
 * The rows and keys a CSV file gave when `csv-parse` built each record (`columns: true`, `info`)
 * and each key sorted the record's entries: the reader (papaparse now) must give the same, byte
 * for byte, since a row's key draws the national ID it is enrolled under, and the same lines and
 * faults. Read a byte at a time: a stream of records lost those of the chunk a parse error is in,
 * where the reader gives every row before it. Bytes are progress only, and counted by chunk now.
 */
async function asRecordsWere(path: string): Promise<Array<Read | string>> {
  const out: Array<Read | string> = [];
  let row = 0;
  try {
    const parser = createReadStream(path, { highWaterMark: 1 }).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
    for await (const { record: parsed, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      const record: Record<string, string> = {};
      // A `__proto__` column is kept as the column it is (the importer then rejects its row).
      for (const [column, value] of Object.entries(parsed)) if (value.trim() !== '') setColumn(record, column.trim(), value.trim());
      const canonical = JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      out.push({ row: ++row, line: info.lines, record, key: `import:${hash('sha256', canonical, 'base64url').slice(0, 32)}` });
    }
  } catch (error) {
    out.push(`error: ${(error as Error).message}`);
  }
  return out;
}

async function asRead(path: string): Promise<Array<Read | string>> {
  const out: Array<Read | string> = [];
  try {
    for await (const run of readRows(path, 'csv')) out.push(...keyed(run).map(({ bytes: _, ...read }) => read));
  } catch (error) {
    out.push(`error: ${(error as Error).message}`);
  }
  return out;
}

/** The rows as the importer gets them from the reader thread, packed a run at a time (records' key order kept: JSON). */
async function asPacked(path: string): Promise<string[]> {
  const out: string[] = [];
  const packer = new RowPacker();
  const take = () => out.push(...unpackRows(packer.take()).map(rowText));
  try {
    for await (const _ of packedRuns(path, 'csv', packer)) take();
    take();
  } catch (error) {
    take();
    out.push(`error: ${(error as Error).message}`);
  }
  return out;
}

describe('CSV rows as records and keys', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => (dir = makeTempDir()));
  afterAll(() => dir.remove());

  // Larger than a chunk of the file (64 KiB), for rows cut across chunks.
  const register = toCsv(familyRegister(60));
  const cases: Array<[string, string]> = [
    ['a family register', register],
    // A value on several lines of a CRLF file: see below.
    ['a BOM, CRLF line ends and blank lines', `\ufeff${register.slice(0, 4_000).replace(/\n/g, '\r\n')}\r\n\r\nenrolment,"two, values",x\r\n`],
    ['padded names and values, blank cells', ' kind , ref ,given\nenrolment,  r1  , \n  , ,\nenrolment,r2,"  quoted  "\n'],
    ['values padded with tabs and Unicode spaces', 'kind,ref,given\nenrolment,\tr1\u00a0,\u2003محمد\u3000\nenrolment,\ufeffr2\u2028,\u1680 \u205f\nenrolment,r3,سالم\u200a\n'],
    ['columns of the same name, short and long rows', 'kind,a,b,a,c\nenrolment,1,2,3,4\nenrolment,1,2\nenrolment,1,2,,4\nenrolment,1,2,3,4,5,6\nenrolment\n'],
    ['columns named like numbers and like inherited properties', 'kind,2,1,toString,__proto__,constructor\nenrolment,a,b,c,d,\nenrolment,,b,,,e\n'],
    ['rows only, no header', ''],
    ['a closing quote followed by text, after good rows', `${toCsv([enrolmentRow(1), enrolmentRow(2)])}enrolment,"broken"quote\n`],
    ['a quote inside an unquoted value', 'kind,ref,given\nenrolment,r1,ok\nenrolment,r2,ab"c\n'],
    ['a quote left open at the end', 'kind,ref\nenrolment,r1\nenrolment,"r2\n'],
    ['Arabic values, quoted values with commas, quotes and line breaks, a quoted empty line', 'kind,given,note\nenrolment,محمد,"قال ""نعم""، ثم, مضى"\n""\nenrolment,"فاطمة\n\nالزهراء",\n\n\n'],
    ['a header only, no line end', 'kind,ref,given'],
    ['a last row without a line end', 'kind,ref\nenrolment,r1\nenrolment,"r\n2"'],
    ['lines ending in CR alone', 'kind,ref\renrolment,r1\renrolment,"r\r2"\r'],
    ['a line feed inside a CRLF file', 'kind,ref\r\nenrolment,r1\nenrolment,r2\r\n'],
    ['a closing quote followed by text on a later line of its value', 'kind,ref\nenrolment,r1\nenrolment,"r\n2"x,y\nenrolment,r3\n'],
    ['a closing quote followed by text and a later quoted value', 'kind,ref\nenrolment,"r1"x\nenrolment,"r2"\n'],
    ['spaces after a closing quote', 'kind,ref\nenrolment,r1\nenrolment,"r2"  ,x\n'],
    ['a space before an opening quote', 'kind,ref\nenrolment,r1\nenrolment, "r2"\n'],
    ['a quote ending an unquoted value of a CRLF file', 'kind,ref\r\nenrolment,r1\r\nenrolment,r2"\r\n'],
    ['a quote in an unquoted header name', 'kind,re"f\nenrolment,r1\n'],
    ['a quoted value left open over the rest of a register', `kind,ref\nenrolment,"r1\n${toCsv([enrolmentRow(1), enrolmentRow(2)])}`],
  ];

  it.each(cases)('gives the rows and keys of records built column by column for %s', async (_, text) => {
    const file = join(dir.path, 'rows.csv');
    writeFileSync(file, text);
    expect(await asRead(file)).toEqual(await asRecordsWere(file));
    // The reference reads a byte at a time: seconds on this shared machine.
  }, 30_000);

  it.each(cases)('gives the same rows, records in the same key order, packed for the importer, for %s', async (_, text) => {
    const file = join(dir.path, 'packed.csv');
    writeFileSync(file, text);
    const read: string[] = [];
    try {
      for await (const run of readRows(file, 'csv')) read.push(...keyed(run).map(rowText));
    } catch (error) {
      read.push(`error: ${(error as Error).message}`);
    }
    expect(await asPacked(file)).toEqual(read);
  });

  it('counts a line break inside a value of a CRLF file once (csv-parse counted its CR and LF)', async () => {
    const file = join(dir.path, 'crlf.csv');
    writeFileSync(file, 'kind,ref\r\nenrolment,"r\r\n1"\r\n\r\nenrolment,r2\r\n');
    expect((await asRead(file)).map((row) => typeof row !== 'string' && [row.line, row.record.ref])).toEqual([
      [3, 'r\r\n1'],
      [5, 'r2'],
    ]);
  });

  it('names the field of a misplaced quote by its column, as the records did', async () => {
    const file = join(dir.path, 'quote.csv');
    writeFileSync(file, 'kind,ref,given\nenrolment,r1,ab"c\n');
    expect((await asRead(file)).pop()).toBe('error: Invalid Opening Quote: a quote is found on field "given" at line 2, value is "ab"');
  });

  it('reads a character cut between chunks of the file, and bytes that are not UTF-8, as the whole file decoded', async () => {
    // A three-byte character from the first chunk's last byte (64 KiB), then bytes no UTF-8 text has.
    const head = 'kind,ref,given\nenrolment,r0,';
    const given = `${'x'.repeat(65_535 - head.length)}€€`;
    const notUtf8 = Buffer.from([0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xd9]);
    const file = join(dir.path, 'bytes.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(`${head}${given}\nenrolment,r1,`), notUtf8, Buffer.from('\n')]));
    const read = (await asRead(file)) as Read[];
    expect(read.map(({ record }) => record.given)).toEqual([given, notUtf8.toString('utf8')]);
  });
});
