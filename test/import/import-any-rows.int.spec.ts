import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { LegacyImport } from '../../src/import/legacy-import';
import { familyRegister, toCsv, toNdjson, unusedNationalId, type Row } from '../../bench/legacy-register';

jest.setTimeout(120_000);

const agency = { registrar: 'legacy-import', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
const gazetteer = Gazetteer.load();
const register = familyRegister(4);
const columns = [...new Set(register.flatMap((row) => Object.keys(row))), 'mother_id', 'father_id', 'national_id', 'extra'];

/** What a legacy register's cell may hold: any text, and the values other rows and columns hold. */
const cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string(),
  fc.constantFrom(...new Set(register.flatMap((row) => Object.values(row).filter((v): v is string => v !== undefined)))),
  fc.constantFrom('', ' ', '1950', '1950-02-30', '2999-01-01', 'LY-BA-03', 'LY-ZZ-99', unusedNationalId(7), '123', 'f0', 'm1', 'constructor', '__proto__'),
);
const change = fc.record({ row: fc.nat(), column: fc.constantFrom(...columns), value: fc.option(cell, { nil: undefined }) });

/**
 * Whatever a legacy register's rows hold, each is recorded or rejected with its reason, nothing
 * fails the import, and the same rows imported again (the same file, or the same records in the
 * other format) record nothing more.
 */
describe('sijil import of any rows', () => {
  it('accounts for every row, and records nothing the second time, from CSV or NDJSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 8 }), async (changes, csvFirst, batchSize) => {
        const rows: Row[] = register.map((row) => ({ ...row }));
        for (const { row, column, value } of changes) rows[row % rows.length][column] = value;
        const dir = mkdtempSync(join(tmpdir(), 'sijil-import-any-'));
        const store = new SqliteEventStore(join(dir, 'events.sqlite'));
        try {
          const run = (name: string, text: string) => {
            const file = join(dir, name);
            writeFileSync(file, text);
            return new LegacyImport(store, new BulkRecorder(store, gazetteer, defaultPolicy)).run({ file, agency, batchSize });
          };
          const [first, second] = csvFirst ? [['a.csv', toCsv], ['b.ndjson', toNdjson]] as const : [['a.ndjson', toNdjson], ['b.csv', toCsv]] as const;

          const summary = await run(first[0], first[1](rows));
          expect(summary).toMatchObject({ rowsDone: rows.length, duplicates: 0, stopped: false });
          expect(summary.recorded + summary.rejected).toBe(rows.length);
          const rejects = readFileSync(join(dir, `${first[0]}.rejects.ndjson`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
          expect(rejects).toHaveLength(summary.rejected);
          for (const reject of rejects) expect(reject.reason).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          const logged = (await store.readAll()).filter((e) => e.streamId.startsWith('person-')).length;

          expect(await run(first[0], first[1](rows))).toMatchObject({ alreadyComplete: true, recorded: summary.recorded });
          const again = await run(second[0], second[1](rows));
          expect(again).toMatchObject({ recorded: 0, duplicates: summary.recorded, rejected: summary.rejected });
          expect((await store.readAll()).filter((e) => e.streamId.startsWith('person-')).length).toBe(logged);
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.SIJIL_FUZZ_REGISTERS ?? 40) },
    );
  });
});
