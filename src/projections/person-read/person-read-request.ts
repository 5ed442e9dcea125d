import type { Role } from '../../agencies/agency';
import { isCivilDate } from '../../domain/shared/partial-date';
import type { FieldProblem } from '../../http/problem';
import { badRequest } from '../../http/validation';
import type { ReadPoint } from './read-point';

/**
 * What every person read declares (API.md, "Conventions"): why it reads, for a court the case, and
 * where on the two time axes it stands. The purpose and case reference are for the access log.
 */
export interface PersonReadRequest {
  reader: { clientId: string; role: Role };
  purpose: string;
  caseReference?: string;
  point: ReadPoint;
}

export interface RawPersonRead {
  reader: { clientId: string; role: Role };
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

const MAX_TEXT = 500;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

type Parsed<T> = { value?: T; problem?: FieldProblem };

/** A declared text given as a header or a query parameter; both at once must agree. */
function declared(raw: RawPersonRead, field: string, header: string, required: boolean): Parsed<string> {
  const fromHeader = raw.headers[header.toLowerCase()];
  const fromQuery = raw.query[field];
  const where = `the ${header} header or the ${field} query parameter`;
  const given = [fromHeader, fromQuery].filter((value) => value !== undefined);
  if (given.length === 0) {
    return required ? { problem: { field, rule: 'required', message: `${field} is required: send it as ${where}` } } : {};
  }
  if (given.some((value) => typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT || /\p{Cc}/u.test(value))) {
    return { problem: { field, rule: 'isText', message: `${field} must be one non-empty text of at most ${MAX_TEXT} characters` } };
  }
  const [first, second] = given.map((value) => (value as string).trim());
  if (second !== undefined && first !== second) {
    return { problem: { field, rule: 'conflict', message: `${field} differs between the header and the query parameter` } };
  }
  return { value: first };
}

function asOfOf(value: unknown): Parsed<string> {
  if (value === undefined) return {};
  if (isCivilDate(value)) return { value };
  return { problem: { field: 'asOf', rule: 'isCivilDate', message: `asOf must be a real calendar date written YYYY-MM-DD (got ${JSON.stringify(value)})` } };
}

/** An ISO 8601 instant with its offset; a future one is accepted and reads as now. */
function knownAtOf(value: unknown): Parsed<string> {
  if (value === undefined) return {};
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  const [, day, hours, minutes, seconds = '0', offsetHours = '0', offsetMinutes = '0'] = match ?? [];
  const real =
    match !== null &&
    isCivilDate(day) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) < 60;
  if (!real) {
    return {
      problem: {
        field: 'knownAt',
        rule: 'isInstant',
        message: `knownAt must be an ISO 8601 instant with its offset, such as 2026-11-22T09:00:00Z (got ${JSON.stringify(value)})`,
      },
    };
  }
  return { value: new Date(Date.parse(value as string)).toISOString() };
}

export type ReadPointParameter = 'asOf' | 'knownAt';
const ALL_POINTS: ReadPointParameter[] = ['asOf', 'knownAt'];

/** A misspelt `asof` would otherwise read today's state and look like an answer about that day. */
function unknownParameters(query: Record<string, unknown>, parameters: string[]): Array<Parsed<never>> {
  return Object.keys(query)
    .filter((name) => !parameters.includes(name))
    .map((field) => ({ problem: { field, rule: 'unknown', message: `${field} is not a parameter of this read (${parameters.join(', ')})` } }));
}

/**
 * Throws a 400 naming every field that is missing, malformed or unknown. `points` are the read
 * point parameters the route takes (heirs stand on the day of death, so they take no `asOf`).
 */
export function personReadRequestOf(raw: RawPersonRead, points: ReadPointParameter[] = ALL_POINTS): PersonReadRequest {
  const purpose = declared(raw, 'purpose', 'X-Purpose', true);
  const caseReference = declared(raw, 'caseReference', 'X-Case-Reference', raw.reader.role === 'court');
  const parameters = ['purpose', 'caseReference', ...points];
  const asOf = points.includes('asOf') ? asOfOf(raw.query.asOf) : {};
  const knownAt = points.includes('knownAt') ? knownAtOf(raw.query.knownAt) : {};
  const problems = [purpose, caseReference, asOf, knownAt, ...unknownParameters(raw.query, parameters)].flatMap(({ problem }) => (problem ? [problem] : []));
  if (problems.length > 0) throw badRequest(problems);
  return {
    reader: raw.reader,
    purpose: purpose.value!,
    ...(caseReference.value !== undefined && { caseReference: caseReference.value }),
    point: {
      ...(asOf.value !== undefined && { asOf: asOf.value }),
      ...(knownAt.value !== undefined && { knownAt: knownAt.value }),
    },
  };
}
