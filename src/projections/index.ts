import type { Type } from '@nestjs/common';
import { HistoryController } from './history/history.controller';
import { GetHistoryHandler } from './history/get-history.query';
import { GetIdentityViewHandler } from './identity-view/get-identity-view.query';
import { IdentityViewController } from './identity-view/identity-view.controller';
import type { Projection } from '../read-models/projection';
import { logStatsProjection } from './log-stats/log-stats.projection';
import { PopulationProjection } from './population/population.projection';
import { StatisticsController } from './statistics/statistics.controller';

/** Every read use case: its controller and its @nestjs/cqrs query handler. */
export const queryControllers: Type[] = [IdentityViewController, HistoryController, StatisticsController];
export const queryHandlers: Type[] = [GetIdentityViewHandler, GetHistoryHandler];

/**
 * Every projection: `sijil serve`, the `sijil projections run` worker and `rebuild` all run this
 * same set. Add yours here.
 */
export const projections: Projection[] = [logStatsProjection, new PopulationProjection()];
