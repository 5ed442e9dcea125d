import { sequentialUuid } from '../../src/bulk/command-ids';

/** The layout written out in full, as the IDs were made before the short path for low counters. */
function spelledOut(prefix: string, counter: number): string {
  const p = prefix.slice(0, 12).toLowerCase();
  const r = counter.toString(16).padStart(18, '0');
  return `${p.slice(0, 8)}-${p.slice(8, 12)}-8${r.slice(0, 3)}-8${r.slice(3, 6)}-${r.slice(6, 18)}`;
}

describe('sequentialUuid', () => {
  const counters = [0, 1, 15, 16, 4_095, 123_456_789, 16 ** 12 - 1, 16 ** 12, 16 ** 12 + 1, 2 ** 53 - 1];

  it('spells every counter as the full layout does, on both sides of 16^12', () => {
    for (const counter of counters) expect(sequentialUuid('9F86D081884C7D65', counter)).toBe(spelledOut('9F86D081884C7D65', counter));
  });

  it('takes each call’s own prefix when calls alternate between files', () => {
    const prefixes = ['aaaaaaaaaaaa', 'BBBBBBBBBBBBCC', 'aaaaaaaaaaaa', '0123456789abcdef'];
    for (const prefix of prefixes) {
      for (const counter of counters) expect(sequentialUuid(prefix, counter)).toBe(spelledOut(prefix, counter));
    }
  });
});
