import { existsSync } from 'fs';

/**
 * Where the EventStoreDB tests find a server, decided when the test file loads so that an absent
 * server shows up as skipped tests with the reason, never as passing ones.
 */
export type EventStoreDbServer =
  | { available: true; start: () => Promise<{ url: string; stop: () => Promise<unknown> }> }
  | { available: false; reason: string };

export function eventStoreDbServer(): EventStoreDbServer {
  const url = process.env.EVENTSTORE_URL;
  if (url) return { available: true, start: async () => ({ url, stop: async () => undefined }) };
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) return { available: true, start: startContainer };
  return {
    available: false,
    reason: 'set EVENTSTORE_URL=esdb://localhost:2113?tls=false (no Docker engine for testcontainers either)',
  };
}

async function startContainer() {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('eventstore/eventstore:24.10')
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .start();
  return {
    url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: () => container.stop(),
  };
}
