/**
 * `[...list, item]` in an array of exactly that length. A spread of a short array and one more
 * item reserves 19 slots, and a first `push` 16: a person's log, facts and marriages, and a bulk
 * batch's pending writes, are kept as built (until the batch commits, or in the person cache to
 * the end of a load), so the spare slots were copied by every young-generation collection and
 * promoted with them (a quarter of the arrays a bulk import kept, by bytes).
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  const next = new Array<T>(list.length + 1);
  for (let at = 0; at < list.length; at++) next[at] = list[at]!;
  next[list.length] = item;
  return next;
}
