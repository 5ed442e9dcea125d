import type { PersonEvent } from '../../domain/person/person-events';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { annulled, born, corrected, died, enrolled, married } from '../../../test/projections/person-log';
import { stateOf } from '../../domain/person/person-state';
import { PersonSearchProjection } from './person-search.projection';
import { PERSON_SEARCH, PERSON_SEARCH_RECORD, searchDocumentOf, type PersonSearchDocument } from './search-document';
import { searchPersons, summariesOf } from './search-persons';
import { logOf, type PersonSearchRecordDocument } from './search-record';
import type { SearchCriteria } from './search-ranking';
import { applyBatch, MemoryReadModelStore } from './testing/memory-read-model';
import { normaliseName } from '../../domain/shared/person-name';

let position = 0;
const revisions = new Map<string, number>();
const at = (nationalId: string, event: PersonEvent): RecordedEvent => ({
  id: `ev${++position}`,
  streamId: `person-${nationalId}`,
  revision: revisions.set(nationalId, (revisions.get(nationalId) ?? -1) + 1).get(nationalId)!,
  position,
  type: event.type,
  data: event.data,
  metadata: { schemaVersion: 1 },
  recordedAt: '2026-01-01T10:00:00.000Z',
});
const name = (given: string, father: string, grandfather: string, family: string) => ({ given, father, grandfather, family });
const arabic = (text: string, rest: Partial<SearchCriteria> = {}): SearchCriteria => ({ name: normaliseName(text), script: 'arabic', ...rest });
const firstPage = { page: 1, pageSize: 20 };

