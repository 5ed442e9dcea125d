import { Injectable } from '@nestjs/common';

/**
 * The log position of each client's last write in this process, for read-your-writes: a reader
 * waits only for its own writes, not for the whole log. One entry per agency client.
 */
@Injectable()
export class WritePositions {
  private readonly positions = new Map<string, number>();

  wrote(clientId: string, position: number): void {
    if (position > (this.positions.get(clientId) ?? -1)) this.positions.set(clientId, position);
  }

  of(clientId: string): number | undefined {
    return this.positions.get(clientId);
  }

  /** Once the projections have passed it, a position need not be waited for again. */
  reached(clientId: string, position: number): void {
    if (this.positions.get(clientId) === position) this.positions.delete(clientId);
  }
}
