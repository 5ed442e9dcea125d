/**
 * `answer` with its answers kept by argument, `undefined` ones included: registers repeat a few
 * thousand dates and spellings across millions of records. Bounded: emptied whole when `limit`
 * arguments are kept, which a real register seldom reaches.
 */
export function boundedMemo<A, R>(answer: (argument: A) => R, limit: number): (argument: A) => R {
  const answers = new Map<A, R>();
  return (argument) => {
    const known = answers.get(argument);
    if (known !== undefined || answers.has(argument)) return known as R;
    const fresh = answer(argument);
    if (answers.size >= limit) answers.clear();
    answers.set(argument, fresh);
    return fresh;
  };
}
