import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../src/event-store/event-store.port';
import { MemoryDocuments } from '../src/projections/population/memory-documents';
import { COHORTS, FLOWS, PopulationProjection } from '../src/projections/population/population.projection';
import { populationAt } from '../src/projections/population/population-queries';
import { registerPopulation } from '../src/projections/statistics/register-statistics';
import { SqliteReadModelStore } from '../src/read-models/sqlite/sqlite-read-model-store';
import { projectPopulation } from '../src/statistics/cohort-component';
import { lifeTableFromRates } from '../src/statistics/life-table';
import { projectionLx } from '../src/statistics/projection-lx';
import { Prng } from '../src/synth/prng';

/**
 * Population at a date at 1,000,000 persons, read from the population model in the embedded
 * read-model store, beside a raw SQL GROUP BY over the same persons; and a 100-year single-year
 * two-sex projection beside a bare loop doing a Leslie product of the same size.
 */
export interface StatisticsBenchResult {
  persons: number;
  events: number;
  applyMs: number;
  cohortDocuments: number;
  queryMs: { national: number; byArea: number; published: number };
  baselineMs: number;
  projectionMs: number;
  projectionBaselineMs: number;
}

const AREAS = ['LY-BA-01', 'LY-BA-02', 'LY-BA-03', 'LY-BA-04', 'LY-TB-01', 'LY-TB-02', 'LY-TB-03', 'LY-TB-04', 'LY-MI-01', 'LY-MI-02', 'LY-SB-01', 'LY-DR-01'];
const DAY_MS = 86_400_000;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Person {
  id: string;
  sex: 'F' | 'M';
  birth: number;
  area: string;
  exit?: number;
  moved?: { day: number; area: string };
}

function generate(persons: number): { people: Person[]; events: RecordedEvent[] } {
  const random = new Prng('statistics-bench');
  const start = Date.UTC(1925, 0, 1) / DAY_MS;
  const end = Date.UTC(2025, 11, 31) / DAY_MS;
  const people: Person[] = [];
  const events: RecordedEvent[] = [];
  let position = 0;
  const push = (id: string, revision: number, type: string, data: Record<string, unknown>) =>
    events.push({ id: `e${position}`, streamId: `person-${id}`, revision, position: ++position, type, data, metadata: { schemaVersion: 1 }, recordedAt: '2026-01-01T00:00:00Z' });
  for (let i = 0; i < persons; i++) {
    const id = String(200_000_000_000 + i);
    // Younger cohorts are larger, as in a growing population.
    const birth = Math.floor(end - (end - start) * (1 - Math.sqrt(random.next())));
    const person: Person = { id, sex: random.next() < 0.5 ? 'F' : 'M', birth, area: AREAS[Math.floor(random.next() * AREAS.length)]! };
    people.push(person);
    let revision = 0;
    push(id, revision++, 'PersonEnrolled', { nationalId: id, sex: person.sex, dateOfBirth: iso(birth), placeOfBirth: person.area, source: { kind: 'legacy-register', reference: 'bench' } });
    if (random.next() < 0.04) {
      const day = birth + Math.floor(random.next() * (end - birth));
      const area = AREAS[Math.floor(random.next() * AREAS.length)]!;
      if (area !== person.area) {
        person.moved = { day, area };
        push(id, revision++, 'ResidenceChanged', { area, date: iso(day) });
      }
    }
    const age = (end - birth) / 365.25;
    if (random.next() < Math.min(0.9, (age / 100) ** 2)) {
      const day = Math.max(birth + Math.floor(random.next() * (end - birth)), person.moved?.day ?? 0);
      person.exit = day;
      push(id, revision++, random.next() < 0.9 ? 'DeathRegistered' : 'Emigrated', { dateOfDeath: iso(day), date: iso(day), country: 'TN' });
    }
  }
  return { people, events };
}

function rawBaseline(people: Person[], dir: string, date: string): number {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE persons (sex TEXT, birth TEXT, area TEXT, entered INTEGER, exited INTEGER)');
  const insert = db.prepare('INSERT INTO persons VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const p of people) {
      if (p.moved) {
        insert.run(p.sex, iso(p.birth), p.area, p.birth, p.moved.day);
        insert.run(p.sex, iso(p.birth), p.moved.area, p.moved.day, p.exit ?? null);
      } else insert.run(p.sex, iso(p.birth), p.area, p.birth, p.exit ?? null);
    }
  })();
  const day = Date.parse(date) / DAY_MS;
  const query = db.prepare(`SELECT sex, MIN(100, CAST(substr(?, 1, 4) AS INTEGER) - CAST(substr(birth, 1, 4) AS INTEGER)
      - (substr(?, 6) < substr(birth, 6))) AS age, COUNT(*) AS n
    FROM persons WHERE entered <= ? AND (exited IS NULL OR exited > ?) GROUP BY sex, age`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    query.all(date, date, day, day);
    times.push(performance.now() - started);
  }
  db.close();
  return median(times);
}

