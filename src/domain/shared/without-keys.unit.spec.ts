import { withoutKeys } from './without-keys';

describe('withoutKeys', () => {
  const data = { name: { given: 'Ali' }, sex: 'M', dateOfBirth: '1940', mother: 'state', placeOfBirth: 'LY-BA-01', father: 'state', nationalId: '2' };

  it('copies every other own field in key order, into a plain object', () => {
    const copy = withoutKeys(data, new Set(['mother', 'father']));
    expect(Object.keys(copy)).toEqual(['name', 'sex', 'dateOfBirth', 'placeOfBirth', 'nationalId']);
    expect(copy.name).toBe(data.name);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.constructor).toBe(Object);
    expect(copy).toStrictEqual({ name: { given: 'Ali' }, sex: 'M', dateOfBirth: '1940', placeOfBirth: 'LY-BA-01', nationalId: '2' });
  });

  it('leaves inherited fields out and the source untouched', () => {
    const source = Object.assign(Object.create({ inherited: 1 }) as object, { own: 2, dropped: 3 });
    expect(withoutKeys(source, new Set(['dropped']))).toStrictEqual({ own: 2 });
    expect(source).toEqual({ own: 2, dropped: 3 });
  });
});
