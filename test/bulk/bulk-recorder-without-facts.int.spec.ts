import { join } from 'path';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import type { BulkCommand, BulkResult } from '../../src/bulk/bulk-commands';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { makeTempDir } from '../event-store/temp-dir';
import { enrolmentBody } from '../support/people';

/** An importer reads only each result's status and IDs: it records the same, and gets no facts lists. */
describe('BulkRecorder without facts in its results', () => {
  const agency = { registrar: 'bulk', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
  let dir: ReturnType<typeof makeTempDir>;

  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  const commands = (): BulkCommand[] => {
    const enrolment = (key: string, placeOfBirth: string): BulkCommand => {
      const body = enrolmentBody({ placeOfBirth });
      return { type: 'EnrolPerson', data: { ...body.person, source: body.source }, key } as BulkCommand;
    };
    return [enrolment('k1', 'LY-BA-03'), enrolment('k2', 'XX-NO-00'), enrolment('k3', 'LY-BA-03')];
  };

  async function recorded(withoutFacts: boolean, batch: BulkCommand[]) {
    const store = new SqliteEventStore(join(dir.path, `${withoutFacts}.db`));
    const results = await new BulkRecorder(store, Gazetteer.load(), defaultPolicy).record(batch, { agency, withoutFacts });
    const log = (await store.readAll()).map(({ streamId, revision, type, data }) => ({ streamId, revision, type, data }));
    await store.close();
    return { results, log };
  }

  const brief = (result: BulkResult) => ({ status: result.status, nationalId: 'nationalId' in result ? result.nationalId : undefined, code: 'error' in result ? result.error.code : undefined });

  it('records what it records with facts, and answers the same statuses, national IDs and refusals', async () => {
    const batch = commands();
    const withFacts = await recorded(false, batch);
    const without = await recorded(true, batch);

    expect(without.log).toEqual(withFacts.log);
    expect(without.results.map(brief)).toEqual(withFacts.results.map(brief));
    expect(withFacts.results.map(brief).map(({ status }) => status)).toEqual(['recorded', 'refused', 'recorded']);
    expect(withFacts.results.flatMap((result) => ('facts' in result ? result.facts : []))).toHaveLength(2);
    expect(without.results.flatMap((result) => ('facts' in result ? result.facts : []))).toEqual([]);
  });
});
