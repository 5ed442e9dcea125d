import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import type { Reject } from '../../src/import/import-checkpoint';
import { LegacyImport, type ImportOptions } from '../../src/import/legacy-import';
import { tempEventStore } from '../event-store/temp-event-store';
import { deathRow, enrolmentRow, familyRegister, marriageRow, toCsv, toNdjson, unusedNationalId, type Row } from '../../bench/legacy-register';

const agency = { registrar: 'legacy-import', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };

const good: Row[] = [
  enrolmentRow(1, { ref: 'mother', sex: 'F', date_of_birth: '1950-04' }),
  enrolmentRow(2, { ref: 'father', sex: 'M', date_of_birth: '1945' }),
  enrolmentRow(3, { ref: 'child', date_of_birth: '1975-03', mother_ref: 'mother', father_ref: 'father', latin: 'Child, "junior"' }),
  marriageRow({ husband_ref: 'father', wife_ref: 'mother' }),
  deathRow({ person_ref: 'father' }),
  enrolmentRow(4, { national_id: unusedNationalId(4), source_kind: 'census-1922' }),
];

/** Each bad row, the code its reject names, and the column when a value is at fault. */
const bad: Array<[string, Row, string, string?]> = [
  ['a malformed national ID', enrolmentRow(10, { national_id: '12345' }), 'NATIONAL_ID.FORMAT', 'national_id'],
  ['a wrong check digit', enrolmentRow(11, { national_id: unusedNationalId(11).slice(0, 11) + ((Number(unusedNationalId(11)[11]) + 1) % 10) }), 'NATIONAL_ID.CHECK_DIGIT', 'national_id'],
  ['an impossible date', enrolmentRow(12, { date_of_birth: '1950-13-01' }), 'DATE.INVALID', 'date_of_birth'],
  ['an unknown area', enrolmentRow(13, { place_of_birth: 'LY-ZZ-99' }), 'AREA.UNKNOWN', 'place_of_birth'],
  ['a malformed area', enrolmentRow(14, { place_of_birth: 'Benghazi' }), 'AREA.FORMAT', 'place_of_birth'],
  ['a future date', enrolmentRow(15, { date_of_birth: '2999-01-01' }), 'FACT.IN_FUTURE'],
  ['an unknown mother', enrolmentRow(16, { mother_id: unusedNationalId(16) }), 'PERSON.NOT_FOUND'],
  ['a mother ref no row enrolled', enrolmentRow(17, { mother_ref: 'nobody' }), 'PERSON.NOT_FOUND'],
  ['a mother too young', enrolmentRow(18, { date_of_birth: '1955', mother_ref: 'mother' }), 'BIRTH.MOTHER_AGE'],
  ['a missing sex', enrolmentRow(19, { sex: undefined, given: 'سالم' }), 'VALUE.ONE_OF', 'sex'],
  ['a blank name part', enrolmentRow(20, { grandfather: '' }), 'NAME.INVALID', 'grandfather'],
  ['no source reference', enrolmentRow(21, { source_ref: undefined }), 'VALUE.REQUIRED', 'source_ref'],
  ['an unknown kind', { ...enrolmentRow(22), kind: 'adoption' }, 'IMPORT.KIND', 'kind'],
  ['a kind named like an inherited property', { ...enrolmentRow(24), kind: 'constructor' }, 'IMPORT.KIND', 'kind'],
  ['a ref already used', enrolmentRow(23, { ref: 'mother' }), 'IMPORT.DUPLICATE_REF', 'ref'],
  ['a column the kind does not read', { ...deathRow({ person_ref: 'child' }), place: 'LY-BA-03' }, 'IMPORT.UNKNOWN_COLUMN', 'place'],
  ['a death before birth', deathRow({ person_ref: 'child', date_of_death: '1960-01-01' }), 'FACT.BEFORE_BIRTH'],
  ['a second death', deathRow({ person_ref: 'father', date_of_death: '2002-01-01', certifier_ref: 'again' }), 'DEATH.ALREADY_RECORDED'],
  ['a marriage to an unknown wife', marriageRow({ husband_ref: 'child', wife_id: unusedNationalId(99), contract_ref: 'x' }), 'PERSON.NOT_FOUND'],
  ['a marriage under age', marriageRow({ husband_ref: 'child', wife_ref: 'p4x', date_of_marriage: '1990-01-01', contract_ref: 'y' }), 'MARRIAGE.UNDER_AGE'],
  ['a second marriage of the pair', marriageRow({ husband_ref: 'father', wife_ref: 'mother', contract_ref: 'again' }), 'MARRIAGE.ALREADY_MARRIED'],
  ['a marriage outside the office', marriageRow({ husband_ref: 'child', wife_ref: 'p4x', place: 'LY-TB-01' }), 'JURISDICTION.OUTSIDE_OFFICE'],
  ['a duplicate row', good[2]!, 'IMPORT.DUPLICATE_ROW'],
];

