import { Controller, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { PersonRead, ReadsPerson } from '../person-read/person-read.decorators';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { FamilyResponse } from './family.response';
import { GetFamily } from './get-family.query';

@ApiTags('person reads')
@Controller('v1/persons')
export class FamilyController {
  constructor(private readonly queries: QueryBus) {}

  @ReadsPerson(':nid/family', FamilyResponse, 'Parents, children, spouses current and past, full and half siblings, each as they stood at the read point', {
    roles: ['registrar', 'court', 'supervisor'],
  })
  get(@Param('nid', NationalIdPipe) nid: string, @PersonRead() read: PersonReadRequest) {
    return this.queries.execute(new GetFamily(nid, read));
  }
}
