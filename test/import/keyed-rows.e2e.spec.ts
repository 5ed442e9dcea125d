import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyed, type KeyedRow } from '../../src/import/keyed-row';
import { readRows, type ImportFormat } from '../../src/import/read-rows';
import { makeTempDir } from '../event-store/temp-dir';
import { rowText } from './row-text';
import { enrolmentRow, toCsv, toNdjson } from '../../bench/legacy-register';

/** The built module, whose reader runs in a worker thread (the sources under ts-jest read in-thread). */
const built = require(join(__dirname, '..', '..', 'dist', 'src', 'import', 'keyed-rows')) as typeof import('../../src/import/keyed-rows');

/** Each row as the text of its fields: the worker's rows read them from their message when asked. */
async function collect(runs: AsyncIterable<KeyedRow[]>): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const rows of runs) out.push(...rows.map(rowText));
  } catch (error) {
    out.push(`error: ${(error as Error).message}`);
  }
  return out;
}

async function* keyedInThread(path: string, format: ImportFormat): AsyncIterable<KeyedRow[]> {
  for await (const run of readRows(path, format)) yield keyed(run);
}

const inThread = (path: string, format: ImportFormat) => collect(keyedInThread(path, format));

describe('rows read and keyed in a worker thread', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => (dir = makeTempDir()));
  afterAll(() => dir.remove());

  const rows = Array.from({ length: 3_210 }, (_, i) => enrolmentRow(i));
  const cases: Array<[string, string, ImportFormat]> = [
    ['a CSV register', toCsv(rows), 'csv'],
    ['an NDJSON register with unreadable lines', `${toNdjson(rows.slice(0, 700))}not json\n{"kind":{"nested":1}}\n\n${toNdjson(rows.slice(700))}`, 'ndjson'],
    ['a CSV broken after 20,000 rows', `${toCsv(Array.from({ length: 20_000 }, (_, i) => enrolmentRow(i % 50)))}enrolment,"broken"quote\n`, 'csv'],
  ];

  it.each(cases)('gives the rows, keys and error of one thread for %s', async (_, text, format) => {
    const file = join(dir.path, `rows.${format}`);
    writeFileSync(file, text);
    const fromWorker = await collect(built.readKeyedRows(file, format));
    expect(fromWorker.length).toBeGreaterThan(700);
    expect(fromWorker).toEqual(await inThread(file, format));
    // 20,000 rows parsed and keyed twice: past jest's 5 s on this shared 2-core machine under load.
  }, 30_000);

  it('stops its thread when the reader stops early', async () => {
    const file = join(dir.path, 'early.csv');
    writeFileSync(file, toCsv(rows));
    let n = 0;
    for await (const rows of built.readKeyedRows(file, 'csv')) if (++n === 2 || rows.length === 0) break;
    expect(n).toBe(2);
  });

  it('starts its thread before its rows are asked for, and close ends it when they never are', async () => {
    const file = join(dir.path, 'never.csv');
    writeFileSync(file, toCsv(rows));
    const reading = built.readKeyedRows(file, 'csv');
    await reading.close();
    // None of the rows it may have sent before it was ended.
    expect(await collect(reading)).toEqual([]);
  });
});
