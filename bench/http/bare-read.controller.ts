import { Controller, Get, Param } from '@nestjs/common';
import { Allow } from '../../src/agencies/access.decorators';

/**
 * The ceiling a person read is measured against: the same server stack and credential check as
 * GET /v1/persons/{nid}, then a constant answer (no purpose parsing, no read model). Mounted only
 * by the benchmark's server.
 */
@Controller('bench')
export class BareReadController {
  @Get('bare/:nid')
  @Allow('registrar')
  get(@Param('nid') nid: string) {
    return { nationalId: nid };
  }
}
