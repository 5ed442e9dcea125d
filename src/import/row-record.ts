/**
 * Sets a column's value in a row's record. `__proto__` is a column name like any other (an NDJSON
 * key, a CSV header): assigned, it would set the record's prototype and the value would vanish,
 * and the row would be recorded without the check that its kind reads every column it has.
 */
export function setColumn(record: Record<string, string>, column: string, value: string): void {
  if (column === '__proto__') Object.defineProperty(record, column, { value, enumerable: true, writable: true, configurable: true });
  else record[column] = value;
}
