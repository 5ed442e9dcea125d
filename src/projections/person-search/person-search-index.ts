import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '../../app/tokens';
import type { ReadModelStore } from '../../read-models/read-model.port';
import { findDuplicates, type Duplicates } from '../duplicates/find-duplicates';
import { searchPersons, type SearchPage, type TooBroad } from './search-persons';
import type { SearchCriteria } from './search-ranking';

/** The `person-search` projection's collection, as searches and duplicate checks ask it. */
@Injectable()
export class PersonSearchIndex {
  constructor(@Inject(READ_MODELS) private readonly models: ReadModelStore) {}

  search(criteria: SearchCriteria, page: { page: number; pageSize: number }): Promise<SearchPage | TooBroad> {
    return searchPersons(this.models, criteria, page);
  }

  duplicatesOf(nationalId: string): Promise<Duplicates | undefined> {
    return findDuplicates(this.models, nationalId);
  }
}
