import fc from 'fast-check';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { NAME_SHAPES, normalisedParts, searchKeysOf, spell, wordPrefixRange } from './search-keys';

const mother: MotherName = { given: 'خديجة', father: 'عمر', family: 'المسماري' };
const name: PersonName = { given: 'عبد الله', father: 'علي', grandfather: 'مصطفى', family: 'الورفلي', latin: 'Abdullah Ali Mustafa Al-Warfalli' };

describe('search keys', () => {
  it('hold the parts in matching form, joined by one space', () => {
    expect(searchKeysOf(name, mother, '1961')).toEqual({
      full: 'عبدالله علي مصطفي الورفلي',
      givenFamily: 'عبدالله الورفلي',
      givenFatherFamily: 'عبدالله علي الورفلي',
      latin: 'abdullah ali mustafa al-warfalli',
      latinFirstLast: 'abdullah al-warfalli',
      givenMother: 'عبدالله|خديجه المسماري',
      birthYear: 1961,
    });
  });

  it('take the year of a partial birth date as of a full one', () => {
    expect(searchKeysOf(name, mother, '1961').birthYear).toBe(1961);
    expect(searchKeysOf(name, mother, '1961-03').birthYear).toBe(1961);
    expect(searchKeysOf(name, mother, '1961-03-05').birthYear).toBe(1961);
  });

  it('keep no Latin or mother keys when those names are not recorded', () => {
    const keys = searchKeysOf({ ...name, latin: undefined }, undefined, '1990-01-01');
    expect(keys).toMatchObject({ latin: null, latinFirstLast: null, givenMother: null });
  });

  it.each([
    ['diacritics', { given: 'مُحَمَّد', family: 'العُبَيْدِي' }, { given: 'محمد', family: 'العبيدي' }],
    ['tatweel', { given: 'محـــمد', family: 'العبيـدي' }, { given: 'محمد', family: 'العبيدي' }],
    ['hamza forms of alef', { given: 'أحمد', family: 'آل إبراهيم' }, { given: 'احمد', family: 'ال ابراهيم' }],
    ['wasla', { given: 'ٱحمد', family: 'ٱلعبيدي' }, { given: 'احمد', family: 'العبيدي' }],
    ['taa marbuta', { given: 'حمزة', family: 'بن جمعة' }, { given: 'حمزه', family: 'بن جمعه' }],
    ['alef maqsura', { given: 'مصطفى', family: 'عيسى' }, { given: 'مصطفي', family: 'عيسي' }],
    ['waw and yaa with hamza', { given: 'مؤمن', family: 'الزبائري' }, { given: 'مومن', family: 'الزبايري' }],
    ['"عبد" compounds', { given: 'عبد الرحمن', family: 'عبد الجليل' }, { given: 'عبدالرحمن', family: 'عبدالجليل' }],
    ['spaces', { given: '  عبد   الرحمن ', family: 'ال  ابراهيم' }, { given: 'عبدالرحمن', family: 'ال ابراهيم' }],
  ])('are the same for a name written with %s', (_, variant, plain) => {
    const of = (parts: { given: string; family: string }) => searchKeysOf({ father: 'علي', grandfather: 'حسن', ...parts }, mother, '1980');
    expect(of(variant)).toEqual(of(plain));
  });

  it('match Latin transliterations whatever their case and spacing', () => {
    const of = (latin: string) => searchKeysOf({ ...name, latin }, mother, '1980');
    expect(of('ABDULLAH  Ali mustafa AL-WARFALLI ')).toEqual(of('Abdullah Ali Mustafa Al-Warfalli'));
  });

  it('bound a word-prefix range that holds the words and nothing longer', () => {
    const range = wordPrefixRange('محمد علي');
    const inRange = (s: string) => s >= range.gte && s < range.lt;
    expect(['محمد علي', 'محمد علي حسن العبيدي'].every(inRange)).toBe(true);
    expect(['محمد عليان حسن', 'محمد عل', 'محمد'].some(inRange)).toBe(false);
  });

  it('spell a shape only when every part in it is recorded', () => {
    const parts = normalisedParts({ given: 'خديجة', family: 'المسماري' });
    expect(spell(parts, ['given', 'family'])).toBe('خديجه المسماري');
    expect(spell(parts, ['given', 'father'])).toBeUndefined();
  });
});

