import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Agency } from '../../agencies/agency';
import type { AuthenticatedRequest } from '../../agencies/access.decorators';
import type { Clock } from '../../app/clock';
import type { CommandMetadata } from '../../domain/shared/command-metadata';

/** Who sends a command and under which idempotency key: from the credential and headers, never the body. */
export interface CommandContext {
  agency: Agency;
  idempotencyKey?: string;
}

export const SenderOf = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.headers['idempotency-key'];
  return { agency: request.agency!, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) };
});

export function metadataOf(context: CommandContext, clock: Clock): CommandMetadata {
  return {
    now: clock.now().toISOString(),
    registrar: context.agency.clientId,
    ...(context.agency.office ? { office: context.agency.office } : {}),
    ...(context.agency.area ? { officeArea: context.agency.area } : {}),
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}
