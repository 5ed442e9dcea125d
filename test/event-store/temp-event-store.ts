import { join } from 'path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from './temp-dir';

/** A fresh SQLite log in its own folder for each test of the suite, closed and removed after it. */
export function tempEventStore(): { dir: ReturnType<typeof makeTempDir>; store: SqliteEventStore } {
  const fixture = {} as ReturnType<typeof tempEventStore>;
  beforeEach(() => {
    fixture.dir = makeTempDir();
    fixture.store = new SqliteEventStore(join(fixture.dir.path, 'events.sqlite'));
  });
  afterEach(async () => {
    await fixture.store.close();
    fixture.dir.remove();
  });
  return fixture;
}
