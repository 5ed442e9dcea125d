import { Controller, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { PersonRead, ReadsPerson } from '../person-read/person-read.decorators';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { GetHeirs } from './get-heirs.query';
import { HeirsResponse } from './heirs.response';

@ApiTags('person reads')
@Controller('v1/persons')
export class HeirsController {
  constructor(private readonly queries: QueryBus) {}

  @ReadsPerson(':nid/heirs', HeirsResponse, 'The heirs as of the day of death, each with the relation and the facts that prove it; the shares are for the court', {
    roles: ['court'],
    points: ['knownAt'],
  })
  @ApiResponse({ status: 422, description: 'HEIRS.NOT_DECEASED: no death of the person is recorded' })
  get(@Param('nid', NationalIdPipe) nid: string, @PersonRead(['knownAt']) read: PersonReadRequest) {
    return this.queries.execute(new GetHeirs(nid, read));
  }
}
