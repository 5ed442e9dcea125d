import { Controller, createParamDecorator, ExecutionContext, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthenticatedRequest } from '../../agencies/access.decorators';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, personSearchRequestOf, type PersonSearchRequest } from './search-request';
import { SearchPageResponse } from './person-search.response';
import { SearchPersons } from './search-persons.query';
import { RANKED_LIMIT, type SearchPage } from './search-persons';
import { ProblemException, problemType } from '../../http/problem';

/** The search's criteria, page and declared purpose; a 400 naming every wrong parameter. */
const SearchRequest = createParamDecorator((_: unknown, context: ExecutionContext): PersonSearchRequest => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { query?: Record<string, unknown> }>();
  return personSearchRequestOf({
    reader: { clientId: request.agency!.clientId, role: request.agency!.role },
    headers: request.headers,
    query: request.query ?? {},
  });
});

function tooBroad(candidates: number): ProblemException {
  return new ProblemException({
    type: problemType('error', 'SEARCH.TOO_BROAD'),
    title: 'Too many persons to rank',
    status: 422,
    detail: `About ${candidates} persons have such a name, more than the ${RANKED_LIMIT} a search ranks: add birthYear, motherName or another part of the name`,
    candidates,
    limit: RANKED_LIMIT,
  });
}

@ApiTags('person reads')
@Controller('v1/persons')
export class PersonSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow('registrar', 'supervisor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Search persons by name',
    description:
      'Names are compared in the normalised form DOMAIN.md defines (tashkeel and tatweel removed, hamza forms of alef, taa marbuta, alef maqsura, waw and yaa with hamza folded, "عبد" joined to the next word, spaces collapsed; Latin case-insensitive). ' +
      'Every word typed must be in the name, in order, from the given name: given + father (+ grandfather (+ family)), given + family, or given + father + family; ' +
      'text in Latin letters is matched against the transliteration. Persons whose registration is annulled are never found; current names only.',
  })
  @ApiQuery({ name: 'name', required: true, example: 'محمد العبيدي', description: 'At least two words, the first the given name' })
  @ApiQuery({ name: 'birthYear', required: false, example: '1961', description: 'Four digits, ASCII or Arabic-Indic (١٩٦١). A partial birth date matches its year: `1961` and `1961-03` match 1961' })
  @ApiQuery({ name: 'motherName', required: false, example: 'خديجة المسماري', description: 'Narrows to persons whose recorded mother’s name it spells, from her given name' })
  @ApiQuery({ name: 'page', required: false, example: 1, description: 'From 1' })
  @ApiQuery({ name: 'pageSize', required: false, example: DEFAULT_PAGE_SIZE, description: `1 to ${MAX_PAGE_SIZE}` })
  @ApiHeader({ name: 'X-Purpose', required: false, description: 'Why persons are searched; required here or as the `purpose` query parameter.' })
  @ApiQuery({ name: 'purpose', required: false, description: 'Same as X-Purpose.' })
  @ApiQuery({ name: 'caseReference', required: false, description: 'Same as X-Case-Reference.' })
  @ApiOkResponse({ type: SearchPageResponse, description: 'The page asked for, ranked best first, with the total' })
  @ApiResponse({ status: 400, description: 'name missing or of one word; birthYear, page or pageSize malformed; purpose missing; an unknown parameter' })
  @ApiResponse({ status: 401, description: 'No or bad credential' })
  @ApiResponse({ status: 422, description: `SEARCH.TOO_BROAD: more than ${RANKED_LIMIT} candidates; \`candidates\` says about how many` })
  @ApiResponse({ status: 403, description: 'Only registrars and supervisors search' })
  async search(@SearchRequest() request: PersonSearchRequest): Promise<SearchPage> {
    const found = await this.queries.execute(new SearchPersons(request));
    if ('tooBroad' in found) throw tooBroad(found.candidates);
    return found;
  }
}
