import { StatisticsInputError } from './statistics-error';

/*
 * Guards shared by the life table and the projection. Each throws on the first offending value and
 * names it by index, because a statistician fixes one cell at a time in a spreadsheet.
 */

/** Inputs arrive as JSON: a schedule may be missing, an object or a number where a list belongs. */
export function requireList(field: string, values: unknown): asserts values is readonly unknown[] {
  if (!Array.isArray(values)) {
    throw new StatisticsInputError(field, 'list', 'must be a list of numbers, one per age group');
  }
}

export function requireLength(field: string, values: unknown, length: number): void {
  requireList(field, values);
  if (values.length !== length) {
    throw new StatisticsInputError(
      field,
      'same-length',
      `has ${values.length} values; ${length} expected (one per age group)`,
    );
  }
}

export function requireFinite(field: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new StatisticsInputError(`${field}[${i}]`, 'finite', 'must be a finite number');
    }
  }
}

export function requireNonNegative(field: string, values: ArrayLike<number>): void {
  requireFinite(field, values);
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) {
      throw new StatisticsInputError(`${field}[${i}]`, 'non-negative', 'must not be negative');
    }
  }
}

export function requirePositive(field: string, values: ArrayLike<number>): void {
  requireFinite(field, values);
  for (let i = 0; i < values.length; i++) {
    if (values[i] <= 0) {
      throw new StatisticsInputError(`${field}[${i}]`, 'positive', 'must be greater than zero');
    }
  }
}

export function requireIncreasing(field: string, values: ArrayLike<number>): void {
  requireFinite(field, values);
  for (let i = 1; i < values.length; i++) {
    if (values[i] <= values[i - 1]) {
      throw new StatisticsInputError(
        `${field}[${i}]`,
        'increasing',
        `must be greater than the age before it (${values[i - 1]})`,
      );
    }
  }
}
