import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { POLICY } from '../../app/tokens';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import { RuleViolation } from '../../domain/shared/domain-error';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { KinfolkLoader, PersonReadModel } from '../persons/person-read-model';
import { ReadBarrier } from '../persons/read-barrier';
import { heirRelativesOf, heirsOf, type HeirsView } from './heirs';

export class GetHeirs extends Query<HeirsView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/**
 * Every relative's state with all the facts known (at `knownAt` if given): the heirs are judged
 * on civil dates against the day of death, so a death recorded late still counts. Children are
 * followed down only through those who died, for the lines of predeceased children.
 */
@QueryHandler(GetHeirs)
export class GetHeirsHandler implements IQueryHandler<GetHeirs> {
  constructor(
    private readonly reads: PersonReadModel,
    private readonly barrier: ReadBarrier,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  async execute({ nationalId, read: { point, reader } }: GetHeirs): Promise<HeirsView> {
    await this.barrier.wait(reader);
    const kin = new KinfolkLoader(this.reads, point);
    const person = await kin.loadSubject(nationalId);
    if (person.status !== 'deceased') {
      throw new RuleViolation('HEIRS.NOT_DECEASED', `Heirs are determined as of a death: no death of ${nationalId} is recorded`, { nationalId });
    }
    const { persons, parents } = heirRelativesOf(person);
    await Promise.all([kin.loadPersons(persons), kin.loadChildren(parents)]);
    const visited = new Set([nationalId]);
    let predeceased = kin.childrenOf(nationalId).filter((id) => kin.person(id)?.status === 'deceased');
    while (predeceased.length > 0) {
      predeceased.forEach((id) => visited.add(id));
      await kin.loadChildren(predeceased);
      predeceased = predeceased.flatMap((id) => kin.childrenOf(id)).filter((id) => !visited.has(id) && kin.person(id)?.status === 'deceased');
    }
    return heirsOf(person, kin, this.policy.posthumousBirthDays);
  }
}
