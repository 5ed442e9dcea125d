import type { Document as MongoDocument, Filter, Sort } from 'mongodb';
import type { Condition, Query } from '../read-model.port';

/** Documents are stored under `_id` = their `id`; `id` queries use the primary key. */
const pathOf = (field: string): string => (field === 'id' ? '_id' : field);

export function mongoFilter<T extends MongoDocument>(where: Query['where'] = {}): Filter<T> {
  const filter: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(where)) {
    if (condition !== undefined) filter[pathOf(field)] = mongoCondition(condition);
  }
  return filter as Filter<T>;
}

function mongoCondition(condition: Condition): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  if ('in' in condition) return { $in: condition.in };
  const range: Record<string, unknown> = {};
  for (const key of ['gte', 'gt', 'lte', 'lt'] as const) {
    if (condition[key] !== undefined) range[`$${key}`] = condition[key];
  }
  return range;
}

/** The requested order, then the id, as on every adapter. */
export function mongoSort(orderBy: Query['orderBy'] = []): Sort {
  const sort: Array<[string, 1 | -1]> = orderBy.map(([field, direction]) => [pathOf(field), direction === 'desc' ? -1 : 1]);
  if (!orderBy.some(([field]) => field === 'id')) sort.push(['_id', 1]);
  return sort;
}
