import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseAreaCode } from '../domain/shared/area-code';
import { DomainError } from '../domain/shared/domain-error';
import { parseNationalId } from '../domain/shared/national-id';
import { parseCivilDate, parsePartialDate } from '../domain/shared/partial-date';

/**
 * Request fields checked by the domain's own value objects, so a DTO and a decision can never
 * disagree on what a national ID or a date is. The message is the value object's own, which
 * says which part is wrong (format or check digit, month or day).
 */
function byValueObject(name: string, parse: (value: unknown, field: string) => unknown, options?: ValidationOptions) {
  const messageFor = (value: unknown, field: string): string => {
    try {
      parse(value, field);
      return '';
    } catch (error) {
      return error instanceof DomainError ? error.message : String(error);
    }
  };
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown, args) => messageFor(value, args?.property ?? '') === '',
        defaultMessage: (args) => messageFor(args?.value, args?.property ?? ''),
      },
    },
    options,
  );
}

export const IsNationalId = (options?: ValidationOptions) => byValueObject('isNationalId', parseNationalId, options);
export const IsCivilDate = (options?: ValidationOptions) => byValueObject('isCivilDate', parseCivilDate, options);
export const IsPartialDate = (options?: ValidationOptions) => byValueObject('isPartialDate', parsePartialDate, options);
export const IsAreaCode = (options?: ValidationOptions) => byValueObject('isAreaCode', parseAreaCode, options);
