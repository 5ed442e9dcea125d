import { hash } from 'node:crypto';
import { KeyColumns, rowKey } from '../../src/import/key-columns';

/** The key as it was first written: a national ID is drawn from it, so its text must never change. */
const keyAsItWas = (record: Record<string, string>) =>
  `import:${hash('sha256', JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), 'base64url').slice(0, 32)}`;

const records: Array<Record<string, string>> = [
  { kind: 'enrolment', given: 'محمد', family: 'العبيدي', source_ref: 'Benghazi family register 12, page 3' },
  { kind: 'death', latin: 'Child, "junior"', path: 'C:\\registers\\12', note: 'tab\there\nnew line\u0001' },
  { kind: 'marriage', emoji: 'family 👪', lone: 'half \ud83d of a pair', separators: '\u2028\u2029\u007f' },
  { 10: 'ten', 9: 'nine', b: 'b', a: 'a', B: 'B', ' ': 'space', '': 'empty name' },
  {},
];

describe('row keys', () => {
  it.each(records.map((record) => [record]))('are those the record always had: %j', (record) => {
    expect(rowKey(record)).toBe(keyAsItWas(record));
  });

  it('are the same when written by a header naming more columns than the record has', () => {
    const header = new KeyColumns(['toString', 'constructor', '__proto__', 'zz', ...records.flatMap((record) => Object.keys(record))]);
    for (const record of records) expect(rowKey(record, header)).toBe(keyAsItWas(record));
  });
});
