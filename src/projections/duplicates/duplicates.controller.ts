import { Controller, createParamDecorator, ExecutionContext, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthenticatedRequest } from '../../agencies/access.decorators';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { badRequest } from '../../http/validation';
import { declarationsOf, type PersonSearchRequest } from '../person-search/search-request';
import { DuplicatesResponse } from './duplicates.response';
import { FindDuplicates } from './find-duplicates.query';

/** The declared purpose (and case reference); no other parameter. */
const DuplicatesRead = createParamDecorator((_: unknown, context: ExecutionContext): PersonSearchRequest['read'] => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { query?: Record<string, unknown> }>();
  const { read, problems } = declarationsOf(
    { reader: { clientId: request.agency!.clientId, role: request.agency!.role }, headers: request.headers, query: request.query ?? {} },
    [],
  );
  if (problems.length > 0 || read === undefined) throw badRequest(problems);
  return read;
});

@ApiTags('person reads')
@Controller('v1/persons')
export class DuplicatesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':nid/duplicates')
  @Allow('supervisor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Likely duplicates of a person',
    description:
      'Registered persons who share the given name and one of: father and grandfather, father and family, or mother; born within three years; scored on name parts, mother, birth date, place and sex. Never the person themself.',
  })
  @ApiHeader({ name: 'X-Purpose', required: false, description: 'Why; required here or as the `purpose` query parameter.' })
  @ApiQuery({ name: 'purpose', required: false, description: 'Same as X-Purpose.' })
  @ApiOkResponse({ type: DuplicatesResponse })
  @ApiResponse({ status: 400, description: 'Malformed national ID or wrong check digit; purpose missing; an unknown parameter' })
  @ApiResponse({ status: 401, description: 'No or bad credential' })
  @ApiResponse({ status: 403, description: 'Only supervisors resolve duplicates' })
  @ApiResponse({ status: 404, description: 'No person is registered under this ID (never, or annulled)' })
  get(@Param('nid', NationalIdPipe) nid: string, @DuplicatesRead() read: PersonSearchRequest['read']) {
    return this.queries.execute(new FindDuplicates(nid, read));
  }
}