function projectionTimes(): { projectionMs: number; baselineMs: number } {
  const ages = Array.from({ length: 101 }, (_, a) => a);
  const mx = ages.map((a) => 0.0005 + 0.00003 * Math.exp(0.095 * a) + (a === 0 ? 0.02 : 0));
  const Lx = { F: projectionLx(lifeTableFromRates({ sex: 'F', ages, mx }), 1, 100), M: projectionLx(lifeTableFromRates({ sex: 'M', ages, mx: mx.map((m) => m * 1.2) }), 1, 100) };
  const input = {
    baseYear: 2025, step: 1 as const, horizon: 100, l0: 100_000, sexRatioAtBirth: 1.05,
    population: { F: ages.map((a) => 60_000 - 400 * a), M: ages.map((a) => 61_000 - 420 * a) },
    Lx, asfr: ages.map((a) => (a >= 15 && a <= 49 ? 0.07 : 0)),
    migration: { F: ages.map(() => 10), M: ages.map(() => 12), convention: 'mid-period' as const },
    scenario: { tfr: { target: 2.1, year: 2060 } },
  };
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    projectPopulation(input);
    times.push(performance.now() - started);
  }
  // Baseline: 100 steps of a bare two-sex Leslie product over the same 101 groups.
  const survival = Float64Array.from(ages, (a) => Lx.F[Math.min(a + 1, 100)]! / Lx.F[a]!);
  const base: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    let F = Float64Array.from(input.population.F);
    let M = Float64Array.from(input.population.M);
    for (let year = 0; year < 100; year++) {
      const nextF = new Float64Array(101);
      const nextM = new Float64Array(101);
      let births = 0;
      for (let a = 15; a <= 49; a++) births += 0.07 * F[a]!;
      for (let a = 0; a < 100; a++) (nextF[a + 1] = F[a]! * survival[a]!), (nextM[a + 1] = M[a]! * survival[a]!);
      nextF[100]! += F[100]! * survival[100]!;
      nextM[100]! += M[100]! * survival[100]!;
      nextF[0] = births / 2.05;
      nextM[0] = (births * 1.05) / 2.05;
      F = nextF;
      M = nextM;
    }
    base.push(performance.now() - started);
  }
  return { projectionMs: median(times), baselineMs: median(base) };
}

export async function runStatisticsBench(persons = 1_000_000): Promise<StatisticsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-stats-bench-'));
  try {
    const { people, events } = generate(persons);
    const memory = new MemoryDocuments();
    const projection = new PopulationProjection();
    const applyStarted = performance.now();
    for (let start = 0; start < events.length; start += 100_000) {
      const unit = memory.unitOfWork();
      await projection.apply(events.slice(start, start + 100_000), unit);
      unit.commit(events[Math.min(start + 100_000, events.length) - 1]!.position);
    }
    const applyMs = performance.now() - applyStarted;

    // The aggregates move into the embedded read-model store, which the routes read.
    const store = new SqliteReadModelStore(join(dir, 'read-models'));
    await store.define(projection.collections);
    const writes = [COHORTS, FLOWS].flatMap((collection) => memory.findAll(collection).map((document) => ({ kind: 'put' as const, collection, document })));
    await store.commit(projection.name, events.length, writes);
    const date = '2025-07-01';
    const time = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await work();
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const queryMs = {
      national: await time(() => populationAt(store, date)),
      byArea: await time(() => populationAt(store, date, undefined, true)),
      published: await time(() => registerPopulation(store, date, { age: 'age5', sex: true, area: true }, undefined, 5)),
    };
    const cohortDocuments = memory.size(COHORTS);
    await store.close();
    const baselineMs = rawBaseline(people, dir, date);
    const { projectionMs, baselineMs: projectionBaselineMs } = projectionTimes();
    return { persons, events: events.length, applyMs, cohortDocuments, queryMs, baselineMs, projectionMs, projectionBaselineMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatStatisticsBench(r: StatisticsBenchResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `${r.persons.toLocaleString('en')} persons (${r.events.toLocaleString('en')} events: enrolments 1925–2025 in ${AREAS.length} districts, moves, deaths, emigrations) applied through the population projection in ${(r.applyMs / 1000).toFixed(1)} s, ${r.cohortDocuments.toLocaleString('en')} cohort documents; queries on the embedded SQLite read-model store, median of 7.`,
    '',
    '| measure | Sijil | baseline | ratio | goal |',
    '|---|---|---|---|---|',
    `| population on a date, nation by single age and sex | ${ms(r.queryMs.national)} | raw SQL GROUP BY over 1M person rows: ${ms(r.baselineMs)} | ${(r.queryMs.national / r.baselineMs).toFixed(2)} | < 200 ms |`,
    `| same, by leaf area | ${ms(r.queryMs.byArea)} | | | |`,
    `| published table age5 × sex × area with suppression | ${ms(r.queryMs.published)} | | | |`,
    `| 100-year single-year two-sex projection (median of 50) | ${ms(r.projectionMs)} | bare Leslie loop: ${ms(r.projectionBaselineMs)} | ${(r.projectionMs / r.projectionBaselineMs).toFixed(1)} | < 50 ms |`,
  ].join('\n');
}

if (require.main === module) {
  void runStatisticsBench(Number(process.argv[2] ?? 1_000_000)).then((result) => process.stdout.write(`${formatStatisticsBench(result)}\n`));
}
