import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, stopServerProcess } from './server-process';
import { load, type LoadResult } from './load';

export interface PersonReadsHttpResult {
  identity: LoadResult;
  bare: LoadResult;
  persons: number;
  connections: number;
  seconds: number;
}

interface ReadsServerReady {
  credential: string;
  ids: string[];
}

const startReadsServer = (dataDir: string, persons: number) => startServerProcess<ReadsServerReady>('person-reads-server.js', { SIJIL_DATA: dataDir, BENCH_PERSONS: String(persons) });

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds of equal length: the mean rate, the median p50 and p99, every failure. */
const combined = (rounds: LoadResult[]): LoadResult => ({
  perSecond: rounds.reduce((sum, r) => sum + r.perSecond, 0) / rounds.length,
  p50Ms: median(rounds.map((r) => r.p50Ms)),
  p99Ms: median(rounds.map((r) => r.p99Ms)),
  failed: rounds.reduce((sum, r) => sum + r.failed, 0),
});

/** Cycles through the persons, so every request reads another one. */
const paths = (prefix: string, ids: string[]) => {
  let next = 0;
  return () => `${prefix}${ids[next++ % ids.length]}`;
};

/**
 * GET /v1/persons/{nid} from 64 clients over HTTP, beside a bare authenticated GET on the same
 * server stack (same Fastify, Nest, guard and credential check), both measured in this run.
 */
export async function runPersonReadsHttpBench(seconds = 10, connections = 64, persons = 2000): Promise<PersonReadsHttpResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-bench-reads-http-'));
  const server = await startReadsServer(dataDir, persons);
  try {
    const headers = { authorization: `Bearer ${server.credential}`, 'x-purpose': 'benchmark' };
    const common = { url: server.url, method: 'GET' as const, headers, connections, seconds };
    const bare = () => paths('/bench/bare/', server.ids);
    const identity = () => paths('/v1/persons/', server.ids);
    await load({ ...common, seconds: 2, path: `/bench/bare/${server.ids[0]}`, nextPath: bare() });
    await load({ ...common, seconds: 2, path: `/v1/persons/${server.ids[0]}`, nextPath: identity() });
    // Alternating rounds: contention from other work on the machine falls on both routes alike.
    const bareRounds: LoadResult[] = [];
    const identityRounds: LoadResult[] = [];
    const roundSeconds = Math.max(1, Math.round(seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load({ ...common, seconds: roundSeconds, path: `/bench/bare/${server.ids[0]}`, nextPath: bare() }));
      identityRounds.push(await load({ ...common, seconds: roundSeconds, path: `/v1/persons/${server.ids[0]}`, nextPath: identity() }));
    }
    return { identity: combined(identityRounds), bare: combined(bareRounds), persons, connections, seconds: roundSeconds * ROUNDS };
  } finally {
    await stopServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatPersonReadsHttpBench(r: PersonReadsHttpResult): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
  const row = (label: string, l: LoadResult) => `| ${label} | ${rate(l.perSecond)} | ${l.p50Ms} ms | ${l.p99Ms} ms | ${l.failed} |`;
  return [
    `Identity reads over HTTP, ${r.connections} concurrent clients, ${r.seconds} s each in alternating rounds of ${r.seconds / ROUNDS} s, ${r.persons.toLocaleString('en')} persons read in turn:`,
    '',
    '| route | answered | p50 | p99 | failed |',
    '|---|---|---|---|---|',
    row('GET /v1/persons/{nid} (read model)', r.identity),
    row('bare GET: same stack and credential check, constant answer', r.bare),
    '',
    `identity / bare = ${(r.identity.perSecond / r.bare.perSecond).toFixed(2)} (goal ≥ 0.33)`,
  ].join('\n');
}

if (require.main === module) {
  void runPersonReadsHttpBench().then((result) => process.stdout.write(`${formatPersonReadsHttpBench(result)}\n`));
}