describe('sijil import, in process', () => {
  const temp = tempEventStore();
  const gazetteer = Gazetteer.load();

  const importFile = (file: string, options: Partial<ImportOptions> = {}) =>
    new LegacyImport(temp.store, new BulkRecorder(temp.store, gazetteer, defaultPolicy)).run({ file, agency, batchSize: 4, ...options });
  const write = (name: string, text: string) => {
    const file = join(temp.dir.path, name);
    writeFileSync(file, text);
    return file;
  };
  const rejectsOf = (file: string): Reject[] =>
    readFileSync(`${file}.rejects.ndjson`, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Reject);
  const personEvents = async (): Promise<RecordedEvent[]> => (await temp.store.readAll()).filter((e) => e.streamId.startsWith('person-'));

  // A spouse for the jurisdiction row: married outside the office's area.
  const rows = [...good, enrolmentRow(5, { ref: 'p4x', sex: 'F', date_of_birth: '1976' }), ...bad.map(([, row]) => row)];

  it('records the good rows and rejects each bad one with its row, record and reason', async () => {
    const file = write('register.csv', toCsv(rows));
    const summary = await importFile(file);
    expect(summary).toMatchObject({ rowsDone: rows.length, recorded: good.length + 1, duplicates: 0, rejected: bad.length, stopped: false });
    const rejects = rejectsOf(file);
    expect(rejects.map((r) => [r.row, r.reason.code, r.reason.column])).toEqual(
      bad.map(([, , code, column], i) => [good.length + 2 + i, code, column]),
    );
    for (const reject of rejects) {
      expect(reject.line).toBe(reject.row + 1);
      expect(reject.reason.message).toEqual(expect.any(String));
    }
    expect(rejects.find((r) => r.reason.code === 'IMPORT.DUPLICATE_ROW')!.reason.message).toContain('row 3');
    expect(rejects[0]!.record).toMatchObject({ kind: 'enrolment', national_id: '12345', source_ref: 'Benghazi family register 12, page 10' });
  });

  it('records the family as the API would: parents named, the marriage in both streams, the death, the mother name copied', async () => {
    const file = write('family.ndjson', toNdjson(good));
    await importFile(file);
    const events = await personEvents();
    const enrolments = events.filter((e) => e.type === 'PersonEnrolled');
    const [mother, father, child] = enrolments.map((e) => e.data as { nationalId: string; motherId?: string; fatherId?: string });
    expect(child).toMatchObject({ motherId: mother!.nationalId, fatherId: father!.nationalId });
    expect(events.filter((e) => e.type === 'MarriageRegistered').map((e) => e.streamId).sort()).toEqual(
      [`person-${mother!.nationalId}`, `person-${father!.nationalId}`].sort(),
    );
    expect(events.find((e) => e.type === 'DeathRegistered')!.streamId).toBe(`person-${father!.nationalId}`);
    expect(enrolments[3]!.data).toMatchObject({ nationalId: unusedNationalId(4), source: { kind: 'census-1922' } });
    expect(enrolments[0]!.metadata).toMatchObject({ registrar: 'legacy-import', office: 'LY-BA-03-OFF1', idempotencyKey: expect.stringMatching(/^import:/) });
    expect((child as unknown as { name: { latin: string } }).name.latin).toBe('Child, "junior"');
  });

  it('records nothing the second time the same file is imported, and rewrites the same rejects', async () => {
    const file = write('register.csv', toCsv(rows));
    await importFile(file);
    const before = await temp.store.readAll();
    const firstRejects = readFileSync(`${file}.rejects.ndjson`, 'utf8');
    const again = await importFile(file);
    expect(again).toMatchObject({ alreadyComplete: true, recorded: good.length + 1, rejected: bad.length });
    expect(await temp.store.readAll()).toEqual(before);
    expect(readFileSync(`${file}.rejects.ndjson`, 'utf8')).toBe(firstRejects);
  });

  it('recognises the records of an edited copy of the file (NDJSON this time): the same rows are already there, only new rows are recorded', async () => {
    await importFile(write('register.csv', toCsv(good)));
    const before = (await personEvents()).length;
    const edited = write('register-v2.ndjson', toNdjson([enrolmentRow(50), ...good]));
    const summary = await importFile(edited);
    expect(summary).toMatchObject({ recorded: 1, duplicates: good.length, rejected: 0 });
    expect((await personEvents()).length).toBe(before + 1);
  });

  it.each([
    ['CSV', 'proto.csv', toCsv],
    ['NDJSON', 'proto.ndjson', toNdjson],
  ])('rejects a row with a column named __proto__ as one its kind does not read (%s)', async (_, name, format) => {
    const row: Row = { ...enrolmentRow(60), ['__proto__']: 'LY-BA-03' };
    const file = write(name, format([enrolmentRow(61), row]));
    expect(await importFile(file)).toMatchObject({ recorded: 1, rejected: 1 });
    expect(rejectsOf(file).map((r) => [r.row, r.reason.code, r.reason.field, r.record.__proto__])).toEqual([[2, 'IMPORT.UNKNOWN_COLUMN', '__proto__', 'LY-BA-03']]);
  });

  it('stops at a malformed line once the batches handed over before it are recorded', async () => {
    const file = write('broken.csv', `${toCsv(Array.from({ length: 1_000 }, (_, i) => enrolmentRow(200 + i)))}enrolment,"broken"quote\n`);
    await expect(importFile(file, { batchSize: 100 })).rejects.toThrow(/line 1002/);
    const recorded = (await personEvents()).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing was still on its way to the log: whole batches, all of them committed.
    expect((await personEvents()).length).toBe(recorded);
    expect(recorded).toBeGreaterThan(0);
    expect(recorded % 100).toBe(0);
  });

  it('has the store start its writer before the first batch, and not for a file already imported', async () => {
    const file = write('writer-first.csv', toCsv([enrolmentRow(70), enrolmentRow(71)]));
    const appends = jest.spyOn(temp.store, 'appendToStreams');
    try {
      await importFile(file);
      // An append of nothing, then the batch.
      expect(appends.mock.calls.map(([writes]) => writes.length)).toEqual([0, 3]);
      appends.mockClear();
      expect(await importFile(file)).toMatchObject({ alreadyComplete: true });
      expect(appends).not.toHaveBeenCalled();
    } finally {
      appends.mockRestore();
    }
  });

  it('a stopped import resumes after its last batch and ends with the log of an uninterrupted one', async () => {
    const register = familyRegister(12);
    const file = write('families.csv', toCsv(register));
    let batches = 0;
    const stopped = await importFile(file, { shouldStop: () => ++batches === 3 });
    expect(stopped).toMatchObject({ stopped: true, rowsDone: 12 });
    const resumed = await importFile(file);
    expect(resumed).toMatchObject({ resumedFrom: 12, rowsDone: register.length, rejected: 0, recorded: register.length });
    const interrupted = await personEvents();

    const other = new SqliteEventStore(join(temp.dir.path, 'other.sqlite'));
    await new LegacyImport(other, new BulkRecorder(other, gazetteer, defaultPolicy)).run({ file, agency, batchSize: 4 });
    const uninterrupted = (await other.readAll()).filter((e) => e.streamId.startsWith('person-'));
    await other.close();
    const content = ({ id, streamId, revision, type, data, metadata }: RecordedEvent) => ({ id, streamId, revision, type, data, metadata });
    expect(interrupted.map(content)).toEqual(uninterrupted.map(content));
  });
});
