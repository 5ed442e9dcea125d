import { READ_MODELS } from '../../src/app/tokens';
import { PersonSearchProjection } from '../../src/projections/person-search/person-search.projection';
import { ReadSide } from '../../src/read-models/engine/read-side';
import type { ReadModelStore } from '../../src/read-models/read-model.port';
import { die } from '../commands/family';
import { expectRebuildEqualsLive } from '../support/rebuild-equals-live';
import { startTestApp, type TestApp } from '../support/test-app';
import { annulEnrolment, enrolmentEventId, enrolNamed } from './search-people';

const GIVEN = ['محمد', 'أحمد', 'عبد الله', 'مصطفى', 'حمزة', 'نور الدين'];
const FAMILY = ['العبيدي', 'الورفلي', 'الزبائري', 'بن علي'];

describe('person-search projection: rebuild equals live', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('rebuilds from position zero the same index the live engine built through name changes, corrections, annulments and deaths', async () => {
    const record = async () => {
      const people: string[] = [];
      for (let i = 0; i < 30; i++) {
        people.push(
          await enrolNamed(t, {
            name: { given: GIVEN[i % GIVEN.length]!, father: GIVEN[(i + 1) % GIVEN.length]!, grandfather: 'علي', family: FAMILY[i % FAMILY.length]! },
            dateOfBirth: i % 3 === 0 ? `19${50 + i}` : `19${50 + i}-0${1 + (i % 9)}-15`,
            placeOfBirth: 'LY-BA-03',
            ...(i % 2 === 0 && { motherName: { given: 'خديجة', family: FAMILY[(i + 1) % FAMILY.length]! } }),
          }),
        );
      }
      for (let i = 0; i < 5; i++) {
        const renamed = await t.request('POST', `/v1/persons/${people[i]}/name-changes`, {
          body: { name: { given: 'سالم', father: 'علي', grandfather: 'حسن', family: FAMILY[i % FAMILY.length] }, reason: 'r', authorityReference: 'a', date: '2020-01-01' },
        });
        expect(renamed.status).toBe(201);
      }
      for (let i = 5; i < 10; i++) {
        const corrected = await t.request('POST', `/v1/persons/${people[i]}/corrections`, {
          as: 'supervisor',
          body: { eventId: await enrolmentEventId(t, people[i]!), changes: [{ field: 'dateOfBirth', to: '1949-12-31' }], reason: 'r', authorityReference: 'a', documents: [] },
        });
        expect(corrected.status).toBe(201);
      }
      for (let i = 10; i < 14; i++) await annulEnrolment(t, people[i]!);
      for (let i = 14; i < 18; i++) expect((await die(t, people[i]!, '2022-02-02')).status).toBe(201);
    };
    const models = await expectRebuildEqualsLive({
      eventStore: t.store,
      projections: [new PersonSearchProjection()],
      record,
      live: { store: t.app.get<ReadModelStore>(READ_MODELS), waitForHead: () => t.app.get(ReadSide).engine.waitForHead({ timeoutMs: 30_000 }) },
    });
    expect(models['person-search']).toHaveLength(26);
    expect(models['person-search-record']).toHaveLength(30);
  });
});
