import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { loadCountry, ratesFor, synthAreas } from '../../src/synth/load-country';

jest.setTimeout(120_000);

/**
 * What `sijil synth` does, into a fresh store whose clock is the synthetic country's own.
 * `livePersons` limits the recorder's live cache (`SIJIL_BULK_CACHE`), the rest packed.
 */
async function synthesise(dir: string, seed: string, livePersons?: number) {
  let instant = new Date(0);
  const store = new SqliteEventStore(join(dir, `${seed}-${livePersons ?? 'all'}.sqlite`), { clock: () => instant });
  const gazetteer = Gazetteer.load();
  const options = ratesFor(gazetteer, { persons: 400, years: 2, seed, endYear: 2025, areaCodes: synthAreas(gazetteer) });
  const configured = process.env.SIJIL_BULK_CACHE;
  if (livePersons !== undefined) process.env.SIJIL_BULK_CACHE = String(livePersons);
  const recorder = new BulkRecorder(store, gazetteer, defaultPolicy);
  if (configured === undefined) delete process.env.SIJIL_BULK_CACHE;
  else process.env.SIJIL_BULK_CACHE = configured;
  await loadCountry(recorder, options, { batchSize: 100, onBatchInstant: (at) => (instant = new Date(at)) });
  const log = await store.readAll();
  await store.close();
  return { log, cache: recorder.cache };
}

describe('a synthetic country in the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-synth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is byte-identical for a seed, recording instants included', async () => {
    const [{ log: first }, { log: second }] = [await synthesise(dir, 'libya-1'), await synthesise(dir, 'libya-1')];
    expect(first.length).toBeGreaterThan(400);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    // Recorded in the country's own time: instants advance through the simulated years, never the machine's today.
    const instants = first.map((event) => event.recordedAt);
    expect(instants).toEqual([...instants].sort());
    expect(new Set(instants.map((at) => at.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    expect(instants[instants.length - 1]! < '2026-03-02').toBe(true);
  });

  it('differs for another seed', async () => {
    expect(JSON.stringify((await synthesise(dir, 'libya-2')).log)).not.toBe(JSON.stringify((await synthesise(dir, 'libya-1')).log));
  });

  it('is the same log when the recorder keeps a few persons live and packs the rest', async () => {
    const { log: live } = await synthesise(dir, 'libya-1');
    const { log: packed, cache } = await synthesise(dir, 'libya-1', 20);
    // Persons were read back packed, and no person was read from the store twice.
    expect(cache.unpacked).toBeGreaterThan(100);
    expect(cache.misses).toBe(cache.size);
    expect(JSON.stringify(packed)).toBe(JSON.stringify(live));
  });
});
