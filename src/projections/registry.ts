import type { Projection } from '../read-models/projection';
import { logStatsProjection } from './log-stats/log-stats.projection';
import { PersonSearchProjection } from './person-search/person-search.projection';
import { PersonsProjection } from './persons/persons.projection';
import { PopulationProjection } from './population/population.projection';

/**
 * Every projection: `sijil serve`, the `sijil projections run` worker and `rebuild` all run this
 * same set. Add yours here. Apart from the HTTP side (index.ts), so that a rebuild thread loads
 * the projections without the controllers and the framework.
 */
export const projections: Projection[] = [logStatsProjection, new PersonsProjection(), new PopulationProjection(), new PersonSearchProjection()];
