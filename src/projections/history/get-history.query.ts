import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../app/tokens';
import { stateOf } from '../../domain/person/person-state';
import type { EventStore } from '../../event-store/event-store.port';
import { loadPersonLog } from '../person-read/person-log';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { logAt } from '../person-read/read-point';
import { unknownPerson } from '../person-read/unknown-person';
import { historyOf, type HistoryView } from './history-view';

export class GetHistory extends Query<HistoryView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/** Replays the person's stream at the read point; no registration counting there is a 404. */
@QueryHandler(GetHistory)
export class GetHistoryHandler implements IQueryHandler<GetHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ nationalId, read: { point } }: GetHistory): Promise<HistoryView> {
    const log = logAt(await loadPersonLog(this.store, nationalId), point);
    if (stateOf(log).status === 'unregistered') throw unknownPerson(nationalId, point);
    return historyOf(nationalId, log);
  }
}
