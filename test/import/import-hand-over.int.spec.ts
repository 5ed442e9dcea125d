import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import type { AppendOptions, StreamWrite } from '../../src/event-store/event-store.port';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { LegacyImport } from '../../src/import/legacy-import';
import { tempEventStore } from '../event-store/temp-event-store';
import { deathRow, enrolmentRow, toCsv, unusedNationalId } from '../../bench/legacy-register';

/**
 * The import hands a batch over while the one before commits. When that one is decided again
 * (another writer changed a stream it read), the batch after it is decided again too, and the
 * progress it commits must count on from what the batch before finally recorded.
 */
describe('sijil import handing batches over while the one before commits', () => {
  const temp = tempEventStore();
  const gazetteer = Gazetteer.load();
  const agency = { registrar: 'legacy-import', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
  const nationalId = unusedNationalId(1);
  const write = (name: string, text: string) => {
    const file = join(temp.dir.path, name);
    writeFileSync(file, text);
    return file;
  };
  const importFile = (file: string) =>
    new LegacyImport(temp.store, new BulkRecorder(temp.store, gazetteer, defaultPolicy)).run({ file, agency, batchSize: 2 });

  it('counts a row the batch before refused when decided again, in the progress of every batch after it', async () => {
    await importFile(write('enrolled.csv', toCsv([enrolmentRow(1, { national_id: nationalId, date_of_birth: '1940' })])));
    const register = write('register.csv', toCsv([deathRow({ national_id: nationalId }), ...[2, 3, 4, 5, 6].map((n) => enrolmentRow(n))]));
    const elsewhere = write('elsewhere.csv', toCsv([deathRow({ national_id: nationalId, certifier_ref: 'Benghazi Medical Centre 2001/78' })]));

    // Another writer records the same person's death while the register's first batch is on its way.
    const appendToStreams = temp.store.appendToStreams.bind(temp.store);
    const handedAfter: boolean[] = [];
    let concurrentDeath: Promise<unknown> | undefined;
    jest.spyOn(temp.store, 'appendToStreams').mockImplementation(async (writes: StreamWrite[], options?: AppendOptions) => {
      if (writes.some((write) => write.streamId.startsWith('$import-'))) handedAfter.push(options?.after !== undefined);
      if (!concurrentDeath && writes.some((write) => write.streamId === `person-${nationalId}`)) {
        concurrentDeath = importFile(elsewhere);
        await concurrentDeath;
      }
      return appendToStreams(writes, options);
    });

    const summary = await importFile(register);
    expect(summary).toMatchObject({ rowsDone: 6, recorded: 5, duplicates: 0, rejected: 1 });
    // The register's second batch was handed over behind the first's append, before that one was refused.
    expect(handedAfter.slice(0, 2)).toEqual([false, true]);
    const progress = await temp.store.readStream(`$import-${summary.sha256}`);
    expect(progress.map((event) => event.data)).toEqual([
      expect.objectContaining({ rowsDone: 2, recorded: 1, rejected: 1 }),
      expect.objectContaining({ rowsDone: 4, recorded: 3, rejected: 1 }),
      expect.objectContaining({ rowsDone: 6, recorded: 5, rejected: 1 }),
    ]);
    expect(await importFile(register)).toMatchObject({ alreadyComplete: true, recorded: 5, rejected: 1 });
  });
});
