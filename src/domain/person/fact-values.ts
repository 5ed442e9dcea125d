import { parseAreaCode } from '../shared/area-code';
import { InvalidValue } from '../shared/domain-error';
import { parseNationalId } from '../shared/national-id';
import { parseCivilDate, parsePartialDate } from '../shared/partial-date';
import { parseMotherName, parsePersonName } from '../shared/person-name';
import type { PersonEvent } from './person-events';

/**
 * Each check writes its message only when it refuses, and takes its allowed values from constants:
 * a message closure and a list literal per call were a third of what deciding a bulk enrolment
 * allocated outside its event (every fact of a bulk load passes here).
 */
function refuse(field: string, code: string, message: string): never {
  throw new InvalidValue(field, code, `${field} ${message}`);
}

function text(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') refuse(field, 'VALUE.REQUIRED', 'must be a non-empty text');
}

function country(value: unknown, field: string): void {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) refuse(field, 'COUNTRY.FORMAT', `must be an ISO 3166 alpha-2 code like LY (got ${JSON.stringify(value)})`);
}

function count(value: unknown, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    refuse(field, 'VALUE.RANGE', `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
}

function oneOf(value: unknown, field: string, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) refuse(field, 'VALUE.ONE_OF', `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

const sexes = ['F', 'M'] as const;
const residencies = ['citizen', 'resident', 'visitor'] as const;
const sourceKinds = ['legacy-register', 'census-1922', 'residence-permit', 'late-registration', 'never-registered'] as const;
const certifierKinds = ['hospital', 'forensic-medicine', 'physician', 'court'] as const;
const educationStatuses = ['enrolled', 'completed', 'left'] as const;
const sectors = ['public', 'private', 'self-employed', 'non-profit'] as const;
const cardReportReasons = ['lost', 'stolen', 'damaged'] as const;

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
      oneOf(data.sex, 'sex', sexes);
      if (event.type === 'BirthRegistered') parseCivilDate(data.dateOfBirth, 'dateOfBirth');
      else parsePartialDate(data.dateOfBirth, 'dateOfBirth');
      parseAreaCode(data.placeOfBirth, 'placeOfBirth');
      country(data.nationality, 'nationality');
      if (data.motherName !== undefined) parseMotherName(data.motherName);
      if (data.motherId !== undefined) parseNationalId(data.motherId, 'motherId');
      if (data.fatherId !== undefined) parseNationalId(data.fatherId, 'fatherId');
      if (event.type === 'PersonEnrolled') {
        oneOf(event.data.residency, 'residency', residencies);
        oneOf(event.data.source?.kind, 'source.kind', sourceKinds);
      } else {
        count(event.data.plurality, 'plurality', 1, 9);
        if (event.data.birthOrder !== undefined) count(event.data.birthOrder, 'birthOrder', 1, event.data.plurality);
        if (event.data.weightGrams !== undefined) count(event.data.weightGrams, 'weightGrams', 100, 10_000);
      }
      return;
    }
    case 'DeathRegistered':
      parseCivilDate(event.data.dateOfDeath, 'dateOfDeath');
      parseAreaCode(event.data.placeOfDeath, 'placeOfDeath');
      if (!/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/.test(event.data.causeIcd10)) refuse('causeIcd10', 'ICD10.FORMAT', `must be an ICD-10 code like I21.9 (got ${JSON.stringify(event.data.causeIcd10)})`);
      oneOf(event.data.certifier?.kind, 'certifier.kind', certifierKinds);
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
      oneOf(event.data.status, 'status', educationStatuses);
      parseCivilDate(event.data.date, 'date');
      return;
    case 'EmploymentStarted':
      text(event.data.employmentId, 'employmentId');
      text(event.data.employer, 'employer');
      if (!/^\d{1,4}$/.test(event.data.occupation)) refuse('occupation', 'ISCO.FORMAT', `must be an ISCO-08 code of 1 to 4 digits (got ${JSON.stringify(event.data.occupation)})`);
      oneOf(event.data.sector, 'sector', sectors);
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
      oneOf(event.data.reason, 'reason', cardReportReasons);
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
