import type { Marriage } from '../person-collections';
import { marriageEnd } from './marriage-rules';

describe('marriageEnd', () => {
  const marriage = (divorced?: string): Marriage => ({
    marriageId: 'm',
    spouseId: '200000000001',
    date: '1970-01-01',
    place: 'LY-BA-01',
    eventId: 'e',
    ...(divorced && { divorce: { date: divorced, eventId: 'd' } }),
  });

  it('is the earlier of the divorce and the spouse’s death, either alone, or none', () => {
    expect(marriageEnd(marriage(), {})).toBeUndefined();
    expect(marriageEnd(marriage('1980-05-01'), {})).toBe('1980-05-01');
    expect(marriageEnd(marriage(), { '200000000001': '1979-01-01' })).toBe('1979-01-01');
    expect(marriageEnd(marriage('1980-05-01'), { '200000000001': '1979-01-01' })).toBe('1979-01-01');
    expect(marriageEnd(marriage('1980-05-01'), { '200000000001': '1990-01-01' })).toBe('1980-05-01');
    expect(marriageEnd(marriage('1980-05-01'), { '200000000002': '1979-01-01' })).toBe('1980-05-01');
  });
});
