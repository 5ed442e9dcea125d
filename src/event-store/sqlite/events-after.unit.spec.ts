import type { EventRow } from './event-statements';
import { eventsAfter, ROWS_PER_RUN } from './events-after';

/** A log of `count` rows whose positions leave gaps (positions are not dense), read as the statements read it. */
function logOf(count: number) {
  const rows: EventRow[] = Array.from({ length: count }, (_, index) => {
    const position = 3 * index + 1;
    return [position, `e${position}`, `person-${index % 7}`, index, 'NameChanged', `{"n":${index}}`, '{"schemaVersion":1}', '2026-11-23T00:00:00.000Z'];
  });
  const runs: number[] = [];
  const read = (after: number, limit: number): EventRow[] => {
    runs.push(limit);
    const from = rows.filter(([position]) => position > after);
    return limit < 0 ? from : from.slice(0, limit);
  };
  return { rows, runs, read };
}

const positions = (events: { position: number }[]) => events.map(({ position }) => position);

describe('eventsAfter', () => {
  const count = 2 * ROWS_PER_RUN + 345;

  it('reads the whole log in runs when no limit is given', () => {
    const { rows, runs, read } = logOf(count);
    const events = eventsAfter(read, 0, -1);
    expect(positions(events)).toEqual(rows.map(([position]) => position));
    expect(events[count - 1]).toEqual({
      id: rows[count - 1][1], streamId: rows[count - 1][2], revision: count - 1, position: rows[count - 1][0],
      type: 'NameChanged', data: { n: count - 1 }, dataJson: `{"n":${count - 1}}`, metadata: { schemaVersion: 1 }, recordedAt: '2026-11-23T00:00:00.000Z',
    });
    expect(runs).toEqual([ROWS_PER_RUN, ROWS_PER_RUN, ROWS_PER_RUN]);
  });

  it('stops at maxCount, across runs, from any position', () => {
    const { rows, read } = logOf(count);
    const after = rows[10][0] + 1;
    const expected = rows.filter(([position]) => position > after).slice(0, ROWS_PER_RUN + 17).map(([position]) => position);
    expect(positions(eventsAfter(read, after, ROWS_PER_RUN + 17))).toEqual(expected);
  });

  it('reads exactly maxCount when it is a whole number of runs, with no empty run after', () => {
    const { runs, read } = logOf(count);
    expect(eventsAfter(read, 0, 2 * ROWS_PER_RUN)).toHaveLength(2 * ROWS_PER_RUN);
    expect(runs).toEqual([ROWS_PER_RUN, ROWS_PER_RUN]);
  });

  it('ends at the log end when it falls on a run boundary', () => {
    const { runs, read } = logOf(2 * ROWS_PER_RUN);
    expect(eventsAfter(read, 0, -1)).toHaveLength(2 * ROWS_PER_RUN);
    expect(runs).toEqual([ROWS_PER_RUN, ROWS_PER_RUN, ROWS_PER_RUN]);
  });

  it('reads nothing for maxCount 0 or past the head', () => {
    const { rows, runs, read } = logOf(5);
    expect(eventsAfter(read, 0, 0)).toEqual([]);
    expect(runs).toEqual([]);
    expect(eventsAfter(read, rows[4][0], 10)).toEqual([]);
  });
});
