import { deserialize, serialize } from 'node:v8';
import { DuplicateEventId, EarlierAppendFailed, WrongExpectedRevision } from '../event-store.port';
import { replyOf } from './commit-batch';
import { settledOf, type WriterReply } from './writer-messages';

/** As the reply crosses from the writer thread: a structured clone. */
const crossed = (reply: WriterReply): WriterReply => deserialize(serialize(reply)) as WriterReply;

describe('the writer thread reply', () => {
  it('gives each append its own results, in order, between refused appends', () => {
    const many = Array.from({ length: 700 }, (_, i) => ({ nextRevision: i % 3, position: 1_000_000 + 2 * i }));
    const reply = crossed(
      replyOf({
        outcomes: [
          { results: [{ nextRevision: 4, position: 9 }] },
          { error: new WrongExpectedRevision('person-1', 2, 'no_stream') },
          { results: many },
          { results: [] },
          { error: new DuplicateEventId('person-2', 'e-1') },
          { results: [{ nextRevision: -1, position: 2 ** 52 }, { nextRevision: 0, position: 10 }] },
        ],
      }),
    );
    const settled = 'outcomes' in reply ? settledOf(reply) : [];

    expect(settled).toEqual([
      [{ nextRevision: 4, position: 9 }],
      new WrongExpectedRevision('person-1', 2, 'no_stream'),
      many,
      [],
      new DuplicateEventId('person-2', 'e-1'),
      [{ nextRevision: -1, position: 2 ** 52 }, { nextRevision: 0, position: 10 }],
    ]);
    expect(settled[1]).toBeInstanceOf(WrongExpectedRevision);
    expect(settled[4]).toBeInstanceOf(DuplicateEventId);
    expect(Object.keys((settled[0] as object[])[0]!)).toEqual(['nextRevision', 'position']);
  });

  it('says a batch failed whole', () => {
    const reply = crossed(replyOf({ failed: new EarlierAppendFailed() }));

    expect(reply).toEqual({ failed: { kind: 'earlier-append-failed' } });
  });
});
