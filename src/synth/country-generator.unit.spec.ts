import type { BirthRegistered, PersonEnrolled } from '../domain/person/person-events';
import { earliestDay, precisionOf } from '../domain/shared/partial-date';
import { normaliseArabic } from '../domain/shared/person-name';
import { generateCountry, type SynthOptions } from './country-generator';
import { InMemoryLedger, type LoggedEvent } from './in-memory-ledger';
import { familyNames, femaleGivenNames, maleGivenNames } from './names/arabic-names';
import { applicableVariants, spellWith, spellingVariants } from './names/spelling-variants';
import { Prng } from './prng';
import { synthEventId } from './synth-ids';
import type { SynthSummary } from './synth-summary';

const areaCodes = ['LY-BA-01', 'LY-BA-02', 'LY-BA-03', 'LY-BA-04', 'LY-TB-01', 'LY-TB-02', 'LY-TB-03', 'LY-TB-04', 'LY-MI-01', 'LY-MI-02', 'LY-SB-01', 'LY-DR-01'];

function synthesise(options: Partial<SynthOptions> = {}): { log: LoggedEvent[]; ledger: InMemoryLedger; summary: SynthSummary } {
  const { steps, summary } = generateCountry({ persons: 3_000, years: 10, seed: 'spec', areaCodes, ...options });
  const ledger = new InMemoryLedger();
  for (const step of steps) ledger.record(step);
  return { log: ledger.log, ledger, summary };
}

type Registration = PersonEnrolled | BirthRegistered;
const isRegistration = (e: LoggedEvent) => e.type === 'PersonEnrolled' || e.type === 'BirthRegistered';
const dataOf = (e: LoggedEvent) => e.data as Registration['data'];
const same = (a: string | undefined, b: string | undefined) => normaliseArabic(a ?? '') === normaliseArabic(b ?? '');
/** |observed − expected| within `k` standard deviations of a sum of Bernoulli draws (Poisson bound). */
const withinPoisson = (observed: number, expected: number, k = 4) => Math.abs(observed - expected) <= k * Math.sqrt(expected) + 1;
const withinBinomial = (hits: number, n: number, p: number, k = 4) => Math.abs(hits / n - p) <= k * Math.sqrt((p * (1 - p)) / n) + 1 / n;

