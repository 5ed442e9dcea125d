import type { PersonEvent } from '../../domain/person/person-events';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { born, died, enrolled, married } from '../../../test/projections/person-log';
import { MapUnitOfWork } from '../../../test/projections/map-unit-of-work';
import { CURRENT_IDENTITY, KINSHIP, PERSON_LOG, type CurrentIdentityDocument, type PersonLogDocument } from './person-documents';
import { PersonsProjection } from './persons.projection';

let wife: string, husband: string, child: string;
let persons = 0;
/** Fresh streams for each spec, so revisions start at 0 as in a real log. */
beforeEach(() => {
  persons += 1;
  [wife, husband, child] = [`w${persons}`, `h${persons}`, `c${persons}`];
});

let position = 0;
const revisions = new Map<string, number>();
const at = (streamId: string, event: PersonEvent, recordedAt = '2026-01-01T10:00:00.000Z'): RecordedEvent => ({
  id: `ev${++position}`,
  streamId,
  revision: revisions.set(streamId, (revisions.get(streamId) ?? -1) + 1).get(streamId)!,
  position,
  type: event.type,
  data: event.data,
  metadata: { schemaVersion: 1 },
  recordedAt,
});

describe('persons projection', () => {
  const projection = new PersonsProjection();

  it('keeps each person stream as its log, upcast, and ignores other streams', async () => {
    const unit = new MapUnitOfWork();
    await projection.apply([at(`person-${wife}`, enrolled(wife)), at('$agencies', enrolled(wife)), at('marriage-m1', enrolled(wife))], unit);
    const logs = unit.all<PersonLogDocument>(PERSON_LOG);
    expect([...logs.keys()]).toEqual([wife]);
    expect(logs.get(wife)!.events).toEqual([{ eventId: expect.any(String), recordedAt: '2026-01-01T10:00:00.000Z', event: enrolled(wife) }]);
  });

  it('keeps the current identity view, rewritten in a later batch when the spouse dies', async () => {
    const unit = new MapUnitOfWork();
    await projection.apply(
      [
        at(`person-${wife}`, enrolled(wife)),
        at(`person-${husband}`, enrolled(husband, { sex: 'M' })),
        at(`person-${husband}`, married('m1', wife, '2010-01-01')),
        at(`person-${wife}`, married('m1', husband, '2010-01-01')),
      ],
      unit,
    );
    expect((await unit.get<CurrentIdentityDocument>(CURRENT_IDENTITY, wife))!.view.maritalStatus).toBe('married');
    await projection.apply([at(`person-${husband}`, died('2020-01-01'))], unit);
    expect((await unit.get<CurrentIdentityDocument>(CURRENT_IDENTITY, wife))!.view).toMatchObject({
      maritalStatus: 'widowed',
      spouses: [{ spouseId: husband, status: 'widowed', ended: { how: 'death-of-spouse', date: '2020-01-01' } }],
    });
    expect((await unit.get<CurrentIdentityDocument>(CURRENT_IDENTITY, husband))!.view.status).toBe('deceased');
  });

  it('records an edge from each parent a birth names to the child', async () => {
    const unit = new MapUnitOfWork();
    await projection.apply([at(`person-${child}`, { ...born(child, '2020-01-01', wife), data: { ...born(child, '2020-01-01', wife).data, fatherId: husband } } as PersonEvent)], unit);
    expect([...unit.all(KINSHIP).values()]).toEqual([
      { id: `${wife}>${child}`, personId: wife, relatedId: child, relation: 'child' },
      { id: `${husband}>${child}`, personId: husband, relatedId: child, relation: 'child' },
    ]);
  });

  it('drops the current view when the registration is annulled', async () => {
    const unit = new MapUnitOfWork();
    const enrolment = at(`person-${wife}`, enrolled(wife));
    await projection.apply([enrolment], unit);
    await projection.apply(
      [at(`person-${wife}`, { type: 'RegistrationAnnulled', data: { annulledEventId: enrolment.id, courtReference: 'c', reason: 'r', date: '2026-01-01' } })],
      unit,
    );
    expect(await unit.get(CURRENT_IDENTITY, wife)).toBeUndefined();
    expect((await unit.get<PersonLogDocument>(PERSON_LOG, wife))!.events).toHaveLength(2);
  });

  it("writes each log with the text the log holds for each event's data, as serialising the log would, across batches", async () => {
    const withText = (event: RecordedEvent, text = JSON.stringify(event.data)): RecordedEvent => ({ ...event, dataJson: text });
    const unit = new MapUnitOfWork();
    await projection.apply([withText(at(`person-${wife}`, enrolled(wife))), withText(at(`person-${husband}`, enrolled(husband, { sex: 'M' })))], unit);
    await projection.apply([withText(at(`person-${wife}`, married('m1', husband, '2010-01-01')))], unit);
    const texts = unit.collections.get(PERSON_LOG)!;
    for (const id of [wife, husband]) expect(texts.get(id)).toBe(JSON.stringify(unit.all(PERSON_LOG).get(id)));
    expect(unit.all<PersonLogDocument>(PERSON_LOG).get(wife)!.events.map((e) => e.event.type)).toEqual(['PersonEnrolled', 'MarriageRegistered']);

    // The log's own text goes in as it is: here spaced out, so it shows.
    const enrolment = at(`person-${child}`, enrolled(child));
    const spaced = JSON.stringify(enrolment.data, null, 1);
    await projection.apply([withText(enrolment, spaced)], unit);
    expect(texts.get(child)).toContain(spaced);
    expect(unit.all<PersonLogDocument>(PERSON_LOG).get(child)!.events[0].event).toEqual(enrolled(child));
  });

  it('gives the same model whether the events come in one batch or one by one', async () => {
    const events = [
      at(`person-${wife}`, enrolled(wife)),
      at(`person-${husband}`, enrolled(husband, { sex: 'M' })),
      at(`person-${husband}`, married('m1', wife, '2010-01-01')),
      at(`person-${wife}`, married('m1', husband, '2010-01-01')),
      at(`person-${wife}`, died('2020-01-01')),
    ];
    const whole = new MapUnitOfWork();
    await projection.apply(events, whole);
    const single = new MapUnitOfWork();
    for (const event of events) await projection.apply([event], single);
    expect(single.collections).toEqual(whole.collections);
  });
});
