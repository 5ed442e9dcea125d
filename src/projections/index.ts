import type { Provider, Type } from '@nestjs/common';
import { WritePositions } from '../commands/shared/write-positions';
import { HistoryController } from './history/history.controller';
import { GetHistoryHandler } from './history/get-history.query';
import { GetIdentityViewHandler } from './identity-view/get-identity-view.query';
import { IdentityViewController } from './identity-view/identity-view.controller';
import { FamilyController } from './family/family.controller';
import { GetFamilyHandler } from './family/get-family.query';
import { GetHeirsHandler } from './heirs/get-heirs.query';
import { HeirsController } from './heirs/heirs.controller';
import { PersonReadModel } from './persons/person-read-model';
import { OwnWritesBarrier, ReadBarrier } from './persons/read-barrier';
import { StatisticsController } from './statistics/statistics.controller';
import { DuplicatesController } from './duplicates/duplicates.controller';
import { FindDuplicatesHandler } from './duplicates/find-duplicates.query';
import { PersonSearchController } from './person-search/person-search.controller';
import { PersonSearchIndex } from './person-search/person-search-index';
import { SearchBarrier } from './person-search/search-barrier';
import { SearchPersonsHandler } from './person-search/search-persons.query';

/** Every read use case: its controller and its @nestjs/cqrs query handler. */
export const queryControllers: Type[] = [IdentityViewController, HistoryController, FamilyController, HeirsController, StatisticsController, PersonSearchController, DuplicatesController];
export const queryHandlers: Type[] = [GetIdentityViewHandler, GetHistoryHandler, GetFamilyHandler, GetHeirsHandler, SearchPersonsHandler, FindDuplicatesHandler];

/** What the query handlers share: the person read model, and read-your-writes over the client's last write. */
export const queryProviders: Provider[] = [PersonReadModel, WritePositions, { provide: ReadBarrier, useClass: OwnWritesBarrier }, PersonSearchIndex, SearchBarrier];

export { projections } from './registry';
