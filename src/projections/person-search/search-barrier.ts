import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../http/problem';
import { ProjectionProgress, ProjectionTimeout } from '../../read-models/engine/projection-progress';
import { PERSON_SEARCH_PROJECTION } from './search-document';

/**
 * A search or duplicate check sees everything the log held when it was asked, whoever wrote it:
 * a supervisor's annulment is out of a registrar's next search. It waits for the log's head on
 * the search projection alone (a few index reads when it is already there).
 */
@Injectable()
export class SearchBarrier {
  constructor(private readonly progress: ProjectionProgress) {}

  async wait(): Promise<void> {
    try {
      await this.progress.waitForHead({ projections: [PERSON_SEARCH_PROJECTION] });
    } catch (error) {
      if (!(error instanceof ProjectionTimeout)) throw error;
      throw ProblemException.of(503, 'READ_MODEL.BEHIND', 'The search index is behind', 'The search index has not yet applied the latest facts; retry shortly.');
    }
  }
}
