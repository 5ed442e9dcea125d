import { createUpcasterRegistry, personEventVersions, upcast } from './upcasters';

describe('event upcasters', () => {
  it('passes current events through unchanged', () => {
    const data = { area: 'LY-BA-03', date: '2020-01-01' };
    expect(upcast('ResidenceChanged', personEventVersions.ResidenceChanged, data)).toBe(data);
  });

  it('applies the registered upcasters in sequence up to the current version', () => {
    // A test-only history: ResidenceChanged v1 {area} → v2 {area, date} → v3 {areaCode, date}.
    const registry = createUpcasterRegistry({ ResidenceChanged: 3 });
    registry.register('ResidenceChanged', 1, (data) => ({ ...data, date: '1900' }));
    registry.register('ResidenceChanged', 2, ({ area, ...rest }) => ({ ...rest, areaCode: area }));
    expect(registry.upcast('ResidenceChanged', 1, { area: 'LY-BA' })).toEqual({ areaCode: 'LY-BA', date: '1900' });
    expect(registry.upcast('ResidenceChanged', 2, { area: 'LY-BA', date: '2001' })).toEqual({ areaCode: 'LY-BA', date: '2001' });
    expect(registry.upcast('ResidenceChanged', 3, { areaCode: 'LY-BA', date: '2001' })).toEqual({ areaCode: 'LY-BA', date: '2001' });
  });

  it('refuses a missing step, a version from the future and an unknown type', () => {
    const registry = createUpcasterRegistry({ ResidenceChanged: 3 });
    registry.register('ResidenceChanged', 2, (data) => data);
    expect(() => registry.upcast('ResidenceChanged', 1, {})).toThrow('no upcaster for ResidenceChanged from version 1');
    expect(() => registry.upcast('ResidenceChanged', 4, {})).toThrow('newer than this code');
    expect(() => registry.upcast('Teleported', 1, {})).toThrow('unknown event type');
    expect(() => registry.register('ResidenceChanged', 3, (data) => data)).toThrow();
  });

  it('versions every event type at 1 today', () => {
    expect(new Set(Object.values(personEventVersions))).toEqual(new Set([1]));
  });
});
