import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { generatePersonLog } from '../../bench/person-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { projections } from '../../src/projections/registry';
import { createReadModelStore } from '../../src/read-models/create-read-model-store';
import { ProjectionEngine } from '../../src/read-models/engine/projection-engine';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { dumpCollections } from '../support/rebuild-equals-live';

jest.setTimeout(60_000);

/**
 * A data folder of a release that kept every read model in one `read-models.sqlite`: the new
 * release reads none of it, so every projection catches up from an empty folder, and the old file
 * stays as it was (a release rolled back still finds it).
 */
describe('upgrading from one read-model file', () => {
  it('catches every projection up from empty, to the models of a fresh rebuild, leaving the old file alone', async () => {
    const dir = makeTempDir();
    const eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'));
    await generatePersonLog(eventStore, { events: 3_000 });
    const head = (await eventStore.readAll()).slice(-1)[0].position;
    // What the older release left: every checkpoint at the head over models this release would not read.
    const oldFile = join(dir.path, 'read-models.sqlite');
    const old = new Database(oldFile);
    old.exec('CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    old.exec('CREATE TABLE "rm_person-log" (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)');
    projections.forEach(({ name }) => old.prepare('INSERT INTO checkpoints VALUES (?, ?)').run(name, head));
    old.close();
    const oldBytes = readFileSync(oldFile);

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const upgraded = await createReadModelStore({ dataDir: dir.path });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${oldFile} holds an older release's read models`));
    warn.mockRestore();
    const engine = new ProjectionEngine({ eventStore, readModels: upgraded, projections });
    await engine.start();
    await engine.waitForHead({ timeoutMs: 30_000 });
    await engine.stop();
    const fresh = new SqliteReadModelStore(join(dir.path, 'fresh'));
    await new ProjectionEngine({ eventStore, readModels: fresh, projections }).rebuild();

    expect(await dumpCollections(upgraded, projections)).toEqual(await dumpCollections(fresh, projections));
    expect((await upgraded.find('person-log')).length).toBeGreaterThan(100);
    for (const { name } of projections) {
      expect(await upgraded.checkpoint(name)).toBe(head);
      expect(existsSync(join(dir.path, 'read-models', `${name}.sqlite`))).toBe(true);
    }
    expect(readFileSync(oldFile).equals(oldBytes)).toBe(true);
    await Promise.all([upgraded.close(), fresh.close(), eventStore.close()]);
    dir.remove();
  });
});
