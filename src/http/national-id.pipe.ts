import { Injectable, PipeTransform } from '@nestjs/common';
import { parseNationalId } from '../domain/shared/national-id';

/** `{nid}` in a path: a malformed ID or wrong check digit is a 400 naming `nid`, never a 404. */
@Injectable()
export class NationalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parseNationalId(value, 'nid');
  }
}
