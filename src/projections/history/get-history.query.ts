import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { stateOf } from '../../domain/person/person-state';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { logAt } from '../person-read/read-point';
import { unknownPerson } from '../person-read/unknown-person';
import { PersonReadModel } from '../persons/person-read-model';
import { ReadBarrier } from '../persons/read-barrier';
import { historyOf, type HistoryView } from './history-view';

export class GetHistory extends Query<HistoryView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/** The person's log from the read model, cut at the read point; no registration counting there is a 404. */
@QueryHandler(GetHistory)
export class GetHistoryHandler implements IQueryHandler<GetHistory> {
  constructor(
    private readonly reads: PersonReadModel,
    private readonly barrier: ReadBarrier,
  ) {}

  async execute({ nationalId, read: { point, reader } }: GetHistory): Promise<HistoryView> {
    await this.barrier.wait(reader);
    const log = logAt(await this.reads.log(nationalId), point);
    if (stateOf(log).status === 'unregistered') throw unknownPerson(nationalId, point);
    return historyOf(nationalId, log);
  }
}