/**
 * DOMAIN.md's variants as a generator: each letter of a plain name may be written in any of the
 * forms that normalise to it, with tashkeel and tatweel anywhere and spaces doubled, and a
 * "عبد" compound may be split.
 */
const FORMS: Record<string, string[]> = {
  'ا': ['ا', 'أ', 'إ', 'آ', 'ٱ'],
  'ه': ['ه', 'ة'],
  'ي': ['ي', 'ى', 'ئ'],
  'و': ['و', 'ؤ'],
};
const MARKS = ['\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670', 'ـ'];
const LETTERS = ['ا', 'ب', 'ح', 'د', 'ر', 'س', 'ع', 'ف', 'ل', 'م', 'ن', 'ه', 'و', 'ي'];

const plainWord = fc.array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 7 }).map((letters) => letters.join(''));
/** A part in matching form: a word, "عبد" joined to a word, or two words ("نور الدين"). */
const plainPart = fc.oneof(
  plainWord,
  plainWord.map((word) => `عبد${word}`),
  fc.tuple(plainWord, plainWord).map(([a, b]) => `${a} ${b}`),
).filter((part) => !part.split(' ').includes('عبد'));

function variantOf(plain: string): fc.Arbitrary<string> {
  const letters = [...plain].map((letter) => {
    if (letter === ' ') return fc.constantFrom(' ', '  ', ' \u00A0');
    const form = fc.constantFrom(...(FORMS[letter] ?? [letter]));
    return fc.tuple(form, fc.array(fc.constantFrom(...MARKS), { maxLength: 2 })).map(([f, marks]) => f + marks.join(''));
  });
  const split = plain.startsWith('عبد') ? fc.constantFrom('عبد', 'عبد ', 'عبد  ') : fc.constant('');
  return fc.tuple(split, fc.tuple(...letters), fc.constantFrom('', ' ')).map(([prefix, written, pad]) => {
    const rest = written.join('');
    return pad + (prefix ? prefix + rest.slice(written.slice(0, 3).join('').length) : rest) + pad;
  });
}

describe('search keys (properties)', () => {
  const plainName = fc.record({ given: plainPart, father: plainPart, grandfather: plainPart, family: plainPart });
  const variantName = (plain: Record<string, string>) =>
    fc.record({
      given: variantOf(plain.given!),
      father: variantOf(plain.father!),
      grandfather: variantOf(plain.grandfather!),
      family: variantOf(plain.family!),
    });

  it('are the same for a name and any spelling of it DOMAIN.md lists', () => {
    fc.assert(
      fc.property(plainName.chain((plain) => fc.tuple(fc.constant(plain), variantName(plain))), ([plain, variant]) => {
        expect(searchKeysOf(variant, mother, '1970')).toEqual(searchKeysOf(plain, mother, '1970'));
        expect(normalisedParts(variant)).toEqual(plain);
      }),
    );
  });

  it('let every shape a query may spell be found by a lookup on the keys', () => {
    fc.assert(
      fc.property(plainName, fc.constantFrom(...NAME_SHAPES), (plain, shape) => {
        const keys = searchKeysOf(plain, mother, '1970');
        const query = spell(plain, shape)!;
        const range = wordPrefixRange(query);
        const found =
          (keys.full >= range.gte && keys.full < range.lt) || keys.givenFamily === query || keys.givenFatherFamily === query;
        expect(found).toBe(true);
      }),
    );
  });

  it('read a Latin name the same in any letter case', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z-]{1,8}$/), { minLength: 2, maxLength: 5 }), fc.infiniteStream(fc.boolean()), (words, upper) => {
        const plain = words.join(' ');
        const shouted = [...plain].map((c) => (upper.next().value ? c.toUpperCase() : c)).join('');
        expect(searchKeysOf({ ...name, latin: ` ${shouted.replace(/ /g, '   ')}` }, mother, '1970')).toEqual(
          searchKeysOf({ ...name, latin: plain }, mother, '1970'),
        );
      }),
    );
  });
});
