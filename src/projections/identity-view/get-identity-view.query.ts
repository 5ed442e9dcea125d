import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../app/clock';
import type { PersonState } from '../../domain/person/person-state';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { dayOf, stateAt } from '../person-read/read-point';
import { unknownPerson } from '../person-read/unknown-person';
import { PersonReadModel } from '../persons/person-read-model';
import { ReadBarrier } from '../persons/read-barrier';
import { identityViewOf, spouseIdsOf, withCardOn, type IdentityView } from './identity-view';

export class GetIdentityView extends Query<IdentityView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/**
 * The common read (no `asOf`, no `knownAt`) is one document, with the card valid today chosen
 * from it; a read at a point cuts the person's and the spouses' logs from the read model there.
 */
@QueryHandler(GetIdentityView)
export class GetIdentityViewHandler implements IQueryHandler<GetIdentityView> {
  constructor(
    private readonly reads: PersonReadModel,
    private readonly barrier: ReadBarrier,
    private readonly clock: Clock,
  ) {}

  async execute({ nationalId, read: { point, reader } }: GetIdentityView): Promise<IdentityView> {
    await this.barrier.wait(reader);
    const day = dayOf(point, this.clock.now().toISOString());
    if (point.asOf === undefined && point.knownAt === undefined) {
      const current = await this.reads.currentIdentity(nationalId);
      if (!current) throw unknownPerson(nationalId, point);
      return withCardOn(current.view, current.cards, day);
    }
    const person = stateAt(await this.reads.log(nationalId), point);
    if (person.status === 'unregistered') throw unknownPerson(nationalId, point);
    const logs = await this.reads.logs(spouseIdsOf(person));
    const spouses = new Map<string, PersonState>([...logs].map(([id, log]) => [id, stateAt(log, point)]));
    return identityViewOf(person, spouses, day);
  }
}
