import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../http/problem';
import { ProjectionProgress, ProjectionTimeout } from '../../read-models/engine/projection-progress';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { WritePositions } from '../../commands/shared/write-positions';

/**
 * What a person read waits for before it reads the projections: read-your-writes, so a registrar
 * who just recorded a birth finds it.
 */
export abstract class ReadBarrier {
  abstract wait(reader: PersonReadRequest['reader']): Promise<void>;
}

/** Waits for nothing: for the pure reads over a store filled by hand (the benchmark). */
export class NoReadBarrier extends ReadBarrier {
  async wait(): Promise<void> {}
}

/**
 * Waits until the `persons` projection has applied the reader's own last write in this process;
 * a reader who wrote nothing (or whose writes are already applied) does not wait at all.
 */
@Injectable()
export class OwnWritesBarrier extends ReadBarrier {
  constructor(
    private readonly positions: WritePositions,
    private readonly progress: ProjectionProgress,
  ) {
    super();
  }

  async wait({ clientId }: PersonReadRequest['reader']): Promise<void> {
    const position = this.positions.of(clientId);
    if (position === undefined) return;
    try {
      await this.progress.waitFor(position, { projections: ['persons'] });
    } catch (error) {
      if (!(error instanceof ProjectionTimeout)) throw error;
      throw ProblemException.of(503, 'READ_MODEL.BEHIND', 'The read model is behind', `Your last write (log position ${position}) is not yet in the read model; retry shortly.`);
    }
    this.positions.reached(clientId, position);
  }
}
