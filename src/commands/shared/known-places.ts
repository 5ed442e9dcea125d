import { InvalidValue } from '../../domain/shared/domain-error';
import type { Gazetteer } from '../../gazetteer/gazetteer';

/** An area code the request names must exist in the gazetteer: a 400 naming the field otherwise. */
export function assertKnownArea(gazetteer: Gazetteer, field: string, code: string | undefined): void {
  if (code !== undefined && !gazetteer.hasArea(code)) {
    throw new InvalidValue(field, 'AREA.UNKNOWN', `${field}: ${code} is not an area of the gazetteer`);
  }
}
