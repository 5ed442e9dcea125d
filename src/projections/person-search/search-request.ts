import { normaliseArabic, normaliseName } from '../../domain/shared/person-name';
import { ProblemException, type FieldProblem } from '../../http/problem';
import { badRequest } from '../../http/validation';
import { personReadRequestOf, type PersonReadRequest, type RawPersonRead } from '../person-read/person-read-request';
import { isArabic, wordsOf } from './search-keys';
import type { SearchCriteria } from './search-ranking';

export interface PersonSearchRequest {
  criteria: SearchCriteria;
  page: number;
  pageSize: number;
  read: Omit<PersonReadRequest, 'point'>;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_NAME = 400;
const DECLARATIONS = ['purpose', 'caseReference'];
const SEARCH_PARAMETERS = ['name', 'birthYear', 'motherName', 'page', 'pageSize'];

type Parsed<T> = { value?: T; problem?: FieldProblem };

/**
 * The purpose and case reference every person read declares, checked as person reads check them;
 * any parameter not in `parameters` is refused, so a misspelt `birthyear` never widens a search.
 */
export function declarationsOf(raw: RawPersonRead, parameters: string[]): { read?: PersonSearchRequest['read']; problems: FieldProblem[] } {
  const declared = Object.fromEntries(Object.entries(raw.query).filter(([name]) => DECLARATIONS.includes(name)));
  const unknown = Object.keys(raw.query)
    .filter((name) => !DECLARATIONS.includes(name) && !parameters.includes(name))
    .map((field) => ({ field, rule: 'unknown', message: `${field} is not a parameter here (${[...parameters, ...DECLARATIONS].join(', ')})` }));
  try {
    const { point: _, ...read } = personReadRequestOf({ ...raw, query: declared });
    return { read, problems: unknown };
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { problems: [...(error.problem.errors ?? []), ...unknown] };
  }
}

function text(value: unknown, field: string, required: boolean): Parsed<string> {
  if (value === undefined) {
    return required ? { problem: { field, rule: 'required', message: `${field} is required` } } : {};
  }
  if (typeof value !== 'string' || value.length > MAX_NAME || /\p{Cc}/u.test(value) || normaliseName(value) === '') {
    return { problem: { field, rule: 'isText', message: `${field} must be one non-empty text of at most ${MAX_NAME} characters` } };
  }
  return { value: normaliseName(value) };
}

/** At national scale a single word is a given name shared by a tenth of the country: two at least. */
function nameOf(value: unknown): Parsed<string> {
  const name = text(value, 'name', true);
  if (name.value !== undefined && wordsOf(name.value).length < 2) {
    return {
      problem: { field: 'name', rule: 'minWords', message: 'name must have at least two words: the given name and another part (father, family, ...)' },
    };
  }
  return name;
}

/** Registrars type years with Arabic-Indic digits too (١٩٦١): they read as the same year. */
function birthYearOf(value: unknown): Parsed<number> {
  if (value === undefined) return {};
  const year = typeof value === 'string' ? normaliseArabic(value) : '';
  if (!/^\d{4}$/.test(year) || Number(year) < 1000) {
    return { problem: { field: 'birthYear', rule: 'isYear', message: `birthYear must be a year of four digits (got ${JSON.stringify(value)})` } };
  }
  return { value: Number(year) };
}

function integerOf(value: unknown, field: string, fallback: number, max: number): Parsed<number> {
  if (value === undefined) return { value: fallback };
  const number = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(number >= 1 && number <= max)) {
    return { problem: { field, rule: 'isInt', message: `${field} must be a whole number from 1 to ${max} (got ${JSON.stringify(value)})` } };
  }
  return { value: number };
}

/** Throws a 400 naming every missing, malformed or unknown parameter at once. */
export function personSearchRequestOf(raw: RawPersonRead): PersonSearchRequest {
  const { read, problems: declarationProblems } = declarationsOf(raw, SEARCH_PARAMETERS);
  const { query } = raw;
  const name = nameOf(query.name);
  const birthYear = birthYearOf(query.birthYear);
  const motherName = text(query.motherName, 'motherName', false);
  const page = integerOf(query.page, 'page', 1, 100_000);
  const pageSize = integerOf(query.pageSize, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const problems = [
    ...declarationProblems,
    ...[name, birthYear, motherName, page, pageSize].flatMap(({ problem }) => (problem ? [problem] : [])),
  ];
  if (problems.length > 0 || read === undefined) throw badRequest(problems);
  return {
    criteria: {
      name: name.value!,
      script: isArabic(name.value!) ? 'arabic' : 'latin',
      ...(birthYear.value !== undefined && { birthYear: birthYear.value }),
      ...(motherName.value !== undefined && { motherName: motherName.value }),
    },
    page: page.value!,
    pageSize: pageSize.value!,
    read,
  };
}
