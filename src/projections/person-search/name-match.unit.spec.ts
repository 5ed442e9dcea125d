import { normaliseName } from '../../domain/shared/person-name';
import { matchArabicName, matchLatinName, matchMotherName } from './name-match';
import { normalisedParts } from './search-keys';

const parts = normalisedParts({ given: 'محمد', father: 'علي', grandfather: 'حسن', family: 'العبيدي' });
const match = (query: string) => matchArabicName(normaliseName(query), parts);

describe('name matching', () => {
  it.each([
    ['محمد علي حسن العبيدي', 100, ['given', 'father', 'grandfather', 'family']],
    ['محمد علي العبيدي', 80, ['given', 'father', 'family']],
    ['محمد العبيدي', 65, ['given', 'family']],
    ['محمد علي حسن', 65, ['given', 'father', 'grandfather']],
    ['محمد علي', 55, ['given', 'father']],
  ])('scores "%s" %d, matching %j', (query, score, matched) => {
    expect(match(query)).toEqual({ score, matched });
  });

  it('matches the spellings DOMAIN.md folds together', () => {
    expect(match('مُحَمَّد عَلِي حَسَن العُبَيْدِى')?.score).toBe(100);
    expect(match('محـمد  العبيدي')?.score).toBe(65);
  });

  it.each([['علي العبيدي'], ['محمد حسن'], ['محمد حسن العبيدي'], ['العبيدي محمد'], ['محمد عليان'], ['محمد علي حسن العبيدي الكبير']])(
    'does not match "%s": every word typed is in the name, in order, from the given name',
    (query) => {
      expect(match(query)).toBeUndefined();
    },
  );

  it('takes a multi-word part as one part', () => {
    const compound = normalisedParts({ given: 'نور الدين', father: 'عبد الله', grandfather: 'سالم', family: 'بن علي' });
    expect(matchArabicName(normaliseName('نور الدين عبد الله'), compound)).toEqual({ score: 55, matched: ['given', 'father'] });
    expect(matchArabicName(normaliseName('نور الدين بن علي'), compound)).toEqual({ score: 65, matched: ['given', 'family'] });
    expect(matchArabicName(normaliseName('نور عبد الله'), compound)).toBeUndefined();
  });

  it('prefers the shape that pins the family name when a query spells two', () => {
    const repeated = normalisedParts({ given: 'محمد', father: 'علي', grandfather: 'حسن', family: 'علي' });
    expect(matchArabicName('محمد علي', repeated)).toEqual({ score: 65, matched: ['given', 'family'] });
  });

  it('matches a Latin transliteration from its first word, case-insensitively', () => {
    const latin = normaliseName('Maryam Ali Hasan Al-Warfalli');
    expect(matchLatinName(normaliseName('MARYAM ali hasan al-warfalli'), latin)).toEqual({ score: 100, matched: ['latin'] });
    expect(matchLatinName('maryam al-warfalli', latin)).toEqual({ score: 65, matched: ['latin'] });
    expect(matchLatinName('maryam ali', latin)).toEqual({ score: 53, matched: ['latin'] });
    expect(matchLatinName('ali hasan', latin)).toBeUndefined();
    expect(matchLatinName('maryam ali', null)).toBeUndefined();
  });

  it('matches a mother by her given name and any shape of her recorded name, her whole name worth more', () => {
    const mother = normalisedParts({ given: 'خديجة', father: 'عمر', family: 'المسماري' });
    expect(matchMotherName(normaliseName('خديجة عمر المسماري'), mother)).toBe(10);
    expect(matchMotherName(normaliseName('خديجه المسماري'), mother)).toBe(5);
    expect(matchMotherName(normaliseName('خديجة'), mother)).toBe(5);
    expect(matchMotherName(normaliseName('فاطمة المسماري'), mother)).toBeUndefined();
    expect(matchMotherName('خديجه', null)).toBeUndefined();
  });
});
