import type { KeyedRow } from '../../src/import/keyed-row';

/** A row's fields as text, whichever object carries them (an unpacked row reads them from its message when asked). */
export const rowText = ({ row, line, record, unreadable, bytes, key }: KeyedRow): string => JSON.stringify({ row, line, record, unreadable, bytes, key });
