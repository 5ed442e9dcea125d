import type { Projection } from '../read-models/projection';
import { logStatsProjection } from './log-stats/log-stats.projection';
import { PersonSearchProjection } from './person-search/person-search.projection';
import { PersonsProjection } from './persons/persons.projection';
import { PopulationProjection } from './population/population.projection';

/**
 * Every projection: `sijil serve`, the `sijil projections run` worker and `rebuild` all run this
 * same set. Add yours here. Apart from the HTTP side (index.ts), so that a rebuild thread loads
 * the projections without the controllers and the framework.
 *
 * Heaviest rebuild first (CPU alone, besides reading the log, on the bench's log of 500,551
 * events): persons, population, person-search, log-stats. Rebuild threads are dealt them back and
 * forth in this order (see rebuildInThreads), so two threads rebuild persons with log-stats and
 * population with person-search, about half the work each.
 */
export const projections: Projection[] = [new PersonsProjection(), new PopulationProjection(), new PersonSearchProjection(), logStatsProjection];
