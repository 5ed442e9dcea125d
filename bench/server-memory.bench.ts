import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { load } from './http/load';
import { stopServerProcess } from './http/server-process';
import { addAgency, cli, rssMbOf, serveData, untilLive } from './http/sijil-serve';
import { generatePersonLog } from './person-log';

export interface ServerMemoryBenchResult {
  persons: number;
  events: number;
  fillSeconds: number;
  /** `sijil projections rebuild --data DIR` in its own process (threads: the cores). */
  rebuild: { seconds: number; eventsPerSecond: number; peakRssMb: number };
  /** Baseline: `sijil serve` on an empty data folder, once live. */
  emptyRssMb: number;
  /** `sijil serve` on the rebuilt folder: peak from start until live, and once live. */
  startPeakRssMb: number;
  liveRssMb: number;
  /** Under identity, history and search reads of persons spread across the log. */
  readsPeakRssMb: number;
  readsPerSecond: number;
  failed: number;
}

/** generatePersonLog writes about 4.24 events per person (enrolment, education, card, and some of job, move, marriage, death). */
const EVENTS_PER_PERSON = 4.24;
const SAMPLE_MS = 250;
/** Time given to a live server before its resting RSS is read, the same for the empty folder and the loaded one. */
const SETTLE_MS = 2_000;

/** Peak of a process's RSS, sampled from now until stopped. */
function rssSampler(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS') {
  let peak = rssMbOf(pid, field);
  const timer = setInterval(() => (peak = Math.max(peak, rssMbOf(pid, field))), SAMPLE_MS);
  return {
    peak: () => Math.max(peak, rssMbOf(pid, field)),
    reset: () => (peak = rssMbOf(pid, field)),
    stop: () => clearInterval(timer),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** The real `sijil projections rebuild`, as an operator runs it before serving; its peak RSS from the kernel's high-water mark. */
async function rebuild(dataDir: string): Promise<{ seconds: number; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'projections', 'rebuild', '--data', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  const sampler = rssSampler(child.pid!, 'VmHWM');
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
  try {
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`sijil projections rebuild exited with ${code}: ${errors}`);
    return { seconds: (performance.now() - started) / 1000, peakRssMb: sampler.peak() };
  } finally {
    sampler.stop();
  }
}

/** RSS of `sijil serve` on a data folder with no events: what the server costs before any person. */
async function emptyServerRssMb(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-memory-empty-'));
  const server = serveData(dir);
  try {
    await untilLive(await server.listening);
    await settle();
    return rssMbOf(server.process.pid!);
  } finally {
    await stopServerProcess(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Persons spread across the log, each with what a search for them sends: the four-part name and birth year. */
function samplePersons(dataDir: string, count: number): { persons: number; sample: Array<{ nid: string; name: string; birthYear: string }> } {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const { persons } = db.prepare(`SELECT count(*) AS persons FROM events WHERE type = 'PersonEnrolled'`).get() as { persons: number };
    const every = Math.max(1, Math.floor(persons / count));
    const rows = db.prepare(`SELECT data FROM events WHERE type = 'PersonEnrolled' AND position % ? = 0 LIMIT ?`).all(every, count) as Array<{ data: string }>;
    const sample = rows.map(({ data }) => {
      const { nationalId, name, dateOfBirth } = JSON.parse(data) as { nationalId: string; name: Record<string, string>; dateOfBirth: string };
      return { nid: nationalId, name: [name.given, name.father, name.grandfather, name.family].join(' '), birthYear: dateOfBirth.slice(0, 4) };
    });
    return { persons, sample };
  } finally {
    db.close();
  }
}

/**
 * Issue 4's "peak memory (RSS) of the server with 1,000,000 persons loaded": a fresh data folder
 * filled with `persons` persons' streams, their projections rebuilt by `sijil projections
 * rebuild`, then `sijil serve` on it, its RSS once live and its peak under ten seconds of identity,
 * history and search reads; beside the same server on an empty folder, measured in the same run.
 */
export async function runServerMemoryBench({ persons = 1_000_000, seconds = 10 }: { persons?: number; seconds?: number } = {}): Promise<ServerMemoryBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-memory-bench-'));
  try {
    let started = performance.now();
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    let events: number;
    try {
      events = await generatePersonLog(store, { events: Math.round(persons * EVENTS_PER_PERSON) });
    } finally {
      await store.close();
    }
    const fillSeconds = (performance.now() - started) / 1000;
    const rebuilt = await rebuild(dir);
    const emptyRssMb = await emptyServerRssMb();

    const credential = addAgency(dir, 'memory bench', 'supervisor');
    const { persons: enrolled, sample } = samplePersons(dir, 2_000);
    started = performance.now();
    const server = serveData(dir);
    const sampler = rssSampler(server.process.pid!);
    try {
      const url = await server.listening;
      await untilLive(url);
      await settle();
      const startPeakRssMb = sampler.peak();
      const liveRssMb = rssMbOf(server.process.pid!);
      sampler.reset();
      let i = 0;
      const nextPath = () => {
        const person = sample[Math.floor(i / 3) % sample.length]!;
        const kind = i++ % 3;
        if (kind === 0) return `/v1/persons/${person.nid}`;
        if (kind === 1) return `/v1/persons/${person.nid}/history`;
        return `/v1/persons?name=${encodeURIComponent(person.name)}&birthYear=${person.birthYear}`;
      };
      const reads = await load({
        url,
        path: nextPath(),
        nextPath,
        headers: { authorization: `Bearer ${credential}`, 'x-purpose': 'memory benchmark' },
        seconds,
      });
      return {
        persons: enrolled,
        events,
        fillSeconds,
        rebuild: { seconds: rebuilt.seconds, eventsPerSecond: events / rebuilt.seconds, peakRssMb: rebuilt.peakRssMb },
        emptyRssMb,
        startPeakRssMb,
        liveRssMb,
        readsPeakRssMb: sampler.peak(),
        readsPerSecond: reads.perSecond,
        failed: reads.failed,
      };
    } finally {
      sampler.stop();
      await stopServerProcess(server);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatServerMemoryBench(r: ServerMemoryBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `sijil serve with ${n(r.persons)} persons (${n(r.events)} events, log filled in ${r.fillSeconds.toFixed(0)} s); goal: server RSS < 300 MB`,
    `projections rebuild  ${r.rebuild.seconds.toFixed(1)} s  (${n(r.rebuild.eventsPerSecond)} events/s), peak RSS ${n(r.rebuild.peakRssMb)} MB`,
    `baseline: empty      sijil serve on an empty data folder, RSS once live ${n(r.emptyRssMb)} MB`,
    `serve, loaded        RSS once live ${n(r.liveRssMb)} MB (peak from start ${n(r.startPeakRssMb)} MB)`,
    `serve, under reads   peak RSS ${n(r.readsPeakRssMb)} MB; ${n(r.readsPerSecond)} reads/s (identity, history, search in turn), ${r.failed} failed`,
    `ratio to the empty server: once live ${(r.liveRssMb / r.emptyRssMb).toFixed(2)}, under reads ${(r.readsPeakRssMb / r.emptyRssMb).toFixed(2)}`,
  ].join('\n');
}
