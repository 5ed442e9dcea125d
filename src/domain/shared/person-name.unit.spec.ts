import { normaliseArabic, normaliseFullName, normaliseName, parseMotherName, parsePersonName } from './person-name';

describe('name matching form', () => {
  it.each([
    ['مُحَمَّد', 'محمد'], // tashkeel
    ['محـــمد', 'محمد'], // tatweel
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['فاطمة', 'فاطمه'],
    ['مصطفى', 'مصطفي'],
    ['مؤمن', 'مومن'],
    ['هانئ', 'هاني'],
    ['عائشة', 'عايشه'],
    ['الدور ٣', 'الدور 3'],
    ['الدور ۳', 'الدور 3'],
    ['عبد الله', 'عبدالله'],
    ['عبد  الرحمن  عبد الله', 'عبدالرحمن عبدالله'],
    ['  سالم   العبيدي ', 'سالم العبيدي'],
    ['عبدو الرحمن', 'عبدو الرحمن'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseArabic(raw)).toBe(normalised);
  });

  it('matches Latin transliterations case-insensitively', () => {
    expect(normaliseName('Maryam  AL-Warfalli')).toBe(normaliseName('maryam al-warfalli'));
  });

  it('normalises the four parts together', () => {
    expect(normaliseFullName({ given: 'عَبْد الله', father: 'عليّ', grandfather: 'حسن', family: 'الورفلي' })).toBe(
      'عبدالله علي حسن الورفلي',
    );
  });
});

describe('name validation', () => {
  const name = { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي' };

  it('accepts the four parts and an optional Latin form', () => {
    expect(parsePersonName({ ...name, latin: 'Maryam Ali' })).toEqual({ ...name, latin: 'Maryam Ali' });
    expect(parseMotherName({ given: 'خديجة', family: 'المسماري' })).toEqual({ given: 'خديجة', family: 'المسماري' });
  });

  it.each([
    [{ ...name, given: ' ' }, 'name.given'],
    [{ ...name, grandfather: undefined }, 'name.grandfather'],
    [{ ...name, family: 'x'.repeat(101) }, 'name.family'],
    [{ ...name, latin: 'a\u0000b' }, 'name.latin'],
  ])('refuses %p naming %s', (value, field) => {
    expect(() => parsePersonName(value)).toThrow(expect.objectContaining({ code: 'NAME.INVALID', details: { field } }));
  });

  it.each([
    [{ given: 'خديجة', family: 'المسماري', father: '' }, 'mother.father'],
    [{ given: 'خديجة', family: 'المسماري', grandfather: 7 }, 'mother.grandfather'],
    [{ given: 'خديجة' }, 'mother.family'],
    [{ family: ' ', grandfather: '' }, 'mother.given'],
  ])('refuses the mother\'s name %p naming %s, the parts checked given, family, father, grandfather', (value, field) => {
    expect(() => parseMotherName(value, 'mother')).toThrow(
      expect.objectContaining({ code: 'NAME.INVALID', details: { field }, message: expect.stringMatching(new RegExp(`^${field} must be`)) }),
    );
  });

  it('refuses a name part with a control character, and only then (U+0000–U+001F, U+007F–U+009F)', () => {
    for (let code = 0; code < 0x3000; code++) {
      const part = `a${String.fromCharCode(code)}b`;
      const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
      expect([code, (() => { try { parsePersonName({ ...name, latin: part }); return false; } catch { return true; } })()]).toEqual([code, control]);
    }
  });
});