describe('sijil synth: the generated country', () => {
  let log: LoggedEvent[];
  let ledger: InMemoryLedger;
  let summary: SynthSummary;
  let registrations: Map<string, Registration['data'] & { type: string; recordedAt: string }>;
  const startYear = () => summary.options.startYear;

  beforeAll(() => {
    ({ log, ledger, summary } = synthesise());
    registrations = new Map(log.filter(isRegistration).map((e) => [dataOf(e).nationalId, { ...dataOf(e), type: e.type, recordedAt: e.recordedAt }]));
  });

  it('passes every rule of the domain: the reference ledger refuses nothing', () => {
    expect(ledger.refusals).toEqual([]);
    expect(log.length).toBeGreaterThan(10_000);
  });

  it('comes out in recording order, each event with a unique time-ordered ID', () => {
    for (let i = 1; i < log.length; i++) expect(log[i]!.recordedAt >= log[i - 1]!.recordedAt).toBe(true);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    const ids = log.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('records what the summary counts', () => {
    const count = (type: string) => log.filter((e) => e.type === type).length;
    const { recorded, counts } = summary;
    expect(count('PersonEnrolled')).toBe(recorded.EnrolPerson);
    expect(count('BirthRegistered')).toBe(recorded.RegisterBirth);
    expect(count('BirthRegistered')).toBe(counts.registeredBirths);
    expect(count('DeathRegistered')).toBe(recorded.RegisterDeath);
    expect(count('MarriageRegistered')).toBe(2 * recorded.RegisterMarriage!);
    expect(recorded.RegisterMarriage).toBe(counts.marriages);
    expect(count('DivorceRegistered')).toBe(2 * counts.divorces);
    expect(count('Emigrated')).toBe(counts.emigrations);
    expect(count('Immigrated')).toBe(counts.returns + counts.immigrants);
    expect(count('EmploymentStarted')).toBe(counts.employmentStarts);
    expect(Object.values(recorded).reduce((s, n) => s! + n!, 0)).toBe(counts.commands - counts.notYetRecorded);
  });

  it('leaves only a small backlog of late registrations unrecorded at the end', () => {
    expect(summary.counts.notYetRecorded).toBeLessThanOrEqual(3 * summary.counts.lateRegistrations + 10);
  });

  describe('rates measured back from the log match the summary within sampling error', () => {
    const inSimulation = (date: string) => Number(date.slice(0, 4)) >= startYear();

    it('deliveries (births to one mother on one day) against the fertility rates', () => {
      const deliveries = new Set<string>();
      for (const r of registrations.values()) {
        if (r.motherId && inSimulation(r.dateOfBirth) && (r.type === 'BirthRegistered' || (r as PersonEnrolled['data']).source?.kind === 'late-registration')) {
          deliveries.add(`${r.motherId} ${r.dateOfBirth}`);
        }
      }
      const expected = summary.years.reduce((s, y) => s + y.expectedDeliveries, 0);
      expect(withinPoisson(deliveries.size + summary.counts.notYetRecorded, expected)).toBe(true);
    });

    it('crude birth rate per year against the population the log holds on 1 January', () => {
      const duplicates = new Set(summary.duplicatePairs.map(([, dup]) => dup));
      const deaths = new Map(log.filter((e) => e.type === 'DeathRegistered').map((e) => [e.streamId.slice(7), (e.data as { dateOfDeath: string }).dateOfDeath]));
      const emigrations = log.filter((e) => e.type === 'Emigrated' || e.type === 'Immigrated');
      let births = 0;
      let expected = 0;
      for (const year of summary.years) {
        const jan1 = `${year.year}-01-01`;
        let population = 0;
        for (const r of registrations.values()) {
          if (duplicates.has(r.nationalId) || earliestDay(r.dateOfBirth) >= jan1) continue;
          if (r.nationality !== 'LY' && !isResidentBy(r.nationalId, jan1)) continue;
          const death = deaths.get(r.nationalId);
          if (death && death < jan1) continue;
          if (abroadOn(r.nationalId, jan1)) continue;
          population++;
        }
        // The truth's population and the log's agree to within the backlog and foreign residents' arrival days.
        expect(Math.abs(population - year.population) / year.population).toBeLessThan(0.01);
        births += [...registrations.values()].filter((r) => r.dateOfBirth.startsWith(`${year.year}-`) && !duplicates.has(r.nationalId) && (r.type === 'BirthRegistered' || r.motherId)).length;
        expected += year.expectedDeliveries * (1 + summary.rates.twinShare);
      }
      expect(withinPoisson(births + summary.counts.notYetRecorded, expected)).toBe(true);

      function isResidentBy(id: string, day: string): boolean {
        return emigrations.some((e) => e.type === 'Immigrated' && e.streamId === `person-${id}` && (e.data as { date: string }).date < day);
      }
      function abroadOn(id: string, day: string): boolean {
        const moves = emigrations.filter((e) => e.streamId === `person-${id}` && (e.data as { date: string }).date < day);
        return moves.length > 0 && moves[moves.length - 1]!.type === 'Emigrated';
      }
    });

    it('deaths against the life table (Gompertz–Makeham) probabilities', () => {
      const deaths = log.filter((e) => e.type === 'DeathRegistered').length;
      const expected = summary.years.reduce((s, y) => s + y.expectedDeaths, 0);
      expect(withinPoisson(deaths, expected)).toBe(true);
    });

    it('sex ratio at birth', () => {
      const born = [...registrations.values()].filter((r) => r.type === 'BirthRegistered');
      const boys = born.filter((r) => r.sex === 'M').length;
      const p = summary.rates.sexRatioAtBirth / (1 + summary.rates.sexRatioAtBirth);
      expect(withinBinomial(boys, born.length, p)).toBe(true);
    });

    it('share of legacy enrolments whose birth date is known only to the year', () => {
      const duplicates = new Set(summary.duplicatePairs.map(([, dup]) => dup));
      const legacy = [...registrations.values()].filter((r) => (r as PersonEnrolled['data']).source?.kind === 'legacy-register' && !duplicates.has(r.nationalId));
      const yearOnly = legacy.filter((r) => precisionOf(r.dateOfBirth) === 'year').length;
      expect(yearOnly).toBe(summary.counts.partialBirthDates.year);
      expect(withinBinomial(yearOnly, legacy.length, summary.rates.defects.partialBirthDateYear)).toBe(true);
    });

    it('polygamy: the share of marriages in which the husband already had a current wife', () => {
      const ends = new Map<string, string>();
      for (const e of log) {
        if (e.type === 'DivorceRegistered') ends.set((e.data as { marriageId: string }).marriageId, (e.data as { date: string }).date);
      }
      const deathOf = new Map(log.filter((e) => e.type === 'DeathRegistered').map((e) => [e.streamId.slice(7), (e.data as { dateOfDeath: string }).dateOfDeath]));
      const byHusband = new Map<string, Array<{ id: string; date: string; wife: string }>>();
      for (const e of log) {
        if (e.type !== 'MarriageRegistered') continue;
        const self = e.streamId.slice(7);
        if (registrations.get(self)!.sex !== 'M') continue;
        const data = e.data as { marriageId: string; spouseId: string; date: string };
        (byHusband.get(self) ?? byHusband.set(self, []).get(self)!).push({ id: data.marriageId, date: data.date, wife: data.spouseId });
      }
      let marriages = 0;
      let polygamous = 0;
      for (const list of byHusband.values()) {
        for (const m of list) {
          marriages++;
          const current = list.filter((o) => o !== m && o.date <= m.date && !((ends.get(o.id) ?? '9999') <= m.date) && !((deathOf.get(o.wife) ?? '9999') <= m.date));
          if (current.length > 0) polygamous++;
        }
      }
      expect(marriages).toBe(summary.counts.marriages);
      expect(polygamous).toBe(summary.counts.polygamousMarriages);
      expect(withinBinomial(polygamous, marriages, summary.rates.polygamyRate)).toBe(true);
    });
  });

  describe('families', () => {
    it("a child's name takes the father's given name, his father's name and his family name; the mother's name is recorded", () => {
      let withFather = 0;
      for (const r of registrations.values()) {
        expect(r.motherName?.given).toBeTruthy();
        expect(r.name.latin?.split(' ').length).toBeGreaterThanOrEqual(4);
        if (!r.fatherId) continue;
        withFather++;
        const father = registrations.get(r.fatherId)!;
        expect(father.sex).toBe('M');
        expect(same(r.name.father, father.name.given)).toBe(true);
        expect(same(r.name.grandfather, father.name.father)).toBe(true);
        expect(same(r.name.family, father.name.family)).toBe(true);
        if (r.motherId) expect(same(r.motherName!.given, registrations.get(r.motherId)!.name.given)).toBe(true);
      }
      expect(withFather).toBeGreaterThan(500);
    });

    it('links parents in the base population too, not only at births', () => {
      const legacy = [...registrations.values()].filter((r) => (r as PersonEnrolled['data']).source?.kind === 'legacy-register');
      expect(legacy.filter((r) => r.fatherId).length / legacy.length).toBeGreaterThan(0.2);
    });
  });

  describe('register defects', () => {
    it('plants duplicates: the same person under another ID, the name equal once normalised', () => {
      expect(summary.duplicatePairs.length).toBeGreaterThan(0);
      for (const [original, duplicate] of summary.duplicatePairs) {
        const a = registrations.get(original);
        const b = registrations.get(duplicate);
        if (!a || !b) continue;
        expect(b.sex).toBe(a.sex);
        expect(b.dateOfBirth.slice(0, 4)).toBe(a.dateOfBirth.slice(0, 4));
        for (const part of ['given', 'father', 'grandfather', 'family'] as const) expect(same(a.name[part], b.name[part])).toBe(true);
      }
    });

    it('registers some births years late, as enrolments naming the parents', () => {
      const late = [...registrations.values()].filter((r) => (r as PersonEnrolled['data']).source?.kind === 'late-registration');
      expect(late.length).toBeGreaterThan(0);
      for (const r of late) {
        expect(r.motherId).toBeDefined();
        expect(Number(r.recordedAt.slice(0, 4)) - Number(r.dateOfBirth.slice(0, 4))).toBeGreaterThanOrEqual(1);
      }
    });

    it('spells some names in the variants registers use, each of the four kinds', () => {
      for (const variant of spellingVariants) expect(summary.counts.spellingVariants[variant] ?? 0).toBeGreaterThan(0);
    });
  });
});

describe('sijil synth: determinism', () => {
  const small = { persons: 600, years: 4 };

  it('the same seed gives byte-identical logs: types, data, metadata, IDs and instants', () => {
    const a = synthesise({ ...small, seed: 'same' });
    const b = synthesise({ ...small, seed: 'same' });
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
  });

  it('another seed gives another country', () => {
    const a = synthesise({ ...small, seed: 'one' });
    const b = synthesise({ ...small, seed: 'two' });
    expect(JSON.stringify(b.log)).not.toBe(JSON.stringify(a.log));
  });

  it('keeps national IDs it was told are in use', () => {
    const first = synthesise({ ...small, seed: 'reserved' }).log.find(isRegistration)!;
    const again = generateCountry({ ...small, seed: 'reserved', areaCodes, reservedNationalIds: [dataOf(first).nationalId] });
    const ids = again.steps.flatMap((s) => (s.command.type === 'EnrolPerson' || s.command.type === 'RegisterBirth' ? [s.command.data.nationalId] : []));
    expect(ids).not.toContain(dataOf(first).nationalId);
  });
});

describe('names and spelling variants', () => {
  it('every variant of every shipped name normalises to the canonical spelling', () => {
    const names = [...maleGivenNames, ...femaleGivenNames, ...familyNames].map((n) => n.ar);
    let variants = 0;
    for (const name of names) {
      for (const variant of applicableVariants(name)) {
        variants++;
        expect(spellWith(variant, name)).not.toBe(name);
        expect(normaliseArabic(spellWith(variant, name))).toBe(normaliseArabic(name));
      }
    }
    expect(variants).toBeGreaterThan(40);
  });

  it('ships each name with a Latin transliteration', () => {
    for (const n of [...maleGivenNames, ...femaleGivenNames, ...familyNames]) expect(n.latin).toMatch(/^[A-Za-z' -]+$/);
  });
});

describe('sfc32 PRNG and identifiers', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, ((r) => () => r.nextUint32())(new Prng(seed)));
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('draws uniformly enough for a demography', () => {
    const random = new Prng('uniform');
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[random.int(10)]++;
    for (const bin of bins) expect(Math.abs(bin - 10_000)).toBeLessThan(500);
  });

  it('makes UUIDv7-shaped event IDs ordered by instant then step', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const a = synthEventId('2020-01-01T12:00:00.000Z', 5, 0);
    const b = synthEventId('2020-01-01T12:00:00.000Z', 6, 0);
    const c = synthEventId('2020-01-02T12:00:00.000Z', 1, 0);
    for (const id of [a, b, c]) expect(id).toMatch(uuid);
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });
});
