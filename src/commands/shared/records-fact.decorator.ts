import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../../agencies/agency';
import { Allow } from '../../agencies/access.decorators';

/**
 * A route that records a fact: POST, 201, the roles allowed, the Idempotency-Key header and
 * the refusals every command shares, documented once for OpenAPI.
 */
export const RecordsFact = (path: string, ...roles: Role[]) =>
  applyDecorators(
    Post(path),
    HttpCode(201),
    Allow(...roles),
    ApiBearerAuth(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'The same key with the same body returns the first result and records nothing new; with another body, 409.',
    }),
    ApiResponse({ status: 400, description: 'Bad shape: problem+json with errors [{field, rule, message}]' }),
    ApiResponse({ status: 401, description: 'No or bad credential' }),
    ApiResponse({ status: 403, description: 'The role may not record this fact' }),
    ApiResponse({ status: 404, description: 'Unknown person or resource' }),
    ApiResponse({ status: 409, description: 'Concurrent change or reused idempotency key' }),
    ApiResponse({ status: 422, description: 'A rule refused it; the rule is named in `type`' }),
  );
