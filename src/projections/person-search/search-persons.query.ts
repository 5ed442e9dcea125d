import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchBarrier } from './search-barrier';
import { PersonSearchIndex } from './person-search-index';
import type { PersonSearchRequest } from './search-request';
import type { SearchPage, TooBroad } from './search-persons';

export class SearchPersons extends Query<SearchPage | TooBroad> {
  constructor(readonly request: PersonSearchRequest) {
    super();
  }
}

/** Waits for the search index to reach the log's head, then asks it. */
@QueryHandler(SearchPersons)
export class SearchPersonsHandler implements IQueryHandler<SearchPersons> {
  constructor(
    private readonly index: PersonSearchIndex,
    private readonly barrier: SearchBarrier,
  ) {}

  async execute({ request: { criteria, page, pageSize } }: SearchPersons): Promise<SearchPage | TooBroad> {
    await this.barrier.wait();
    return this.index.search(criteria, { page, pageSize });
  }
}
