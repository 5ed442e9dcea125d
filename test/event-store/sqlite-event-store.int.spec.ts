import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';

let dir: string;

describeEventStoreContract(
  'SQLite',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'sijil-events-'));
    return new SqliteEventStore(join(dir, 'events.db'));
  },
  () => rmSync(dir, { recursive: true, force: true }),
);
