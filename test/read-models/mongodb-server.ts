import { existsSync } from 'fs';

/**
 * Where the MongoDB tests find a replica set, decided when the test file loads so that an absent
 * server shows up as skipped tests with the reason, never as passing ones.
 */
export type MongoDbServer =
  | { available: true; start: () => Promise<{ url: string; stop: () => Promise<unknown> }> }
  | { available: false; reason: string };

export function mongoDbServer(): MongoDbServer {
  const url = process.env.MONGODB_URL;
  if (url) return { available: true, start: async () => ({ url, stop: async () => undefined }) };
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) return { available: true, start: startContainer };
  return {
    available: false,
    reason: 'set MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0 (a replica set: commits are transactions; no Docker engine for testcontainers either)',
  };
}

/** A single-node replica set: enough for multi-document transactions. */
async function startContainer() {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('mongo:7')
    .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .start();
  await container.exec(['mongosh', '--quiet', '--eval', "rs.initiate({_id:'rs0',members:[{_id:0,host:'localhost:27017'}]})"]);
  return {
    url: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`,
    stop: () => container.stop(),
  };
}
