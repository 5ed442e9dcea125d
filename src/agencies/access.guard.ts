import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../http/problem';
import type { Role } from './agency';
import { ALLOWED_ROLES, PUBLIC_ROUTE, type AuthenticatedRequest } from './access.decorators';
import { AgencyRegistry } from './agency-registry';

const unauthorised = (detail: string) =>
  ProblemException.of(401, 'AUTH.CREDENTIAL', 'No valid credential', detail);
const forbidden = (detail: string) => ProblemException.of(403, 'AUTH.ROLE', 'Not allowed', detail);

interface RouteAccess {
  isPublic: boolean;
  allowed: Role[];
}

/**
 * Every route is closed unless it says who may call it: a route without `@Allow` or `@Public`
 * refuses everyone, so a forgotten decorator fails safe.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /**
   * Each route's access, read once: reflect-metadata's lookups showed in every request's profile.
   * Kept per controller class and handler, as the class's decorators count too (a handler a
   * controller inherits may be allowed to other roles in another controller).
   */
  private readonly routes = new WeakMap<Function, WeakMap<Function, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly agencies: AgencyRegistry,
  ) {}

  private accessOf(context: ExecutionContext): RouteAccess {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let handlers = this.routes.get(controller);
    if (!handlers) this.routes.set(controller, (handlers = new WeakMap()));
    let access = handlers.get(handler);
    if (!access) {
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]) ?? false,
        allowed: this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, [handler, controller]) ?? [],
      };
      handlers.set(handler, access);
    }
    return access;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, allowed } = this.accessOf(context);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const credential = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header)?.[1] : undefined;
    if (!credential) throw unauthorised('Send the agency credential as "Authorization: Bearer <credential>".');
    const agency = await this.agencies.authenticate(credential);
    if (!agency) throw unauthorised('The credential is unknown or wrong.');
    request.agency = agency;

    if (!allowed.includes(agency.role)) {
      throw forbidden(`This route is for ${allowed.join(', ') || 'no role'}; the credential is a ${agency.role}'s.`);
    }
    const nid = request.params?.nid;
    if (agency.role === 'citizen' && nid !== undefined && nid !== agency.nationalId) {
      throw forbidden("A citizen may read only their own record.");
    }
    return true;
  }
}
