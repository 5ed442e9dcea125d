import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException, type FieldProblem } from './problem';

/** Flattens class-validator's tree into `child.name.given`-style field paths. */
function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function badRequest(errors: FieldProblem[]): ProblemException {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return ProblemException.of(400, 'VALIDATION', 'The request is not well formed', detail, errors);
}

/**
 * Unknown properties are refused rather than silently dropped: a misspelt optional field
 * (`fatherID`) would otherwise record a birth without a father.
 */
export const requestValidation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // One rule per field: a missing field is "must be a string", not also "too short" and "blank".
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => badRequest(fieldProblems(errors)),
});
