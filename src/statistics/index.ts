/*
 * The demographic methods of issue 5: pure functions, no I/O. The HTTP routes and the register
 * adapters build on these.
 */
export { coaleDemenyA0, coaleDemenyA1 } from './coale-demeny';
export { projectPopulation, type ProjectionResult, type ProjectionStep } from './cohort-component';
export { dominantEigenvalue, leslieMatrix, type LeslieInput } from './leslie';
export {
  LIFE_TABLE_RADIX,
  lifeTable,
  lifeTableFromRates,
  type LifeTableInput,
  type LifeTableRates,
  type LifeTableRow,
} from './life-table';
export { medianAge, summarizePopulation, type DependencyRatios, type PopulationSummary } from './population-summary';
export type {
  BySex,
  MigrationConvention,
  ProjectionInput,
  ProjectionScenario,
  Target,
} from './projection-input';
export { projectionLx } from './projection-lx';
export { StatisticsInputError } from './statistics-error';
