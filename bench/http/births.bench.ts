import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawSingleRowCommitsPerSecond } from '../event-store.bench';
import { cpuSecondsOf, startServerProcess, stopServerProcess } from './server-process';
import { load, type LoadOptions, type LoadResult } from './load';

/** A load's result with the server's CPU time per acknowledged request, when the OS tells it. */
export type ServerLoadResult = LoadResult & { serverCpuPerRequestUs?: number };

export interface BirthsBenchResult {
  births: ServerLoadResult;
  ceiling: ServerLoadResult;
  rawCommitsPerSecond: number;
  connections: number;
  seconds: number;
}

interface BenchServerReady {
  credential: string;
  motherIds: string[];
}

const startBenchServer = (dataDir: string) => startServerProcess<BenchServerReady>('bench-server.js', { SIJIL_DATA: dataDir });

async function loadServer(pid: number, options: LoadOptions): Promise<ServerLoadResult> {
  const before = cpuSecondsOf(pid);
  const result = await load(options);
  const after = cpuSecondsOf(pid);
  const acknowledged = result.perSecond * (options.seconds ?? 10);
  return before === undefined || after === undefined || acknowledged === 0
    ? result
    : { ...result, serverCpuPerRequestUs: ((after - before) * 1e6) / acknowledged };
}

const birthBody = (motherIds: string[]) => {
  let next = 0;
  return () => ({
    child: {
      name: { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي' },
      sex: next % 2 ? 'M' : 'F',
      dateOfBirth: '2026-11-20',
      placeOfBirth: 'LY-BA-03',
    },
    motherId: motherIds[next++ % motherIds.length],
    plurality: 1,
  });
};

/**
 * Durable births over HTTP from 64 clients, beside the ceiling route (same stack and
 * validation, one group-committed row) and raw better-sqlite3 single-row commits at
 * synchronous=FULL, all measured in this run.
 */
export async function runBirthsBench(seconds = 10, connections = 64): Promise<BirthsBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-bench-http-'));
  const server = await startBenchServer(dataDir);
  try {
    const headers = { authorization: `Bearer ${server.credential}` };
    const common = { url: server.url, method: 'POST' as const, headers, connections, seconds };
    // A short warm-up lets V8 optimise the hot paths before either side is measured.
    await load({ ...common, seconds: 2, path: '/bench/ceiling', body: birthBody(server.motherIds) });
    const pid = server.process.pid!;
    const ceiling = await loadServer(pid, { ...common, path: '/bench/ceiling', body: birthBody(server.motherIds) });
    const births = await loadServer(pid, { ...common, path: '/v1/births', body: birthBody(server.motherIds) });
    const rawCommitsPerSecond = rawSingleRowCommitsPerSecond(join(dataDir, 'raw.db'), 3_000);
    return { births, ceiling, rawCommitsPerSecond, connections, seconds };
  } finally {
    await stopServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatBirthsBench(r: BirthsBenchResult): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
  const cpu = (l: ServerLoadResult) => (l.serverCpuPerRequestUs === undefined ? '' : `${Math.round(l.serverCpuPerRequestUs)} µs`);
  const row = (label: string, l: ServerLoadResult) =>
    `| ${label} | ${rate(l.perSecond)} | ${l.p50Ms} ms | ${l.p99Ms} ms | ${l.failed} | ${cpu(l)} |`;
  return [
    `Durable births over HTTP, ${r.connections} concurrent clients, ${r.seconds} s each:`,
    '',
    '| route | acknowledged | p50 | p99 | failed | server CPU per request |',
    '|---|---|---|---|---|---|',
    row('POST /v1/births', r.births),
    row('ceiling: same stack and validation, one group-committed row', r.ceiling),
    `| raw better-sqlite3 single-row commits, synchronous=FULL | ${rate(r.rawCommitsPerSecond)} | | | | |`,
    '',
    `births / ceiling = ${(r.births.perSecond / r.ceiling.perSecond).toFixed(2)} (goal ≥ 0.5, p99 < 20 ms); ` +
      `births / raw single-row commits = ${(r.births.perSecond / r.rawCommitsPerSecond).toFixed(2)}`,
    '',
    // The clients wait for each answer before sending again, so rate and latency are bound together.
    `${r.connections} clients each waiting for its answer: mean latency = clients / rate (Little's law), ` +
      `${((r.connections / r.births.perSecond) * 1000).toFixed(1)} ms for births; a p99 under 20 ms needs well over ` +
      `${Math.round(r.connections / 0.02).toLocaleString('en')} births/s.`,
  ].join('\n');
}

if (require.main === module) {
  void runBirthsBench().then((result) => process.stdout.write(`${formatBirthsBench(result)}\n`));
}