describe('person search projection', () => {
  const projection = new PersonSearchProjection();
  let store: MemoryReadModelStore;
  const apply = (...events: RecordedEvent[]) => applyBatch(store, projection, events);
  const search = async (criteria: SearchCriteria, page = firstPage) => {
    const found = await searchPersons(store, criteria, page);
    if ('tooBroad' in found) throw new Error(`too broad: ${found.candidates}`);
    return found;
  };
  const ids = async (criteria: SearchCriteria, page = firstPage) => (await search(criteria, page)).results.map((r) => r.nationalId);

  beforeEach(async () => {
    revisions.clear();
    store = new MemoryReadModelStore();
    await store.define(projection.collections);
  });

  it('indexes an enrolment under its normalised keys and shows its summary', async () => {
    await apply(at('1', enrolled('1', { name: name('أحمد', 'علي', 'مصطفى', 'العبيدي'), sex: 'M', dateOfBirth: '1961' })));
    const document = await store.get<PersonSearchDocument>(PERSON_SEARCH, '1');
    expect(document).toMatchObject({ full: 'احمد علي مصطفي العبيدي', birthYear: 1961, sex: 'M', dateOfBirth: '1961' });
    expect((await search(arabic('احمد علي مصطفى العبيدى'))).results).toEqual([
      expect.objectContaining({ nationalId: '1', name: name('أحمد', 'علي', 'مصطفى', 'العبيدي'), sex: 'M', dateOfBirth: '1961', status: 'alive' }),
    ]);
  });

  it('indexes a registration alone as the domain state of its log would', async () => {
    const registrations = [
      at('1', enrolled('1', { name: { ...name('أحمد', 'علي', 'مصطفى', 'العبيدي'), latin: 'Ahmed Ali Mustafa Al-Obeidi' }, dateOfBirth: '1961-03' })),
      at('2', enrolled('2', { motherName: undefined })),
      at('3', born('3', '2020-04-30')),
    ];
    await apply(...registrations);
    for (const registration of registrations) {
      const nationalId = registration.streamId.slice('person-'.length);
      const state = stateOf(logOf((await store.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, nationalId))!));
      if (state.status === 'unregistered') throw new Error(`${nationalId} is not registered`);
      expect(JSON.stringify(await store.get(PERSON_SEARCH, nationalId))).toBe(JSON.stringify(searchDocumentOf(state)));
    }
  });

  it('ignores facts that do not show in a search, and streams that are not persons', async () => {
    await apply(at('1', enrolled('1')), at('1', married('m1', '2', '2005-01-01')), { ...at('1', enrolled('9')), streamId: 'marriage-m1' });
    expect([...store.collections.get(PERSON_SEARCH)!.keys()]).toEqual(['1']);
    expect((await store.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, '1'))!.facts).toHaveLength(1);
  });

  it('keeps of each fact only what a search or its summary shows, and summarises the corrected facts', async () => {
    const enrolment = at('1', enrolled('1', { name: name('سالم', 'علي', 'حسن', 'العبيدي') }));
    const correction = at('1', corrected(enrolment.id, 'name', null, name('سالم', 'علي', 'حسن', 'المسماري'), '2026-01-01'));
    await apply(enrolment, correction, at('1', corrected(enrolment.id, 'nationality', 'LY', 'EG', '2026-01-02')), at('1', died('2020-01-01')));
    const record = (await store.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, '1'))!;
    // The registration's national ID is the record's own; no recording time is kept.
    expect(record.facts[0]).toEqual({ eventId: enrolment.id, type: 'PersonEnrolled', data: expect.not.objectContaining({ nationalId: '1' }) });
    expect(logOf(record).map(({ event }) => event)).toEqual([
      { type: 'PersonEnrolled', data: { nationalId: '1', name: name('سالم', 'علي', 'حسن', 'العبيدي'), sex: 'F', dateOfBirth: '1980-05-10', placeOfBirth: 'LY-BA-01', motherName: { given: 'خديجة', family: 'المسماري' } } },
      { type: 'RecordCorrected', data: { correctedEventId: enrolment.id, changes: [{ field: 'name', from: null, to: name('سالم', 'علي', 'حسن', 'المسماري') }], date: '2026-01-01' } },
      { type: 'RecordCorrected', data: { correctedEventId: enrolment.id, changes: [], date: '2026-01-02' } },
      { type: 'DeathRegistered', data: { dateOfDeath: '2020-01-01' } },
    ]);
    expect((await search(arabic('سالم المسماري'))).results).toEqual([
      expect.objectContaining({ nationalId: '1', name: name('سالم', 'علي', 'حسن', 'المسماري'), placeOfBirth: 'LY-BA-01', motherName: { given: 'خديجة', family: 'المسماري' }, status: 'deceased' }),
    ]);
  });

  it('reads a record stored by version 1 (before an upgrade rebuilt the model) as the log it held', async () => {
    const enrolment = at('1', enrolled('1', { name: name('سالم', 'علي', 'حسن', 'العبيدي') }));
    await apply(enrolment, at('1', died('2020-01-01')));
    const log = logOf((await store.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, '1'))!);
    const versionOne = { id: '1', events: log };
    expect(logOf(versionOne)).toBe(log);
    await store.commit('version 1', 1, [{ kind: 'put', collection: PERSON_SEARCH_RECORD, document: versionOne }]);
    expect(await summariesOf(store, ['1'])).toEqual(new Map([['1', expect.objectContaining({ status: 'deceased' })]]));
  });

  it('finds a person under a new name after a name change, and no longer under the old one', async () => {
    await apply(at('1', enrolled('1', { name: name('سالم', 'علي', 'حسن', 'العبيدي') })));
    await apply(
      at('1', { type: 'NameChanged', data: { name: name('سالم', 'علي', 'حسن', 'الورفلي'), reason: 'family name', authorityReference: 'A-1', date: '2020-01-01' } }),
    );
    expect(await ids(arabic('سالم الورفلي'))).toEqual(['1']);
    expect(await ids(arabic('سالم العبيدي'))).toEqual([]);
  });

  it('follows a correction of the name and of the birth date, and an annulled correction', async () => {
    const enrolment = at('1', enrolled('1', { name: name('سالم', 'علي', 'حسن', 'العبيدي'), dateOfBirth: '1970' }));
    await apply(enrolment);
    const correction = at('1', corrected(enrolment.id, 'dateOfBirth', '1970', '1971-02-03', '2026-01-01'));
    await apply(correction, at('1', corrected(enrolment.id, 'name', null, name('سالم', 'علي', 'حسن', 'المسماري'), '2026-01-01')));
    expect(await ids(arabic('سالم المسماري', { birthYear: 1971 }))).toEqual(['1']);
    expect(await ids(arabic('سالم العبيدي'))).toEqual([]);
    await apply(at('1', annulled(correction.id, '2026-02-01')));
    expect(await ids(arabic('سالم المسماري', { birthYear: 1970 }))).toEqual(['1']);
  });

  it('shows a death in the status, and drops a person whose registration is annulled', async () => {
    const enrolment = at('1', enrolled('1'));
    await apply(enrolment, at('2', enrolled('2')));
    await apply(at('2', died('2020-01-01')));
    expect((await search(arabic('فاطمة العبيدي'))).results.map((r) => [r.nationalId, r.status])).toEqual([
      ['1', 'alive'],
      ['2', 'deceased'],
    ]);
    await apply(at('1', annulled(enrolment.id, '2026-01-01')));
    expect(await store.get(PERSON_SEARCH, '1')).toBeUndefined();
    expect(await ids(arabic('فاطمة العبيدي'))).toEqual(['2']);
  });

  it('narrows, ranks and pages, with the total', async () => {
    const people = [
      ['1', name('محمد', 'علي', 'حسن', 'العبيدي'), '1980-01-01'],
      ['2', name('محمد', 'علي', 'سالم', 'العبيدي'), '1980'],
      ['3', name('محمد', 'حسن', 'علي', 'علي'), '1980-06'],
      ['4', name('محمد', 'علي', 'عمر', 'الورفلي'), '1990-01-01'],
      ['5', name('محمد', 'عليان', 'عمر', 'الورفلي'), '1980-01-01'],
    ] as const;
    await apply(...people.map(([id, n, dateOfBirth]) => at(id, enrolled(id, { name: n, dateOfBirth, sex: 'M' }))));
    expect(await ids(arabic('محمد علي'))).toEqual(['3', '1', '2', '4']);
    expect(await ids(arabic('محمد علي', { birthYear: 1980 }))).toEqual(['3', '1', '2']);
    const second = await search(arabic('محمد علي'), { page: 2, pageSize: 3 });
    expect(second).toMatchObject({
      total: 4,
      page: 2,
      pageSize: 3,
      results: [{ nationalId: '4', name: { given: 'محمد', family: 'الورفلي' }, sex: 'M', dateOfBirth: '1990-01-01', status: 'alive', score: 55, matched: ['given', 'father'] }],
    });
    expect(await ids(arabic('محمد علي حسن العبيدي'))).toEqual(['1']);
  });

  it('counts the candidates of a query too broad to rank, and ranks none', async () => {
    await apply(...['1', '2', '3'].map((id) => at(id, enrolled(id, { name: name('محمد', 'علي', id, 'العبيدي') }))));
    expect(await searchPersons(store, arabic('محمد علي'), firstPage, 2)).toEqual({ tooBroad: true, candidates: 3 });
    expect(await searchPersons(store, arabic('محمد علي'), firstPage, 3)).toMatchObject({ total: 3 });
  });

  it('rebuilt from zero in one batch equals the model built event by event', async () => {
    const enrolment = at('1', enrolled('1'));
    const events = [
      enrolment,
      at('2', enrolled('2', { name: name('علي', 'محمد', 'سالم', 'الفيتوري') })),
      at('1', corrected(enrolment.id, 'dateOfBirth', '1980-05-10', '1981', '2026-01-01')),
      at('2', died('2020-01-01')),
      at('1', { type: 'NameChanged', data: { name: name('فاطمة', 'محمد', 'سالم', 'الورفلي'), reason: 'r', authorityReference: 'a', date: '2021-01-01' } }),
    ];
    for (const event of events) await apply(event);
    const live = structuredClone([...store.collections.entries()]);
    await store.reset(projection.name, projection.collections.map((c) => c.name));
    await apply(...events);
    expect([...store.collections.entries()]).toEqual(live);
  });
});
