import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidValue } from '../../domain/shared/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{marriageId}` in a path: the ledger issues UUIDs, so anything else is a 400, never a 404. */
@Injectable()
export class MarriageIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new InvalidValue('marriageId', 'MARRIAGE.ID_FORMAT', `marriageId must be a UUID as the ledger issued it (got ${JSON.stringify(value)})`);
    }
    return value.toLowerCase();
  }
}
