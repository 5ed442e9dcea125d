/**
 * RFC 9457 problem details: the one shape every error takes, so agencies handle refusals with
 * one piece of code.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Rule codes become stable type URIs: `urn:sijil:rule:MARRIAGE.SPOUSE_LIMIT`. */
export const problemType = (kind: 'rule' | 'error', code: string): string => `urn:sijil:${kind}:${code}`;

/** Thrown by HTTP-facing code for client mistakes that are not domain rules (bad shape, auth). */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemException';
  }

  static of(status: number, code: string, title: string, detail: string, errors?: FieldProblem[]) {
    return new ProblemException({
      type: problemType('error', code),
      title,
      status,
      detail,
      ...(errors ? { errors } : {}),
    });
  }
}
