import { MemoryDocuments } from './memory-documents';
import { EventLog } from './population-events.fixture';
import { flowsBetween, personYears, populationAt } from './population-queries';
import { PopulationProjection } from './population.projection';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('population read model', () => {
  let log: EventLog;
  let store: MemoryDocuments;
  const projection = new PopulationProjection();
  const apply = async (...events: ReturnType<EventLog['event']>[]) => {
    const unit = store.unitOfWork();
    await projection.apply(events, unit);
    unit.commit(events.at(-1)?.position);
  };
  const at = async (date: string, area?: string) => (await populationAt(store, date, area)).get(area ?? '*')!;

  beforeEach(() => {
    log = new EventLog();
    store = new MemoryDocuments();
  });

  it('counts people present at the end of a day at the age reached by then', async () => {
    await apply(log.born('1', 'F', '1990-03-10'), log.born('2', 'M', '1990-03-11'), log.born('3', 'F', '2000-01-01', 'LY-TB-01'));
    const p = await at('2020-03-10');
    expect(p.F[30]).toBe(1); // her 30th birthday
    expect(p.M[29]).toBe(1); // his is tomorrow
    expect(p.F[20]).toBe(1);
    expect((await at('1989-12-31')).F.every((n) => n === 0)).toBe(true);
    expect(sum((await at('2020-01-01', 'LY-TB')).F)).toBe(1);
    expect(sum((await at('2020-01-01', 'LY-BA-01')).F)).toBe(1);
  });

  it('a death on a day removes the person at its end; emigration, immigration and moves follow', async () => {
    await apply(log.born('1', 'F', '1950-06-01'), log.died('1', '2000-06-01'));
    expect(sum((await at('2000-05-31')).F)).toBe(1);
    expect(sum((await at('2000-06-01')).F)).toBe(0);
    await apply(
      log.born('2', 'M', '1980-01-01'),
      log.event('2', 'Emigrated', { country: 'TN', date: '2001-01-01' }),
      log.event('2', 'Immigrated', { country: 'TN', area: 'LY-TB-01', date: '2005-01-01' }),
      log.event('2', 'ResidenceChanged', { area: 'LY-BA-03', date: '2010-01-01' }),
    );
    expect(sum((await at('2003-01-01')).M)).toBe(0);
    expect(sum((await at('2006-01-01', 'LY-TB-01')).M)).toBe(1);
    expect(sum((await at('2011-01-01', 'LY-TB-01')).M)).toBe(0);
    expect((await at('2011-01-01', 'LY-BA-03')).M[31]).toBe(1);
    const flows = await flowsBetween(store, '2000-01-01', '2010-12-31', 'LY-TB-01');
    expect(sum(flows.byKind.immigration.M)).toBe(1);
    expect(sum(flows.byKind['move-out'].M)).toBe(1);
    expect(sum((await flowsBetween(store, '2000-01-01', '2010-12-31')).byKind.death.F)).toBe(1);
  });

  it('a corrected birth date moves the person to another cohort; an annulled registration stops counting', async () => {
    const birth = log.born('1', 'F', '1990-01-01');
    await apply(birth);
    await apply(log.event('1', 'RecordCorrected', { correctedEventId: birth.id, changes: [{ field: 'dateOfBirth', from: '1990-01-01', to: '1985-01-01' }], date: '2020-01-01' }));
    const p = await at('2020-06-01');
    expect(p.F[35]).toBe(1);
    expect(sum(p.F)).toBe(1);
    await apply(log.event('1', 'RegistrationAnnulled', { annulledEventId: birth.id, date: '2021-01-01' }));
    expect(sum((await at('2020-06-01')).F)).toBe(0);
    expect(store.size('population_cohorts')).toBe(0);
    expect(store.size('population_flows')).toBe(0);
  });

  it('an enrolment on a residence permit counts the person present but not as a birth, and keeps only the source kind', async () => {
    const source = { kind: 'residence-permit', reference: 'permit 77' };
    await apply(log.event('1', 'PersonEnrolled', { nationalId: '1', sex: 'M', dateOfBirth: '1990-01-01', placeOfBirth: 'LY-BA-01', source }));
    expect(sum((await at('2020-01-01')).M)).toBe(1);
    expect(sum((await flowsBetween(store, '1990-01-01', '1990-12-31')).byKind.birth.M)).toBe(0);
    expect(store.findAll('population_persons')).toMatchObject([{ kept: [{ data: { source: { kind: 'residence-permit' } } }] }]);
    expect(JSON.stringify(store.findAll('population_persons'))).not.toContain('permit 77');
  });

  it('partial birth dates: a year stands for 1 July, a month for the 15th', async () => {
    await apply(log.born('1', 'F', '1961'), log.born('2', 'M', '1961-03'));
    expect((await at('2000-06-30')).F[38]).toBe(1);
    expect((await at('2000-07-01')).F[39]).toBe(1);
    expect((await at('2000-03-14')).M[38]).toBe(1);
    expect((await at('2000-03-15')).M[39]).toBe(1);
  });

  it('births count at the mother\'s age, and follow a correction of her birth date', async () => {
    const mother = log.born('1', 'F', '1990-05-01');
    await apply(mother, log.born('2', 'M', '2020-04-30', 'LY-BA-01', '1'));
    const births = async () => (await flowsBetween(store, '2020-01-01', '2020-12-31')).byKind.birth.M;
    expect((await births())[29 + 1]).toBe(1);
    await apply(log.event('1', 'RecordCorrected', { correctedEventId: mother.id, changes: [{ field: 'dateOfBirth', from: '1990-05-01', to: '1985-05-01' }], date: '2021-01-01' }));
    expect((await births())[34 + 1]).toBe(1);
    expect(sum(await births())).toBe(1);
  });

  it('person-years: one person through a whole year is one person-year, split at the birthday', async () => {
    await apply(log.born('1', 'F', '1990-07-02'));
    const py = await personYears(store, '2020-01-01', '2020-12-31');
    expect(py.F[29]! * 365.25).toBeCloseTo(183); // 1 January to 1 July 2020 (leap year)
    expect(py.F[30]! * 365.25).toBeCloseTo(183);
  });

  it('the same events give the same documents whether applied one by one or in one batch', async () => {
    const events = [
      log.born('3', 'M', '2015-02-01', 'LY-BA-01', '1'), // a child before his mother is enrolled
      log.born('1', 'F', '1990-05-01'),
      log.born('2', 'F', '2012-08-01', 'LY-TB-01', '1'),
      log.event('2', 'ResidenceChanged', { area: 'LY-BA-03', date: '2018-01-01' }),
      log.born('4', 'M', '1960-01-01'),
      log.event('4', 'Emigrated', { country: 'TN', date: '1999-01-01' }),
    ];
    events.push(log.event('1', 'RecordCorrected', { correctedEventId: events[1]!.id, changes: [{ field: 'dateOfBirth', from: '1990-05-01', to: '1985-05-01' }], date: '2021-01-01' }));
    events.push(log.died('4', '2001-01-01'), log.event('2', 'RegistrationAnnulled', { annulledEventId: events[2]!.id, date: '2022-01-01' }));
    for (const event of events) await apply(event);
    const oneByOne = store;
    store = new MemoryDocuments();
    await apply(...events);
    const byId = (documents: MemoryDocuments, collection: string) => documents.findAll(collection).sort((a, b) => a.id.localeCompare(b.id));
    for (const collection of ['population_persons', 'population_cohorts', 'population_flows']) {
      expect(byId(store, collection)).toEqual(byId(oneByOne, collection));
    }
    expect(store.size('population_persons')).toBe(4);
  });
});

