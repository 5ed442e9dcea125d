import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { normaliseName } from '../../domain/shared/person-name';
import { searchDocumentOf } from './search-document';
import { compareHits, rankCandidate, type SearchCriteria, type SearchHit } from './search-ranking';
import type { RegisteredPerson } from '../../domain/person/person-state';

let next = 100000000000;
function document(name: Partial<PersonName>, dateOfBirth = '1980-05-10', motherName?: MotherName) {
  const person = {
    status: 'alive',
    nationalId: String(next++),
    name: { given: 'محمد', father: 'علي', grandfather: 'حسن', family: 'العبيدي', ...name },
    sex: 'M',
    dateOfBirth,
    placeOfBirth: 'LY-BA-01',
    ...(motherName && { motherName }),
  } as RegisteredPerson;
  return searchDocumentOf(person);
}
const arabic = (name: string, rest: Partial<SearchCriteria> = {}): SearchCriteria => ({
  name: normaliseName(name),
  script: 'arabic',
  ...rest,
  ...(rest.motherName && { motherName: normaliseName(rest.motherName) }),
});

describe('search ranking', () => {
  it('narrows by birth year, a year-precision or month-precision date matching its year', () => {
    const criteria = arabic('محمد العبيدي', { birthYear: 1961 });
    expect(rankCandidate(document({}, '1961'), criteria)).toBeDefined();
    expect(rankCandidate(document({}, '1961-03'), criteria)).toBeDefined();
    expect(rankCandidate(document({}, '1961-12-31'), criteria)).toBeDefined();
    expect(rankCandidate(document({}, '1962-01-01'), criteria)).toBeUndefined();
  });

  it('narrows by the mother’s name and counts it in the score', () => {
    const mother = { given: 'خديجة', father: 'عمر', family: 'المسماري' };
    const person = document({}, '1980', mother);
    expect(rankCandidate(person, arabic('محمد العبيدي', { motherName: 'خديجة عمر المسماري' }))).toMatchObject({
      score: 75,
      matched: ['given', 'family', 'motherName'],
    });
    expect(rankCandidate(person, arabic('محمد العبيدي', { motherName: 'خديجه' }))?.score).toBe(70);
    expect(rankCandidate(person, arabic('محمد العبيدي', { motherName: 'فاطمة' }))).toBeUndefined();
    expect(rankCandidate(document({}), arabic('محمد العبيدي', { motherName: 'خديجة' }))).toBeUndefined();
  });

  it('ranks by score, then by name in matching form, then national ID', () => {
    const criteria = arabic('محمد علي');
    const docs = [
      document({ grandfather: 'عمر' }),
      document({ family: 'علي' }),
      document({ grandfather: 'احمد' }),
      document({ grandfather: 'احمد' }),
    ];
    const ranked = docs.map((d) => rankCandidate(d, criteria)!).sort(compareHits);
    expect(ranked.map((hit) => [hit.nationalId, hit.score])).toEqual([
      [docs[1]!.id, 65],
      [docs[2]!.id, 55],
      [docs[3]!.id, 55],
      [docs[0]!.id, 55],
    ]);
  });

  it('returns the national ID with the score and the parts matched', () => {
    const person = document({ latin: 'Mohamed Ali Hasan Al-Obeidi' });
    const hit = rankCandidate(person, { name: 'mohamed al-obeidi', script: 'latin' }) as SearchHit;
    expect(hit).toEqual({ nationalId: person.id, score: 65, matched: ['latin'], sortKey: 'محمد علي حسن العبيدي' });
  });
});
