import { InvalidValue } from '../../domain/shared/domain-error';
import type { Gazetteer } from '../../gazetteer/gazetteer';

/** Area codes the request names must exist in the gazetteer: a 400 naming the field otherwise. */
export function assertKnownAreas(gazetteer: Gazetteer, areas: Record<string, string | undefined>): void {
  for (const [field, code] of Object.entries(areas)) {
    if (code !== undefined && !gazetteer.hasArea(code)) {
      throw new InvalidValue(field, 'AREA.UNKNOWN', `${field}: ${code} is not an area of the gazetteer`);
    }
  }
}
