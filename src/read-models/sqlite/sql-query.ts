import type { Condition, Query, Scalar } from '../read-model.port';
import { columnOf } from './read-model-database';

export interface SqlFilter {
  sql: string;
  params: Array<string | number | null>;
}

/** SQLite has no boolean: JSON true and false are extracted as 1 and 0. */
const bindable = (value: Scalar): string | number | null => (typeof value === 'boolean' ? Number(value) : value);

const RANGE: Array<['gte' | 'gt' | 'lte' | 'lt', string]> = [
  ['gte', '>='],
  ['gt', '>'],
  ['lte', '<='],
  ['lt', '<'],
];

/** The WHERE clause of a query whose fields were already checked against the declared indexes. */
export function whereClause(where: Query['where'] = {}): SqlFilter {
  const parts: string[] = [];
  const params: SqlFilter['params'] = [];
  for (const [field, condition] of Object.entries(where)) {
    if (condition === undefined) continue;
    const column = columnOf(field);
    for (const part of conditionSql(column, condition, params)) parts.push(part);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

function conditionSql(column: string, condition: Condition, params: SqlFilter['params']): string[] {
  if (condition === null) return [`${column} IS NULL`];
  if (typeof condition !== 'object') {
    params.push(bindable(condition));
    return [`${column} = ?`];
  }
  if ('in' in condition) {
    const values = condition.in.filter((value) => value !== null);
    const alternatives = values.length ? [`${column} IN (${values.map(() => '?').join(', ')})`] : [];
    values.forEach((value) => params.push(bindable(value)));
    if (values.length < condition.in.length) alternatives.push(`${column} IS NULL`);
    return [alternatives.length ? `(${alternatives.join(' OR ')})` : '0'];
  }
  const parts: string[] = [];
  for (const [key, operator] of RANGE) {
    const bound = condition[key];
    if (bound === undefined) continue;
    params.push(bindable(bound));
    parts.push(`${column} ${operator} ?`);
  }
  return parts;
}

/** ORDER BY the requested fields, then the id, so that pages are stable. */
export function orderClause(orderBy: Query['orderBy'] = []): string {
  const terms = orderBy.map(([field, direction]) => `${columnOf(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  if (!orderBy.some(([field]) => field === 'id')) terms.push('id ASC');
  return ` ORDER BY ${terms.join(', ')}`;
}
