import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../../domain/shared/domain-error';
import { PersonSearchIndex } from '../person-search/person-search-index';
import type { PersonSearchRequest } from '../person-search/search-request';
import { SearchBarrier } from '../person-search/search-barrier';
import type { Duplicates } from './find-duplicates';

export class FindDuplicates extends Query<Duplicates> {
  constructor(
    readonly nationalId: string,
    readonly read: PersonSearchRequest['read'],
  ) {
    super();
  }
}

@QueryHandler(FindDuplicates)
export class FindDuplicatesHandler implements IQueryHandler<FindDuplicates> {
  constructor(
    private readonly index: PersonSearchIndex,
    private readonly barrier: SearchBarrier,
  ) {}

  async execute({ nationalId }: FindDuplicates): Promise<Duplicates> {
    await this.barrier.wait();
    const duplicates = await this.index.duplicatesOf(nationalId);
    if (duplicates === undefined) {
      throw new NotFound('PERSON.NOT_FOUND', `No person is registered under national ID ${nationalId}`, { nationalId });
    }
    return duplicates;
  }
}
