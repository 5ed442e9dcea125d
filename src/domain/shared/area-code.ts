import { InvalidValue } from './domain-error';

/**
 * A gazetteer area code: a country (ISO 3166 alpha-2) followed by one segment per level down,
 * `LY-BA-03`. Whether the code exists is the gazetteer's business; the domain checks its shape
 * and compares codes by their segments.
 */
export type AreaCode = string;

const FORMAT = /^[A-Z]{2}(-[A-Z0-9]{1,8})*$/;

export function isAreaCode(value: unknown): value is AreaCode {
  return typeof value === 'string' && FORMAT.test(value);
}

export function parseAreaCode(value: unknown, field: string): AreaCode {
  if (!isAreaCode(value)) {
    throw new InvalidValue(
      field,
      'AREA.FORMAT',
      `${field} must be an area code like LY-BA-03 (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

/** `LY-BA-03` is within `LY-BA` and `LY-BA-03`, never within `LY-B` (whole segments only). */
export function isWithin(area: AreaCode, jurisdictionArea: AreaCode): boolean {
  return area === jurisdictionArea || area.startsWith(`${jurisdictionArea}-`);
}
