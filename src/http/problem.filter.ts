import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../domain/shared/domain-error';
import { WrongExpectedRevision } from '../event-store/event-store.port';
import { ProblemException, problemType, type Problem } from './problem';

const statusOfDomainError = { rule: 422, 'not-found': 404, conflict: 409, invalid: 400 } as const;

function fromDomainError(error: DomainError): Problem {
  const status = statusOfDomainError[error.kind];
  const base = {
    type: problemType(error.kind === 'rule' ? 'rule' : 'error', error.code),
    title: error.kind === 'rule' ? `Refused by rule ${error.code}` : error.code,
    status,
    detail: error.message,
  };
  if (error.kind === 'invalid') {
    const field = String(error.details.field);
    return { ...base, errors: [{ field, rule: error.code, message: error.message }] };
  }
  return { ...base, ...(error.kind === 'rule' ? { rule: error.code } : {}), ...error.details };
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  return {
    type: problemType('error', `HTTP.${status}`),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: error.message,
  };
}

/** Errors Fastify raises before a route runs (malformed JSON, wrong content type, body too large). */
function fromFastifyError(error: { statusCode: number; code?: string; message: string }): Problem {
  return {
    type: problemType('error', error.code ?? `HTTP.${error.statusCode}`),
    title: STATUS_CODES[error.statusCode] ?? 'The request could not be read',
    status: error.statusCode,
    detail: error.message,
  };
}

const isClientFastifyError = (e: unknown): e is { statusCode: number; code?: string; message: string } =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { statusCode?: unknown }).statusCode === 'number' &&
  (e as { statusCode: number }).statusCode >= 400 &&
  (e as { statusCode: number }).statusCode < 500;

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof WrongExpectedRevision) {
    return {
      type: problemType('error', 'CONCURRENCY'),
      title: 'Conflicting concurrent change',
      status: 409,
      detail: 'The record changed while this command was decided; send it again.',
    };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isClientFastifyError(error)) return fromFastifyError(error);
  return {
    type: problemType('error', 'INTERNAL'),
    title: 'Internal error',
    status: 500,
    detail: 'The ledger could not complete the request. It has been logged for the operators.',
  };
}

/** The one place where every error becomes application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    sendProblem(host.switchToHttp().getResponse<FastifyReply>(), problem);
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): void {
  void reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
}
