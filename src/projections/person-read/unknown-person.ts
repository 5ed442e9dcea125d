import { NotFound } from '../../domain/shared/domain-error';
import type { ReadPoint } from './read-point';

/** No registration counts at that point: never registered, annulled, or not yet born or recorded. */
export function unknownPerson(nationalId: string, { asOf, knownAt }: ReadPoint): NotFound {
  const at = [asOf && `on ${asOf}`, knownAt && `as known at ${knownAt}`].filter(Boolean).join(', ');
  return new NotFound(
    'PERSON.NOT_FOUND',
    `No person is registered under national ID ${nationalId}${at ? ` ${at}` : ''}`,
    { nationalId },
  );
}
