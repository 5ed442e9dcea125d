import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { newEventId } from '../../src/event-store/event-id';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

/** One append of `count` events to a fresh stream; both stores get the same events. */
type Appender = (streamId: string, events: Array<{ type: string; data: Record<string, unknown> }>) => Promise<unknown>;

export interface PeerRate {
  eventsPerAppend: number;
  concurrency: number;
  sijil: number;
  emmett: number;
  /** sijil / emmett */
  ratio: number;
  /** Appends that failed (not counted in the rates). */
  failed: { sijil: number; emmett: number };
}

const birth = (i: number) => ({
  type: 'BirthRegistered',
  data: {
    nationalId: `2${String(i).padStart(11, '0')}`,
    name: { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي' },
    sex: 'F',
    dateOfBirth: '2026-11-20',
    placeOfBirth: 'LY-BA-03',
    motherId: '412345678902',
    plurality: 1,
  },
});

/** Events appended per second by `concurrency` appenders, each append opening a new stream; failed appends counted apart. */
async function eventsPerSecond(
  append: Appender,
  eventsPerAppend: number,
  concurrency: number,
  durationMs: number,
): Promise<{ perSecond: number; failedAppends: number }> {
  let appended = 0;
  let failedAppends = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < durationMs) {
      const events = Array.from({ length: eventsPerAppend }, (_, i) => birth(appended + i));
      try {
        await append(`person-${newEventId()}`, events);
        appended += eventsPerAppend;
      } catch {
        failedAppends += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { perSecond: (appended * 1000) / (performance.now() - started), failedAppends };
}

async function measure(dir: string, eventsPerAppend: number, concurrency: number, durationMs: number): Promise<PeerRate> {
  const tag = `${eventsPerAppend}-${concurrency}`;
  const ours = new SqliteEventStore(join(dir, `sijil-${tag}.sqlite`));
  const ourRate = await eventsPerSecond(
    (streamId, events) =>
      ours.appendToStream(streamId, events.map((e) => ({ id: newEventId(), ...e, metadata: { schemaVersion: 1 } })), { expectedRevision: 'no_stream' }),
    eventsPerAppend,
    concurrency,
    durationMs,
  );
  await ours.close();
  const peer = getSQLiteEventStore({ fileName: join(dir, `emmett-${tag}.sqlite`) });
  // emmett-sqlite 0.38.5 fails concurrent appends on one store (SQLITE_BUSY: cannot commit
  // transaction - SQL statements in progress), so its appenders wait their turn, as an
  // application using it would have to make them.
  let turn: Promise<unknown> = Promise.resolve();
  const serialised: Appender = (streamId, events) => {
    const append = turn.then(() => peer.appendToStream(streamId, events));
    turn = append.catch(() => undefined);
    return append;
  };
  // emmett-sqlite 0.38.5 also fails some appends with that error when the machine is loaded.
  const peerRate = await eventsPerSecond(serialised, eventsPerAppend, concurrency, durationMs);
  return {
    eventsPerAppend,
    concurrency,
    sijil: ourRate.perSecond,
    emmett: peerRate.perSecond,
    ratio: ourRate.perSecond / peerRate.perSecond,
    failed: { sijil: ourRate.failedAppends, emmett: peerRate.failedAppends },
  };
}

/**
 * Sijil's embedded store beside @event-driven-io/emmett-sqlite 0.38.5 (WAL, SQLite's default
 * synchronous=FULL), appending one event per append and 100 per append, from one appender and
 * from 64 concurrent ones, in the same run.
 */
export async function runPeerBench(durationMs = 3000): Promise<PeerRate[]> {
  const rates: PeerRate[] = [];
  for (const [eventsPerAppend, concurrency] of [[1, 1], [1, 64], [100, 1], [100, 64]] as const) {
    rates.push(await measureInChildProcess(eventsPerAppend, concurrency, durationMs));
  }
  return rates;
}

/**
 * Each configuration runs in a fresh process: emmett-sqlite opens a connection per operation,
 * and a store left from an earlier measurement made later ones fail with SQLITE_BUSY.
 */
const resultMark = 'PEER-RESULT ';

function measureInChildProcess(eventsPerAppend: number, concurrency: number, durationMs: number): Promise<PeerRate> {
  const child = spawn(process.execPath, [__filename, JSON.stringify({ eventsPerAppend, concurrency, durationMs })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      // emmett-sqlite logs its own errors on stdout: read only the marked result line.
      const line = output.split('\n').find((l) => l.startsWith(resultMark));
      if (code === 0 && line) resolve(JSON.parse(line.slice(resultMark.length)) as PeerRate);
      else reject(new Error(`peer measurement exited with ${code}`));
    }),
  );
}

async function measureHere({ eventsPerAppend, concurrency, durationMs }: { eventsPerAppend: number; concurrency: number; durationMs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-peer-'));
  try {
    process.stdout.write(`\n${resultMark}${JSON.stringify(await measure(dir, eventsPerAppend, concurrency, durationMs))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPeerBench(rates: PeerRate[]): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
  return [
    'Embedded store beside emmett-sqlite 0.38.5, events appended per second (each append opens a new stream):',
    '',
    '| events per append | concurrent appenders | Sijil | emmett-sqlite | ratio | failed appends (Sijil / emmett) |',
    '|---|---|---|---|---|---|',
    ...rates.map(
      (r) =>
        `| ${r.eventsPerAppend} | ${r.concurrency} | ${rate(r.sijil)} | ${rate(r.emmett)} | ${r.ratio.toFixed(1)} | ${r.failed.sijil} / ${r.failed.emmett} |`,
    ),
  ].join('\n');
}

if (require.main === module) {
  const configuration = process.argv[2];
  if (configuration) void measureHere(JSON.parse(configuration));
  else void runPeerBench().then((rates) => process.stdout.write(`${formatPeerBench(rates)}\n`));
}
