import { existsSync } from 'fs';
import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import { createEventStore } from '../../src/event-store/create-event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from './temp-dir';

describe('createEventStore', () => {
  it('without a URL opens SQLite at <dataDir>/events.sqlite, creating the directory', async () => {
    const dir = makeTempDir();
    const dataDir = join(dir.path, 'data');
    const store = await createEventStore({ dataDir });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      await store.appendToStream('person-1', [{ id: newEventId(), type: 'PersonBorn', data: {}, metadata: { schemaVersion: 1 } }], {
        expectedRevision: 'no_stream',
      });
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      await store.close();
      dir.remove();
    }
  });
});
