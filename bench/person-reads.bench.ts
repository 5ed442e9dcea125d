import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../src/app/clock';
import type { PersonEvent } from '../src/domain/person/person-events';
import { verhoeffCheckDigit } from '../src/domain/shared/verhoeff';
import type { RecordedEvent } from '../src/event-store/event-store.port';
import { personStreamId } from '../src/ledger/person-stream';
import { StagedUnitOfWork } from '../src/read-models/engine/unit-of-work';
import type { ReadModelStore } from '../src/read-models/read-model.port';
import { SqliteReadModelStore } from '../src/read-models/sqlite/sqlite-read-model-store';
import { GetHistory, GetHistoryHandler } from '../src/projections/history/get-history.query';
import { GetIdentityView, GetIdentityViewHandler } from '../src/projections/identity-view/get-identity-view.query';
import type { PersonReadRequest } from '../src/projections/person-read/person-read-request';
import { CURRENT_IDENTITY } from '../src/projections/persons/person-documents';
import { PersonReadModel } from '../src/projections/persons/person-read-model';
import { PersonsProjection } from '../src/projections/persons/persons.projection';
import { NoReadBarrier } from '../src/projections/persons/read-barrier';
import { random } from './seeded-random';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface PersonReadsBenchResult {
  persons: number;
  events: number;
  populateSeconds: number;
  /** Baseline: one raw document get from the same store. */
  rawGet: Latency;
  identity: Latency;
  identityAsOf: Latency;
  history: Latency;
}

/** Deterministic, unique national IDs: a counter for the body, a Verhoeff check digit. */
const nationalIdOf = (n: number): string => {
  const digits = `${2 + (Math.floor(n / 1e10) % 8)}${String(n % 1e10).padStart(10, '0')}`;
  return `${digits}${verhoeffCheckDigit(digits)}`;
};

const GIVEN = { F: ['فاطمة', 'خديجة', 'مريم', 'عائشة'], M: ['محمد', 'علي', 'حسن', 'عمر'] };
const FAMILIES = ['العبيدي', 'الترهوني', 'المصراتي', 'الفيتوري', 'الورفلي'];

/**
 * The events of persons [from, to): each enrolled (a fifth naming two earlier persons as parents),
 * with education, a card, for some a job and a move, married pairs in both streams, a few deaths.
 */
