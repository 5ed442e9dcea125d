import { isAreaCode, isWithin, parseAreaCode } from './area-code';

describe('area codes', () => {
  it.each(['LY', 'LY-BA', 'LY-BA-03', 'LY-BA-03-OFF1'])('accepts %s', (code) => expect(isAreaCode(code)).toBe(true));

  it.each(['ly-ba', 'LY-', 'LYB-03', 'LY--03', 'LY BA', ''])('refuses %p with AREA.FORMAT', (code) => {
    expect(() => parseAreaCode(code, 'place')).toThrow(expect.objectContaining({ code: 'AREA.FORMAT' }));
  });

  it('is within an area at whole segments only', () => {
    expect(isWithin('LY-BA-03', 'LY-BA-03')).toBe(true);
    expect(isWithin('LY-BA-03', 'LY-BA')).toBe(true);
    expect(isWithin('LY-BA-03', 'LY')).toBe(true);
    expect(isWithin('LY-BA-03', 'LY-B')).toBe(false);
    expect(isWithin('LY-BA-030', 'LY-BA-03')).toBe(false);
    expect(isWithin('LY-BA', 'LY-BA-03')).toBe(false);
  });
});
