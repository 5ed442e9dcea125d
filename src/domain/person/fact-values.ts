import { parseAreaCode } from '../shared/area-code';
import { InvalidValue } from '../shared/domain-error';
import { parseNationalId } from '../shared/national-id';
import { parseCivilDate, parsePartialDate } from '../shared/partial-date';
import { parseMotherName, parsePersonName } from '../shared/person-name';
import type { PersonEvent } from './person-events';

/** The message is written only for a refusal: most values pass, and writing it cost more than the check. */
function expect(ok: boolean, field: string, code: string, message: () => string): void {
  if (!ok) throw new InvalidValue(field, code, `${field} ${message()}`);
}

const text = (value: unknown, field: string) =>
  expect(typeof value === 'string' && value.trim() !== '', field, 'VALUE.REQUIRED', () => 'must be a non-empty text');
const country = (value: unknown, field: string) =>
  expect(typeof value === 'string' && /^[A-Z]{2}$/.test(value), field, 'COUNTRY.FORMAT', () => `must be an ISO 3166 alpha-2 code like LY (got ${JSON.stringify(value)})`);
const count = (value: unknown, field: string, min: number, max: number) =>
  expect(Number.isInteger(value) && (value as number) >= min && (value as number) <= max, field, 'VALUE.RANGE', () => `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
const optional = <T>(value: T | undefined, check: (value: T) => void) => value === undefined || check(value);
const oneOf = (value: unknown, field: string, allowed: readonly string[]) =>
  expect(allowed.includes(value as string), field, 'VALUE.ONE_OF', () => `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);

/**
 * Checks every value object in a fact's data (IDs, dates, names, areas, codes), whether it comes
 * from a command or from a correction's new values: a 400 naming the field, before any rule runs.
 */
export function assertValidFact(event: PersonEvent): void {
  switch (event.type) {
    case 'PersonEnrolled':
    case 'BirthRegistered': {
      const { data } = event;
      parseNationalId(data.nationalId);
      parsePersonName(data.name);
      oneOf(data.sex, 'sex', ['F', 'M']);
      if (event.type === 'BirthRegistered') parseCivilDate(data.dateOfBirth, 'dateOfBirth');
      else parsePartialDate(data.dateOfBirth, 'dateOfBirth');
      parseAreaCode(data.placeOfBirth, 'placeOfBirth');
      country(data.nationality, 'nationality');
      optional(data.motherName, (name) => parseMotherName(name));
      optional(data.motherId, (id) => parseNationalId(id, 'motherId'));
      optional(data.fatherId, (id) => parseNationalId(id, 'fatherId'));
      if (event.type === 'PersonEnrolled') {
        oneOf(event.data.residency, 'residency', ['citizen', 'resident', 'visitor']);
        oneOf(event.data.source?.kind, 'source.kind', ['legacy-register', 'census-1922', 'residence-permit', 'late-registration', 'never-registered']);
      } else {
        count(event.data.plurality, 'plurality', 1, 9);
        optional(event.data.birthOrder, (order) => count(order, 'birthOrder', 1, event.data.plurality));
        optional(event.data.weightGrams, (grams) => count(grams, 'weightGrams', 100, 10_000));
      }
      return;
    }
    case 'DeathRegistered':
      parseCivilDate(event.data.dateOfDeath, 'dateOfDeath');
      parseAreaCode(event.data.placeOfDeath, 'placeOfDeath');
      expect(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/.test(event.data.causeIcd10), 'causeIcd10', 'ICD10.FORMAT', () => `must be an ICD-10 code like I21.9 (got ${JSON.stringify(event.data.causeIcd10)})`);
      oneOf(event.data.certifier?.kind, 'certifier.kind', ['hospital', 'forensic-medicine', 'physician', 'court']);
      return;
    case 'MarriageRegistered':
      text(event.data.marriageId, 'marriageId');
      parseNationalId(event.data.spouseId, 'spouseId');
      parseCivilDate(event.data.date, 'date');
      parseAreaCode(event.data.place, 'place');
      return;
    case 'DivorceRegistered':
      text(event.data.marriageId, 'marriageId');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'EducationRecorded':
      count(event.data.level, 'level', 0, 8);
      text(event.data.institution, 'institution');
      oneOf(event.data.status, 'status', ['enrolled', 'completed', 'left']);
      parseCivilDate(event.data.date, 'date');
      return;
    case 'EmploymentStarted':
      text(event.data.employmentId, 'employmentId');
      text(event.data.employer, 'employer');
      expect(/^\d{1,4}$/.test(event.data.occupation), 'occupation', 'ISCO.FORMAT', () => `must be an ISCO-08 code of 1 to 4 digits (got ${JSON.stringify(event.data.occupation)})`);
      oneOf(event.data.sector, 'sector', ['public', 'private', 'self-employed', 'non-profit']);
      parseCivilDate(event.data.date, 'date');
      return;
    case 'EmploymentEnded':
      text(event.data.employmentId, 'employmentId');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'NameChanged':
      parsePersonName(event.data.name);
      parseCivilDate(event.data.date, 'date');
      return;
    case 'ResidenceChanged':
      parseAreaCode(event.data.area, 'area');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'Emigrated':
      country(event.data.country, 'country');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'Immigrated':
      country(event.data.country, 'country');
      parseAreaCode(event.data.area, 'area');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'NationalityGranted':
      country(event.data.nationality, 'nationality');
      parseCivilDate(event.data.date, 'date');
      return;
    case 'IdentityCardIssued':
      text(event.data.cardNumber, 'cardNumber');
      parseCivilDate(event.data.date, 'date');
      parseCivilDate(event.data.expiresOn, 'expiresOn');
      return;
    case 'IdentityCardReported':
      text(event.data.cardNumber, 'cardNumber');
      oneOf(event.data.reason, 'reason', ['lost', 'stolen', 'damaged']);
      parseCivilDate(event.data.date, 'date');
      return;
    case 'RecordCorrected':
    case 'RegistrationAnnulled':
      parseCivilDate(event.data.date, 'date');
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}
