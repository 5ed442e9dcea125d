import { Controller, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { PersonRead, ReadsPerson } from '../person-read/person-read.decorators';
import type { PersonReadRequest } from '../person-read/person-read-request';
import { GetHistory } from './get-history.query';
import { HistoryResponse } from './history.response';

@ApiTags('person reads')
@Controller('v1/persons')
export class HistoryController {
  constructor(private readonly queries: QueryBus) {}

  @ReadsPerson(':nid/history', HistoryResponse, 'Every fact in civil-date order, corrections and annulments beside what they change')
  get(@Param('nid', NationalIdPipe) nid: string, @PersonRead() read: PersonReadRequest) {
    return this.queries.execute(new GetHistory(nid, read));
  }
}
