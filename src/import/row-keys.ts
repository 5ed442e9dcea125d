import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { seededNationalId, seededUuid, sequentialUuid, type CommandIds } from '../bulk/command-ids';

/** Event and command IDs per file and row, so a resumed import writes the log an uninterrupted one would. */
const EVENTS_PER_ROW = 16;
const COMMAND_SLOT = 14;
const PROGRESS_SLOT = 15;

/**
 * One object a row, its methods on the prototype: an object of four closures made six per row,
 * kept with the row's command until its batch commits.
 */
class RowIds implements CommandIds {
  constructor(
    private readonly fileSha256: string,
    private readonly row: number,
    private readonly key: string,
  ) {}

  commandId(): string {
    return sequentialUuid(this.fileSha256, this.row * EVENTS_PER_ROW + COMMAND_SLOT);
  }

  eventId(index: number): string {
    if (index >= COMMAND_SLOT) throw new Error(`a row records at most ${COMMAND_SLOT} events`);
    return sequentialUuid(this.fileSha256, this.row * EVENTS_PER_ROW + index);
  }

  /** From the record's key, not its place: the same record gets the same national ID from any file. */
  nationalId(attempt: number): string {
    return seededNationalId(this.key, attempt);
  }

  marriageId(): string {
    return seededUuid(this.key);
  }
}

export const rowIds = (fileSha256: string, row: number, key: string): CommandIds => new RowIds(fileSha256, row, key);

export const progressEventId = (fileSha256: string, rowsDone: number): string =>
  sequentialUuid(fileSha256, rowsDone * EVENTS_PER_ROW + PROGRESS_SLOT);

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
