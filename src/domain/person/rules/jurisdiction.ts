import type { JurisdictionPolicy } from '../../policy/jurisdiction-policy';
import { isWithin } from '../../shared/area-code';
import type { CommandMetadata } from '../../shared/command-metadata';
import { RuleViolation } from '../../shared/domain-error';
import type { PersonEvent } from '../person-events';
import { factById } from '../person-facts';
import type { PersonState } from '../person-state';

/**
 * The area a fact happens in: its own place, else the person's residence, else their place of
 * birth. A divorce happens where its marriage was registered; a correction or annulment where
 * the fact it names happened.
 */
export function areaOf(event: PersonEvent, person: PersonState): string | undefined {
  const registered = person.status === 'unregistered' ? undefined : person;
  switch (event.type) {
    case 'PersonEnrolled':
    case 'BirthRegistered':
      return event.data.placeOfBirth;
    case 'DeathRegistered':
      return event.data.placeOfDeath;
    case 'MarriageRegistered':
      return event.data.place;
    case 'ResidenceChanged':
    case 'Immigrated':
      return event.data.area;
    case 'DivorceRegistered':
      return registered?.marriages.find((m) => m.marriageId === event.data.marriageId)?.place;
    case 'RecordCorrected':
    case 'RegistrationAnnulled': {
      const namedId = event.type === 'RecordCorrected' ? event.data.correctedEventId : event.data.annulledEventId;
      const named = factById(person.facts, namedId);
      return named && areaOf(named.event, person);
    }
    case 'EducationRecorded':
    case 'EmploymentStarted':
    case 'EmploymentEnded':
    case 'NameChanged':
    case 'Emigrated':
    case 'NationalityGranted':
    case 'IdentityCardIssued':
    case 'IdentityCardReported':
      return registered && (registered.residence ?? registered.placeOfBirth);
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * An enrolment records that a person exists, as a birth registration does, and people enrol
 * where they now live, not where a legacy register says they were born: it follows the births
 * policy.
 */
function mayRecordAnywhere(event: PersonEvent, { registerAnywhere }: JurisdictionPolicy): boolean {
  return (
    registerAnywhere.everything ||
    (registerAnywhere.births && (event.type === 'BirthRegistered' || event.type === 'PersonEnrolled')) ||
    (registerAnywhere.deaths && event.type === 'DeathRegistered')
  );
}

/**
 * "A registrar records only within the office's jurisdiction [births and deaths: anywhere]."
 * A sender with no office area (a national supervisor) has no limit.
 */
export function assertWithinJurisdiction(
  event: PersonEvent,
  person: PersonState,
  { officeArea }: CommandMetadata,
  policy: JurisdictionPolicy,
): void {
  if (officeArea === undefined || mayRecordAnywhere(event, policy)) return;
  const area = areaOf(event, person);
  if (area !== undefined && isWithin(area, officeArea)) return;
  throw new RuleViolation(
    'JURISDICTION.OUTSIDE_OFFICE',
    `${event.type} in ${area ?? 'an unknown area'} is outside the office's area ${officeArea}`,
    { area, officeArea },
  );
}