function eventsOf(from: number, to: number, next: () => number, position: { value: number }): RecordedEvent[] {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const streams: Array<{ id: string; sex: 'F' | 'M'; events: PersonEvent[] }> = [];
  for (let n = from; n < to; n++) {
    const id = nationalIdOf(n);
    const sex = n % 2 === 0 ? ('F' as const) : ('M' as const);
    const year = 1940 + Math.floor(next() * 60);
    const parents = n > 1000 && next() < 0.2 ? { motherId: nationalIdOf(n - 1000 - ((n - 1000) % 2)), fatherId: nationalIdOf(n - 999 - ((n - 1000) % 2)) } : {};
    const events: PersonEvent[] = [
      {
        type: 'PersonEnrolled',
        data: {
          nationalId: id,
          name: { given: pick(GIVEN[sex]), father: pick(GIVEN.M), grandfather: pick(GIVEN.M), family: pick(FAMILIES) },
          sex,
          dateOfBirth: `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
          placeOfBirth: 'LY-BA-01',
          nationality: 'LY',
          residency: 'citizen',
          motherName: { given: pick(GIVEN.F), family: pick(FAMILIES) },
          ...parents,
          source: { kind: 'legacy-register', reference: `register ${n % 900}, page ${n % 400}` },
        },
      },
      { type: 'EducationRecorded', data: { level: 1 + Math.floor(next() * 7), institution: 'University of Benghazi', status: 'completed', date: `${year + 20}-06-01` } },
      { type: 'IdentityCardIssued', data: { cardNumber: `C${id}`, date: '2020-01-01', expiresOn: '2030-01-01', office: 'LY-BA-03-OFF1' } },
    ];
    if (next() < 0.6) events.push({ type: 'EmploymentStarted', data: { employmentId: `E${id}`, employer: 'Ministry of Health', occupation: '2211', sector: 'public', date: `${year + 24}-06-01` } });
    if (next() < 0.5) events.push({ type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: `${year + 26}-06-01` } });
    streams.push({ id, sex, events });
  }
  for (let i = 0; i + 1 < streams.length; i += 2) {
    if (next() >= 0.6) continue;
    const [wife, husband] = [streams[i]!, streams[i + 1]!];
    const marriageId = `M${husband.id}`;
    const data = (spouseId: string) => ({ marriageId, spouseId, date: '2024-01-01', place: 'LY-BA-03', contractReference: `MC-${husband.id}` });
    husband.events.push({ type: 'MarriageRegistered', data: data(wife.id) });
    wife.events.push({ type: 'MarriageRegistered', data: data(husband.id) });
  }
  for (const stream of streams) {
    if (next() < 0.05) stream.events.push({ type: 'DeathRegistered', data: { dateOfDeath: '2025-03-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21', certifier: { kind: 'hospital', reference: 'H-1' } } });
  }
  const recordedAt = '2026-01-01T00:00:00.000Z';
  return streams.flatMap(({ id, events }) =>
    events.map((event, revision) => ({
      id: `ev-${(position.value += 1)}`,
      streamId: personStreamId(id),
      revision,
      position: position.value,
      type: event.type,
      data: event.data,
      metadata: { schemaVersion: 1 },
      recordedAt,
    })),
  );
}

/** The projection's apply over generated events in big batches, each committed with its checkpoint. */
async function populate(store: ReadModelStore, persons: number, chunk = 10_000): Promise<number> {
  const projection = new PersonsProjection();
  await store.define(projection.collections);
  const next = random(7);
  const position = { value: 0 };
  let events = 0;
  for (let from = 0; from < persons; from += chunk) {
    const batch = eventsOf(from, Math.min(persons, from + chunk), next, position);
    const unitOfWork = new StagedUnitOfWork(store);
    await projection.apply(batch, unitOfWork);
    await store.commit(projection.name, position.value, unitOfWork.writes());
    events += batch.length;
  }
  return events;
}

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * p50 and p99 of `samples` reads of persons spread over the whole store, taken in five rounds and
 * reported as the median round: on a machine shared with other work, one burst of contention
 * (or a major GC) moves one round's p99, not the figure.
 */
async function measure(samples: number, ids: string[], read: (nationalId: string) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 2_000; i++) await read(ids[i % ids.length]!);
  const perRound = Math.floor(samples / ROUNDS);
  const rounds: Latency[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times = new Float64Array(perRound);
    for (let i = 0; i < perRound; i++) {
      const id = ids[((round * perRound + i) * 7919) % ids.length]!;
      const start = process.hrtime.bigint();
      await read(id);
      times[i] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    times.sort();
    const at = (q: number) => Math.round(times[Math.min(perRound - 1, Math.floor(q * perRound))]! * 1000) / 1000;
    rounds.push({ p50Ms: at(0.5), p99Ms: at(0.99) });
  }
  return { p50Ms: median(rounds.map((r) => r.p50Ms)), p99Ms: median(rounds.map((r) => r.p99Ms)) };
}

/**
 * Identity view and history in-process, through the query handlers over the SQLite read model
 * the projection filled, for `persons` persons; beside one raw document get from the same store.
 */
export async function runPersonReadsBench({ persons = 100_000, samples = 20_000 }: { persons?: number; samples?: number } = {}): Promise<PersonReadsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-bench-reads-'));
  const store = new SqliteReadModelStore(join(dir, 'read-models'));
  try {
    const started = Date.now();
    const events = await populate(store, persons);
    const populateSeconds = (Date.now() - started) / 1000;
    const reads = new PersonReadModel(store);
    const identity = new GetIdentityViewHandler(reads, new NoReadBarrier(), new SystemClock());
    const history = new GetHistoryHandler(reads, new NoReadBarrier());
    const reader: PersonReadRequest['reader'] = { clientId: 'bench', role: 'registrar' };
    const request = (point: PersonReadRequest['point'] = {}): PersonReadRequest => ({ reader, purpose: 'bench', point });
    const random = Array.from({ length: Math.min(persons, 50_000) }, (_, i) => nationalIdOf(Math.floor((i * 2654435761) % persons)));
    return {
      persons,
      events,
      populateSeconds,
      rawGet: await measure(samples, random, (id) => store.get(CURRENT_IDENTITY, id)),
      identity: await measure(samples, random, (id) => identity.execute(new GetIdentityView(id, request()))),
      identityAsOf: await measure(samples, random, (id) => identity.execute(new GetIdentityView(id, request({ asOf: '2024-06-01' })))),
      history: await measure(samples, random, (id) => history.execute(new GetHistory(id, request()))),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPersonReadsBench(results: PersonReadsBenchResult[]): string {
  const row = (label: string, pick: (r: PersonReadsBenchResult) => Latency) =>
    `| ${label} | ${results.map((r) => `${pick(r).p50Ms} / ${pick(r).p99Ms} ms`).join(' | ')} |`;
  const [small, large] = results;
  const ratio = (pick: (r: PersonReadsBenchResult) => Latency) => (small && large ? (pick(large).p99Ms / pick(small).p99Ms).toFixed(2) : '-');
  return [
    'Person reads in-process (query handler over the SQLite read model), p50 / p99 (median of five rounds of 4,000 reads):',
    '',
    `| read | ${results.map((r) => `${r.persons.toLocaleString('en')} persons (${r.events.toLocaleString('en')} events, filled in ${r.populateSeconds.toFixed(0)} s)`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    row('baseline: raw get of one document', (r) => r.rawGet),
    row('GET /v1/persons/{nid}', (r) => r.identity),
    row('GET /v1/persons/{nid}?asOf=2024-06-01', (r) => r.identityAsOf),
    row('GET /v1/persons/{nid}/history', (r) => r.history),
    '',
    `p99 ratio of the larger to the smaller: identity ${ratio((r) => r.identity)}, asOf ${ratio((r) => r.identityAsOf)}, history ${ratio((r) => r.history)} (goal: p99 < 2 ms, ratio ≤ 1.5)`,
  ].join('\n');
}

if (require.main === module) {
  void (async () => {
    const sizes = (process.env.BENCH_PERSONS ?? '100000,1000000').split(',').map(Number);
    const results: PersonReadsBenchResult[] = [];
    for (const persons of sizes) results.push(await runPersonReadsBench({ persons }));
    process.stdout.write(`${formatPersonReadsBench(results)}\n`);
  })();
}
