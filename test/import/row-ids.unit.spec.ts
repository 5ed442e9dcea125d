import { seededUuid, sequentialUuid } from '../../src/bulk/command-ids';
import { progressEventId, rowIds } from '../../src/import/row-keys';

/**
 * The identifiers an import writes are part of its log: a resumed or repeated import must write
 * the same ones, so their text is pinned here (values of the build before they were joined
 * rather than concatenated, 2026-11-24).
 */
describe('an import row’s identifiers', () => {
  const fileSha256 = '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08';

  it('are those of the file, the row and the record', () => {
    const ids = rowIds(fileSha256, 1234, 'import:abc');
    expect(ids.commandId()).toBe('9f86d081-884c-8000-8000-000000004d2e');
    expect([0, 13].map((index) => ids.eventId!(index))).toEqual(['9f86d081-884c-8000-8000-000000004d20', '9f86d081-884c-8000-8000-000000004d2d']);
    expect([0, 1].map((attempt) => ids.nationalId(attempt))).toEqual(['401950356360', '326464364241']);
    expect(ids.marriageId()).toBe('42f8f8d6-c20a-8390-80d1-a073c9e68d93');
    expect(progressEventId(fileSha256, 2000)).toBe('9f86d081-884c-8000-8000-000000007d0f');
  });

  it('refuse a row of more events than its slots', () => {
    expect(() => rowIds(fileSha256, 1, 'import:abc').eventId!(14)).toThrow('at most 14 events');
  });

  it('keep the UUID layout at the ends of their ranges', () => {
    expect(sequentialUuid('ffffffffffffffff', 2 ** 53 - 1)).toBe('ffffffff-ffff-8000-801f-ffffffffffff');
    expect(seededUuid('x')).toBe('2d711642-b726-8b04-8401-627ca9fbac32');
  });
});
