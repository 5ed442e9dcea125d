/**
 * Every refusal the domain can give has a stable code (`MARRIAGE.SPOUSE_LIMIT`) that clients can
 * rely on; the HTTP layer maps the class to a status in one exception filter.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'rule' | 'not-found' | 'conflict' | 'invalid';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A rule of DOMAIN.md ("Rules every fact obeys") refused the command: HTTP 422. */
export class RuleViolation extends DomainError {
  readonly kind = 'rule' as const;
}

/** The command names a person, marriage, employment, card or fact the ledger does not hold: 404. */
export class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
}

/** A value that cannot be what it claims (malformed national ID, impossible date): 400. */
export class InvalidValue extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    readonly field: string,
    code: string,
    message: string,
  ) {
    super(code, message, { field });
  }
}

/** The command collides with what the ledger holds (an identifier already in use): 409. */
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}
