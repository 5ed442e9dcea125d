import { DomainError } from './domain-error';
import { isNationalId, issueNationalId, nationalIdOfDigits, parseNationalId } from './national-id';
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit } from './verhoeff';

describe('Verhoeff check digit', () => {
  it.each([
    ['236', 3],
    ['12345', 1],
    ['142857', 0],
    ['8473643095483728456789', 2],
  ])('of %s is %i', (digits, check) => {
    expect(verhoeffCheckDigit(digits)).toBe(check);
    expect(hasValidVerhoeffCheckDigit(`${digits}${check}`)).toBe(true);
  });

  it('catches a single wrong digit and an adjacent transposition', () => {
    expect(hasValidVerhoeffCheckDigit('2364')).toBe(false);
    expect(hasValidVerhoeffCheckDigit('2633')).toBe(false);
  });
});

describe('national ID', () => {
  const valid = `29876543210${verhoeffCheckDigit('29876543210')}`;

  it('accepts 12 digits, first 2–9, with the Verhoeff check digit', () => {
    expect(parseNationalId(valid)).toBe(valid);
    expect(isNationalId(valid)).toBe(true);
  });

  it.each(['12345678901', '1' + valid.slice(1), `${valid}0`, 'abcdefghijkl', 298765432101, undefined])(
    'refuses the malformed %p as NATIONAL_ID.FORMAT',
    (value) => {
      expect(() => parseNationalId(value, 'motherId')).toThrow(
        expect.objectContaining({ code: 'NATIONAL_ID.FORMAT', kind: 'invalid', details: { field: 'motherId' } }),
      );
    },
  );

  it('refuses a wrong check digit as NATIONAL_ID.CHECK_DIGIT, naming the field', () => {
    const wrong = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;
    let error: DomainError | undefined;
    try {
      parseNationalId(wrong);
    } catch (thrown) {
      error = thrown as DomainError;
    }
    expect(error).toMatchObject({ code: 'NATIONAL_ID.CHECK_DIGIT', kind: 'invalid' });
    expect(error!.message).toContain('nationalId');
  });

  it('issues valid IDs from the caller’s randomness, deterministically', () => {
    const digits = [9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 0];
    let i = 0;
    const issued = issueNationalId(() => digits[i++ % digits.length]!);
    expect(issued).toMatch(/^[2-9]\d{11}$/);
    expect(isNationalId(issued)).toBe(true);
    expect(issued.startsWith('3')).toBe(true);
  });

  it('issues the ID the digits spell, in the order drawn, for any sequence of digits', () => {
    const draws = [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [7, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9], [8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7], [13, 25, 3, 4, 5, 6, 7, 8, 9, 10, 11]];
    for (let n = 0; n < 200; n++) draws.push(Array.from({ length: 11 }, (_, i) => (n * 7919 + i * 104729) % 250));
    for (const draw of draws) {
      let i = 0;
      const issued = issueNationalId(() => draw[i++]!);
      const spelt = `${2 + (draw[0]! % 8)}${draw.slice(1).map((digit) => digit % 10).join('')}`;
      expect(issued.slice(0, 11)).toBe(spelt);
      expect(isNationalId(issued)).toBe(true);
    }
  });
});

describe('nationalIdOfDigits', () => {
  it('writes the digits, the first made 2–9, and the check digit', () => {
    for (let n = 0; n < 500; n++) {
      const digits = Array.from({ length: 11 }, (_, i) => (n * 7919 + i * 104729) % 10);
      const spelt = `${2 + (digits[0]! % 8)}${digits.slice(1).join('')}`;
      expect(nationalIdOfDigits(digits)).toBe(`${spelt}${verhoeffCheckDigit(spelt)}`);
    }
  });
});

describe('the one-pass check', () => {
  /** The definition it replaces: the format's regular expression, then the check digit. */
  const byDefinition = (value: string) => /^[2-9]\d{11}$/.test(value) && hasValidVerhoeffCheckDigit(value);

  /** Valid IDs, each with every character in turn replaced by a digit, a neighbour of the digits' range or a digit of another script, cut, lengthened, or led by 0 or 1. */
  function nearIds(): string[] {
    const found: string[] = [];
    const others = ['/', ':', '0', '1', '9', '٢', '２', '\n', ' ', 'a'];
    for (let n = 0; n < 60; n++) {
      const id = nationalIdOfDigits(Array.from({ length: 11 }, (_, i) => (n * 7919 + i * 104729) % 10));
      found.push(id, id.slice(0, 11), `${id}0`, `${id}\n`, ` ${id}`, id.slice(1), `1${id.slice(1)}`, `0${id.slice(1)}`);
      // Check digits right for the text, whatever it starts with or however long it is.
      for (const body of [`0${id.slice(1, 11)}`, `1${id.slice(1, 11)}`, id.slice(0, 10), id]) found.push(`${body}${verhoeffCheckDigit(body)}`);
      for (let at = 0; at < 12; at++) for (const other of others) found.push(`${id.slice(0, at)}${other}${id.slice(at + 1)}`);
    }
    return found;
  }

  it('accepts exactly what the format and the check digit accept, and refuses the rest as before', () => {
    const values = nearIds();
    expect(values.filter(byDefinition).length).toBeGreaterThan(60);
    for (const value of values) {
      expect(isNationalId(value)).toBe(byDefinition(value));
      let code: string | undefined;
      try {
        parseNationalId(value);
      } catch (error) {
        code = (error as DomainError).code;
      }
      expect(code).toBe(byDefinition(value) ? undefined : /^[2-9]\d{11}$/.test(value) ? 'NATIONAL_ID.CHECK_DIGIT' : 'NATIONAL_ID.FORMAT');
    }
  });
});
