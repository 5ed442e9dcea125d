import { Controller, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { PersonRead, ReadsPerson } from '../person-read/person-read.decorators';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { GetIdentityView } from './get-identity-view.query';
import { IdentityViewResponse } from './identity-view.response';

@ApiTags('person reads')
@Controller('v1/persons')
export class IdentityViewController {
  constructor(private readonly queries: QueryBus) {}

  @ReadsPerson(':nid', IdentityViewResponse, 'The identity view: corrections applied, annulled facts ignored')
  get(@Param('nid', NationalIdPipe) nid: string, @PersonRead() read: PersonReadRequest) {
    return this.queries.execute(new GetIdentityView(nid, read));
  }
}
