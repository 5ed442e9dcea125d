/**
 * Inputs a statistician supplies (or the register yields) that no demographic method can use.
 * `field` is the path of the offending value (`exposures[3]`, `population.F`) and `rule` a stable
 * kebab-case name, so the HTTP layer can report `errors: [{field, rule, message}]` unchanged.
 */
export class StatisticsInputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'StatisticsInputError';
  }
}
