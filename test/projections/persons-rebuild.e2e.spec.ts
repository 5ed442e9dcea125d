import { READ_MODELS } from '../../src/app/tokens';
import { ReadSide } from '../../src/read-models/engine/read-side';
import type { ReadModelStore } from '../../src/read-models/read-model.port';
import { PersonsProjection } from '../../src/projections/persons/persons.projection';
import { birthBody, enrol } from '../support/people';
import { expectRebuildEqualsLive } from '../support/rebuild-equals-live';
import { startTestApp, type TestApp } from '../support/test-app';
import { die, divorce, man, marry, woman } from '../commands/family';

/** Deterministic pseudo-random choices, so a failure replays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('persons projection: rebuild equals live', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('rebuilds from position zero the same person logs, current views and kinship edges the live engine built', async () => {
    const next = random(11);
    const record = async () => {
      const mothers: string[] = [];
      const fathers: string[] = [];
      for (let i = 0; i < 12; i++) {
        mothers.push(await woman(t, { dateOfBirth: `19${60 + i}-01-01` }));
        fathers.push(await man(t, { dateOfBirth: `19${55 + i}-01-01` }));
      }
      const marriages: string[] = [];
      for (let i = 0; i < 10; i++) marriages.push(await marry(t, fathers[i]!, mothers[i]!, `199${i}-01-01`));
      const children: string[] = [];
      for (let i = 0; i < 40; i++) {
        const m = Math.floor(next() * 10);
        const response = await t.request('POST', '/v1/births', { body: birthBody(mothers[m]!, next() < 0.8 ? fathers[m] : undefined, { dateOfBirth: `20${10 + (i % 10)}-0${1 + (i % 9)}-10` }) });
        expect(response.status).toBe(201);
        children.push(response.body.nationalId);
      }
      children.push(await enrol(t, { dateOfBirth: '2005-05-05', motherId: mothers[11]!, fatherId: fathers[11]! }));
      for (let i = 0; i < 3; i++) expect((await divorce(t, marriages[i]!, '2021-01-01')).status).toBe(201);
      for (let i = 3; i < 6; i++) expect((await die(t, fathers[i]!, '2022-02-02')).status).toBe(201);
      const [registration] = await t.store.readStream(`person-${children[0]}`);
      const corrected = await t.request('POST', `/v1/persons/${children[0]}/corrections`, {
        as: 'supervisor',
        body: { eventId: registration!.id, changes: [{ field: 'dateOfBirth', to: '2010-01-11' }], reason: 'Register read again', authorityReference: 'NR 1' },
      });
      expect(corrected.status).toBe(201);
      const [annulledRegistration] = await t.store.readStream(`person-${children[1]}`);
      const annulled = await t.request('POST', `/v1/persons/${children[1]}/annulments`, {
        as: 'supervisor',
        body: { eventId: annulledRegistration!.id, courtReference: 'court 1', reason: 'Duplicate registration' },
      });
      expect(annulled.status).toBe(201);
    };
    const projection = new PersonsProjection();
    const models = await expectRebuildEqualsLive({
      eventStore: t.store,
      projections: [projection],
      record,
      live: { store: t.app.get<ReadModelStore>(READ_MODELS), waitForHead: () => t.app.get(ReadSide).engine.waitForHead({ timeoutMs: 30_000 }) },
    });
    expect(models['person-log']!.length).toBeGreaterThan(60);
    expect(models.kinship!.length).toBeGreaterThan(40);
  });
});
