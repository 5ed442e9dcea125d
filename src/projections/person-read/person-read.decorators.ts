import { applyDecorators, createParamDecorator, ExecutionContext, Get, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Allow, type AuthenticatedRequest } from '../../agencies/access.decorators';
import type { Role } from '../../agencies/agency';
import { personReadRequestOf, type PersonReadRequest, type ReadPointParameter } from './person-read-request';

/** Who may read a person (API.md): a citizen only their own record, which the guard enforces. */
const readers: Role[] = ['registrar', 'court', 'supervisor', 'citizen'];

export interface PersonReadOptions {
  /** The roles API.md gives the route; every person reader by default. */
  roles?: Role[];
  /** The read point parameters the route takes; both by default. */
  points?: ReadPointParameter[];
}

const asOfQuery = ApiQuery({ name: 'asOf', required: false, example: '2020-01-01', description: 'State on this civil date (YYYY-MM-DD): only facts that occurred on or before it. Corrections and annulments known apply whatever their own date.' });
const knownAtQuery = ApiQuery({ name: 'knownAt', required: false, example: '2026-11-22T09:00:00Z', description: 'As the ledger knew it at this instant (ISO 8601 with offset; encode `+` as %2B): only events recorded at or before it, corrections included. A future instant reads as now.' });

/**
 * A GET that reads one person at `asOf` / `knownAt` with a declared purpose: the roles, the
 * parameters every person read shares and its refusals, documented once for OpenAPI.
 */
export const ReadsPerson = (path: string, response: Type, description: string, { roles = readers, points = ['asOf', 'knownAt'] }: PersonReadOptions = {}) =>
  applyDecorators(
    Get(path),
    Allow(...roles),
    ApiBearerAuth(),
    ApiHeader({ name: 'X-Purpose', required: false, description: 'Why the person is read; required here or as the `purpose` query parameter. Goes to the access log.' }),
    ApiHeader({ name: 'X-Case-Reference', required: false, description: 'The case; required for courts, here or as the `caseReference` query parameter.' }),
    ApiQuery({ name: 'purpose', required: false, description: 'Same as X-Purpose.' }),
    ApiQuery({ name: 'caseReference', required: false, description: 'Same as X-Case-Reference.' }),
    ...(points.includes('asOf') ? [asOfQuery] : []),
    ...(points.includes('knownAt') ? [knownAtQuery] : []),
    ApiOkResponse({ type: response, description }),
    ApiResponse({ status: 400, description: 'Malformed national ID or wrong check digit; purpose, caseReference (courts), asOf or knownAt missing or malformed' }),
    ApiResponse({ status: 401, description: 'No or bad credential' }),
    ApiResponse({ status: 403, description: 'The role may not read persons, or a citizen asked for another person' }),
    ApiResponse({ status: 404, description: 'No person is registered under this ID at that point (empty stream or annulled registration)' }),
  );

/** The purpose, case reference and read point of this request; a 400 naming the field when wrong. */
export const PersonRead = createParamDecorator((points: ReadPointParameter[] | undefined, context: ExecutionContext): PersonReadRequest => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { query?: Record<string, unknown> }>();
  return personReadRequestOf({
    reader: { clientId: request.agency!.clientId, role: request.agency!.role },
    headers: request.headers,
    query: request.query ?? {},
  }, points);
});
