import { ProblemException } from '../http/problem';
import { requestValidation } from '../http/validation';

/**
 * A command's options held to the HTTP route's own request class through the API's own validation
 * pipe, so that `sijil stats` refuses what the route refuses, in the same words (a malformed date
 * was once counted as given).
 */
export async function checkedOptions<T extends object>(request: new () => T, options: Record<string, string | undefined>): Promise<T> {
  try {
    return (await requestValidation.transform(options, { type: 'query', metatype: request })) as T;
  } catch (error) {
    const problems = error instanceof ProblemException ? error.problem.errors : undefined;
    if (!problems) throw error;
    throw new Error(problems.map(({ field, message }) => `--${field}: ${message}`).join('; '));
  }
}
