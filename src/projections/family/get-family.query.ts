import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { KinfolkLoader, PersonReadModel } from '../persons/person-read-model';
import { ReadBarrier } from '../persons/read-barrier';
import { familyOf, spouseAndParentIdsOf, type FamilyView } from './family-view';

export class GetFamily extends Query<FamilyView> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonReadRequest,
  ) {
    super();
  }
}

/**
 * The person, spouses and parents by ID; children and siblings through the kinship index (the
 * children named of the person and of each parent); everyone's state at the same read point.
 */
@QueryHandler(GetFamily)
export class GetFamilyHandler implements IQueryHandler<GetFamily> {
  constructor(
    private readonly reads: PersonReadModel,
    private readonly barrier: ReadBarrier,
  ) {}

  async execute({ nationalId, read: { point, reader } }: GetFamily): Promise<FamilyView> {
    await this.barrier.wait(reader);
    const kin = new KinfolkLoader(this.reads, point);
    const person = await kin.loadSubject(nationalId);
    const parents = [person.motherId, person.fatherId].filter((id): id is string => id !== undefined);
    await Promise.all([kin.loadPersons(spouseAndParentIdsOf(person)), kin.loadChildren([nationalId, ...parents])]);
    return familyOf(person, kin);
  }
}
