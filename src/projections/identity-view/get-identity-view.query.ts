import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../app/clock';
import { EVENT_STORE } from '../../app/tokens';
import type { PersonState } from '../../domain/person/person-state';
import type { EventStore } from '../../event-store/event-store.port';
import { loadPersonLog } from '../person-read/person-log';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { dayOf, stateAt } from '../person-read/read-point';
import { unknownPerson } from '../person-read/unknown-person';
import { identityViewOf, spouseIdsOf, type IdentityView } from './identity-view';

export class GetIdentityView extends Query<IdentityView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/** Replays the person's stream, and their spouses' for widowhood, at the read point. */
@QueryHandler(GetIdentityView)
export class GetIdentityViewHandler implements IQueryHandler<GetIdentityView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ nationalId, read: { point } }: GetIdentityView): Promise<IdentityView> {
    const person = stateAt(await loadPersonLog(this.store, nationalId), point);
    if (person.status === 'unregistered') throw unknownPerson(nationalId, point);
    const spouses = new Map<string, PersonState>(
      await Promise.all(
        spouseIdsOf(person).map(async (id) => [id, stateAt(await loadPersonLog(this.store, id), point)] as const),
      ),
    );
    return identityViewOf(person, spouses, dayOf(point, this.clock.now().toISOString()));
  }
}
