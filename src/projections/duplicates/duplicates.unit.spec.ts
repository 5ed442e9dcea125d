import type { RegisteredPerson } from '../../domain/person/person-state';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { PersonSearchProjection } from '../person-search/person-search.projection';
import { PERSON_SEARCH, searchDocumentOf } from '../person-search/search-document';
import { MemoryReadModelStore } from '../person-search/testing/memory-read-model';
import { scoreDuplicate } from './duplicate-score';
import { findDuplicates } from './find-duplicates';

const mother: MotherName = { given: 'خديجة', father: 'عمر', family: 'المسماري' };
let next = 200000000000;
interface Spec {
  name?: Partial<PersonName>;
  dateOfBirth?: string;
  placeOfBirth?: string;
  sex?: 'F' | 'M';
  motherName?: MotherName | null;
}
function person(spec: Spec = {}) {
  const motherName = spec.motherName === undefined ? mother : spec.motherName;
  return searchDocumentOf({
    status: 'alive',
    nationalId: String(next++),
    name: { given: 'محمد', father: 'علي', grandfather: 'حسن', family: 'العبيدي', ...spec.name },
    sex: spec.sex ?? 'M',
    dateOfBirth: spec.dateOfBirth ?? '1980-05-10',
    placeOfBirth: spec.placeOfBirth ?? 'LY-BA-01',
    ...(motherName !== null && { motherName }),
  } as RegisteredPerson);
}

describe('duplicate scoring', () => {
  const subject = person();

  it('scores the same person enrolled twice 100, every field matched', () => {
    expect(scoreDuplicate(subject, person())).toMatchObject({
      score: 100,
      matched: ['name.given', 'name.father', 'name.grandfather', 'name.family', 'motherName', 'dateOfBirth', 'placeOfBirth', 'sex'],
    });
  });

  it('counts spelling variants as the same name', () => {
    const variant = person({ name: { given: 'مُحمّد', grandfather: 'حَسَن', family: 'العبيدى' }, motherName: { given: 'خديجه', father: 'عمر', family: 'المسماري' } });
    expect(scoreDuplicate(subject, variant)?.score).toBe(100);
  });

  it('still finds the same four-part name three years apart, and not four', () => {
    const apart = (dateOfBirth: string) => person({ dateOfBirth, placeOfBirth: 'LY-TB-01', motherName: null });
    expect(scoreDuplicate(subject, apart('1983-05-10'))).toMatchObject({ score: 53, matched: expect.arrayContaining(['dateOfBirth', 'sex']) });
    expect(scoreDuplicate(subject, apart('1977'))?.score).toBe(53);
    expect(scoreDuplicate(subject, apart('1984-01-01'))).toBeUndefined();
  });

  it('grades birth dates: may be the same day, a year apart, within the window', () => {
    const born = (dateOfBirth: string) => scoreDuplicate(subject, person({ dateOfBirth }))!.score;
    expect(born('1980')).toBe(100);
    expect(born('1980-05')).toBe(100);
    expect(born('1980-06-01')).toBe(90);
    expect(born('1981-05-10')).toBe(90);
    expect(born('1982-05-10')).toBe(83);
  });

  it('grades the mother and the place, and counts sex', () => {
    expect(scoreDuplicate(subject, person({ motherName: { given: 'خديجة', family: 'المسماري' } }))!.score).toBe(100);
    expect(scoreDuplicate(subject, person({ motherName: { given: 'خديجة', father: 'سالم', family: 'المسماري' } }))!.score).toBe(95);
    expect(scoreDuplicate(subject, person({ placeOfBirth: 'LY-BA-03' }))!.score).toBe(95);
    expect(scoreDuplicate(subject, person({ sex: 'F' }))!.score).toBe(95);
  });

  it('lists neither the person themself, nor another given name (twins), nor a weak match', () => {
    expect(scoreDuplicate(subject, subject)).toBeUndefined();
    expect(scoreDuplicate(subject, person({ name: { given: 'حسن' } }))).toBeUndefined();
    expect(scoreDuplicate(subject, person({ name: { father: 'سالم', grandfather: 'عمر' }, motherName: null, placeOfBirth: 'LY-TB-01', dateOfBirth: '1982' }))).toBeUndefined();
  });
});

describe('finding duplicates', () => {
  it('looks up the blocking keys and ranks what they find, never the person themself', async () => {
    const store = new MemoryReadModelStore();
    await store.define(new PersonSearchProjection().collections);
    const subject = person();
    const others = [
      person({ dateOfBirth: '1983-01-01', motherName: null, placeOfBirth: 'LY-TB-01' }),
      person({ name: { grandfather: 'عمر' } }),
      person({ name: { father: 'سالم', family: 'الورفلي' } }),
      person({ name: { family: 'الورفلي' }, motherName: null }),
      person({ dateOfBirth: '1990' }),
    ];
    await store.commit('person-search', 1, [subject, ...others].map((document) => ({ kind: 'put', collection: PERSON_SEARCH, document })));
    const found = await findDuplicates(store, subject.id);
    expect(found?.candidates.map((c) => [c.nationalId, c.score])).toEqual([
      [others[1]!.id, 95],
      [others[2]!.id, 75],
      [others[3]!.id, 65],
      [others[0]!.id, 53],
    ]);
    expect(found?.total).toBe(4);
    expect(await findDuplicates(store, '999999999999')).toBeUndefined();
  });
});
