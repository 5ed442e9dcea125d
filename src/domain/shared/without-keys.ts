/**
 * A copy of `value` without `keys`, the rest in key order. Object rest with excluded keys
 * (`const { a, ...rest } = value`) takes V8's slow path: about 5 µs for a bulk enrolment's
 * command data against well under 1 µs for this `for...in` copy, and folding a fact onto a
 * person's state made two of them.
 */
export function withoutKeys<T extends object>(value: T, keys: ReadonlySet<string>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in value) if (Object.hasOwn(value, key) && !keys.has(key)) copy[key] = value[key];
  return copy;
}
