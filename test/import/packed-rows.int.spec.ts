import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvColumns } from '../../src/import/csv-columns';
import { keyed } from '../../src/import/keyed-row';
import { rowText } from './row-text';
import { packedRuns, RowPacker, unpackRows } from '../../src/import/packed-rows';
import { readRows } from '../../src/import/read-rows';
import { rowKey } from '../../src/import/key-columns';
import { makeTempDir } from '../event-store/temp-dir';
import { enrolmentRow, toNdjson } from '../../bench/legacy-register';

describe('rows packed for the importer', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => (dir = makeTempDir()));
  afterAll(() => dir.remove());

  it('are the rows of an NDJSON file, unreadable lines and their reasons included, records in the same key order', async () => {
    const file = join(dir.path, 'rows.ndjson');
    const odd = ['not json', '{"kind":{"nested":1}}', '[1]', '', '{"10":"ten","kind":"enrolment"," padded ":" x ","n":3,"b":true,"z":null}'];
    writeFileSync(file, `${toNdjson(Array.from({ length: 700 }, (_, i) => enrolmentRow(i)))}${odd.join('\n')}\n`);
    const read: string[] = [];
    for await (const run of readRows(file, 'ndjson')) read.push(...keyed(run).map(rowText));
    const packed: string[] = [];
    const packer = new RowPacker();
    for await (const _ of packedRuns(file, 'ndjson', packer)) packed.push(...unpackRows(packer.take()).map(rowText));
    expect(read.length).toBe(704);
    expect(packed).toEqual(read);
  });

  it('carry a value a message repeats once, and give every record its values', () => {
    const packer = new RowPacker();
    const records = [
      { kind: 'enrolment', given: 'محمد', family: 'العبيدي' },
      { kind: 'enrolment', given: 'علي', family: 'العبيدي' },
    ];
    records.forEach((record, at) => packer.add({ row: at + 1, line: at + 2, bytes: 9, record, key: `import:${at}` }));
    const packed = packer.take();
    expect(packed.values).toEqual(['enrolment', 'محمد', 'العبيدي', 'علي']);
    expect(unpackRows(packed).map(({ record }) => JSON.stringify(record))).toEqual(records.map((record) => JSON.stringify(record)));
  });

  it('look up only short values: a long one is carried once only when the row before has it in the same column', () => {
    const packer = new RowPacker();
    const [page, other] = ['Benghazi family register 12, page 3', 'Benghazi family register 12, page 4'];
    const records: Array<Record<string, string>> = [
      { kind: 'enrolment', source_ref: page },
      { kind: 'enrolment', source_ref: page },
      { kind: 'death', certifier_ref: page },
      { kind: 'enrolment', source_ref: other },
      { kind: 'enrolment', source_ref: page },
    ];
    records.forEach((record, at) => packer.add({ row: at + 1, line: at + 2, bytes: 9, record, key: `import:${at}` }));
    const packed = packer.take();
    expect(packed.values).toEqual(['enrolment', page, 'death', page, other, page]);
    expect(unpackRows(packed).map(({ record }) => JSON.stringify(record))).toEqual(records.map((record) => JSON.stringify(record)));
  });

  it.each([
    ['names alike once trimmed', ['kind', 'a', ' a'], false],
    ['a name an object lists first', ['kind', '10'], false],
    ['a name an object drops', ['kind', '__proto__'], false],
    ['plain names, one like an inherited property', ['kind', ' ref ', 'toString', '10a', '01', ''], true],
  ])('send a CSV row without its record only when the record is its values in order: %s', (_, header, inOrder) => {
    expect(new CsvColumns(header).inOrder).toBe(inOrder);
  });

  it("key a CSV row's values as the row's record is keyed", () => {
    const header = ['kind', ' ref ', 'given', 'note', 'toString', 'a"b', '01'];
    const columns = new CsvColumns(header);
    const texts = ['', ' ', 'x', ' محمد ', 'say "hi"', 'back\\slash', 'tab\tline\nend\u0001', 'half \ud83d pair', '👪'];
    let seed = 7;
    const pick = () => texts[(seed = (seed * 48271) % 2147483647) % texts.length]!;
    for (let n = 0; n < 300; n++) {
      const values = Array.from({ length: 1 + (n % 9) }, pick);
      const record = columns.recordOf(values);
      expect(columns.keyOfValues(values)).toBe(rowKey(record, columns.keyColumns));
      // Trimmed in place and cut to the header: the record is the values left, in order.
      expect(Object.entries(record)).toEqual(values.flatMap((value, at) => (value === '' ? [] : [[columns.names[at], value]])));
    }
  });
});
