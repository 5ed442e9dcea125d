/**
 * How deep a request body may nest. The deepest body the API reads (a projection scenario's
 * `scenario.Lx.target.F[i]`) nests five levels; JSON nested thousands deep would overflow the stack
 * of whatever walks it recursively after parsing (validation, idempotency hashing) and end in a 500.
 */
export const MAX_BODY_DEPTH = 32;

interface Visit {
  value: unknown;
  depth: number;
  key: string;
  parent: Visit | undefined;
}

const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
};

/**
 * The field path of the first value nested deeper than `limit` levels, or undefined. Walked with a
 * list, not recursion, so that any depth is measured.
 */
export function tooDeepAt(body: unknown, limit = MAX_BODY_DEPTH): string | undefined {
  const pending: Visit[] = [{ value: body, depth: 0, key: '', parent: undefined }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (visit.value === null || typeof visit.value !== 'object') continue;
    if (visit.depth === limit) return pathOf(visit);
    for (const [key, value] of Object.entries(visit.value)) pending.push({ value, depth: visit.depth + 1, key, parent: visit });
  }
  return undefined;
}
