import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Agency, Role } from './agency';

export const ALLOWED_ROLES = 'sijil:allowed-roles';
export const PUBLIC_ROUTE = 'sijil:public';

/**
 * The roles API.md lists for a route. `citizen` on a person route means the citizen's own
 * record only: the guard compares the route's `nid` with the credential's national ID.
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** A route anyone may call without a credential (health, checkpoints, certificate checks). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest {
  agency?: Agency;
  params?: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/** The agency whose credential authenticated this request. */
export const CurrentAgency = createParamDecorator(
  (_: unknown, context: ExecutionContext): Agency => context.switchToHttp().getRequest<AuthenticatedRequest>().agency!,
);
