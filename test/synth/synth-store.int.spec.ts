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
async function synthesise(dir: string, seed: string, livePersons?: number, packedBytes?: number) {
  let instant = new Date(0);
  const store = new SqliteEventStore(join(dir, `${seed}-${livePersons ?? 'all'}-${packedBytes ?? 'packed'}.sqlite`), { clock: () => instant });
  const gazetteer = Gazetteer.load();
  const options = ratesFor(gazetteer, { persons: 400, years: 2, seed, endYear: 2025, areaCodes: synthAreas(gazetteer) });
  const recorder = withEnvironment({ SIJIL_BULK_CACHE: livePersons, SIJIL_BULK_CACHE_BYTES: packedBytes }, () => new BulkRecorder(store, gazetteer, defaultPolicy));
  await loadCountry(recorder, options, { batchSize: 100, onBatchInstant: (at) => (instant = new Date(at)) });
  const log = await store.readAll();
  await store.close();
  return { log, cache: recorder.cache };
}

/** `make()` with the given environment variables set (those undefined left as they are), then restored. */
function withEnvironment<T>(variables: Record<string, number | undefined>, make: () => T): T {
  const configured = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) process.env[name] = String(value);
  try {
    return make();
  } finally {
    for (const [name, value] of configured) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
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

  it('is the same log when the recorder reads the persons it let go from the store', async () => {
    const { log: live } = await synthesise(dir, 'libya-1');
    const { log: reread, cache } = await synthesise(dir, 'libya-1', 20, 0);
    // Nothing packed: persons let go were read back from the store, each after a wait the cached ones do not have.
    expect(cache.unpacked).toBe(0);
    expect(cache.misses).toBeGreaterThan(cache.size + 100);
    expect(JSON.stringify(reread)).toBe(JSON.stringify(live));
  });
});
