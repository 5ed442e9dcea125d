import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldProblems } from '../http/validation';

/**
 * A command's options held to the HTTP route's own request class, so that `sijil stats` refuses
 * what the route refuses, in the same words (a malformed date was once counted as given).
 */
export function checkedOptions<T extends object>(request: new () => T, options: Record<string, string | undefined>): T {
  const checked = plainToInstance(request, options);
  const problems = fieldProblems(validateSync(checked, { stopAtFirstError: true }));
  if (problems.length > 0) throw new Error(problems.map(({ field, message }) => `--${field}: ${message}`).join('; '));
  return checked;
}
