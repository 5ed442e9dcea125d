import { newEventId } from './event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisecondsOf = (id: string): number => parseInt(id.replace('-', '').slice(0, 12), 16);

describe('newEventId', () => {
  it('draws version 7 UUIDs of the current millisecond', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5_000 }, newEventId);
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(UUID_V7);
      expect(millisecondsOf(id)).toBeGreaterThanOrEqual(before);
      expect(millisecondsOf(id)).toBeLessThanOrEqual(after);
    }
  });

  it('sorts in the order drawn, within one millisecond too, and never repeats', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 23, 8, 0, 0));
    try {
      const ids = Array.from({ length: 20_000 }, newEventId);
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      // The random part differs from ID to ID, not only the counter.
      expect(new Set(ids.map((id) => id.slice(-10))).size).toBeGreaterThan(19_000);
    } finally {
      now.mockRestore();
    }
  });

  it('keeps rising when the clock steps back', () => {
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(Date.UTC(2026, 10, 23, 8, 0, 1));
      const first = newEventId();
      now.mockReturnValue(Date.UTC(2026, 10, 23, 8, 0, 0));
      expect(newEventId() > first).toBe(true);
    } finally {
      now.mockRestore();
    }
  });
});
