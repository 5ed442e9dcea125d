import { mkdirSync } from 'node:fs';
import { createEventStore } from '../event-store/create-event-store';
import type { EventStore } from '../event-store/event-store.port';
import { loadConfig, type SijilConfig } from '../app/config';

/** Every command that touches a store takes `--data DIR` (or the server URLs) the same way. */
export interface StoreOptions {
  data?: string;
}

/** `clock`: where the embedded store takes recording instants from, when not the wall clock. */
export async function openStore(options: StoreOptions, clock?: () => Date): Promise<{ config: SijilConfig; store: EventStore }> {
  const config = loadConfig(options.data ? { dataDir: options.data } : {});
  if (!config.eventStoreUrl) mkdirSync(config.dataDir, { recursive: true });
  const store = await createEventStore({ dataDir: config.dataDir, eventStoreUrl: config.eventStoreUrl, clock });
  return { config, store };
}
