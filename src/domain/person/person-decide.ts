import type { JurisdictionPolicy } from '../policy/jurisdiction-policy';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-error';
import { keyedById } from '../shared/keyed-by-id';
import { latestCivilDateAt } from '../shared/partial-date';
import { annulmentOf, correctionOf } from './amendments';
import { assertValidFact } from './fact-values';
import type { EnrolPerson, PersonCommand, RegisterBirth } from './person-commands';
import type { PersonEvent } from './person-events';
import type { PersonState, RegisteredPerson } from './person-state';
import { birthOf, enrolmentOf, requireRegistered, type ParentStates } from './registration';
import { assertWithinJurisdiction } from './rules/jurisdiction';
import { assertKeepsRules } from './rules/keeps-rules';

/**
 * The person decider: the one fact a command records, or a refusal naming the rule. The persons
 * and facts the command names are looked up first (404/409), then the fact's values (400), the
 * office's jurisdiction, and last every rule of DOMAIN.md over the history the fact would leave.
 */
export function decide(command: PersonCommand, state: PersonState, policy: JurisdictionPolicy): PersonEvent[] {
  const event = eventFor(command, state);
  assertValidFact(event);
  assertWithinJurisdiction(event, state, command.metadata, policy);
  assertKeepsRules(
    state,
    [event],
    {
      policy,
      today: latestCivilDateAt(command.metadata.now),
      relatives: relativesOf(command),
      spouseDeaths: command.type === 'CorrectRecord' || command.type === 'AnnulRegistration' ? (command.data.spouseDeaths ?? {}) : {},
    },
    command.type === 'CorrectRecord' ? 'CORRECTION' : command.type === 'AnnulRegistration' ? 'ANNULMENT' : undefined,
  );
  return [event];
}

export function relativesOf(command: PersonCommand): Record<string, PersonState> {
  switch (command.type) {
    case 'RegisterBirth':
    case 'EnrolPerson':
      return parentsById(command.data, command.data);
    case 'CorrectRecord':
      return command.data.relatives ?? {};
    default:
      return {};
  }
}

/** The parents' states keyed by the IDs a registration's data names. */
function parentsById({ motherId, fatherId }: { motherId?: string; fatherId?: string }, { mother, father }: ParentStates): Record<string, PersonState> {
  // Assigned, not spread from objects with computed keys (keyedById: a plain object takes a new hidden class a key).
  const relatives = keyedById<PersonState>();
  if (motherId && mother) relatives[motherId] = mother;
  if (fatherId && father) relatives[fatherId] = father;
  return relatives;
}

function eventFor(command: PersonCommand, state: PersonState): PersonEvent {
  if (command.type === 'EnrolPerson') return enrolmentOf(command, state);
  if (command.type === 'RegisterBirth') return birthOf(command, state);
  return factAbout(command, requireRegistered(state));
}

function factAbout(command: Exclude<PersonCommand, EnrolPerson | RegisterBirth>, person: RegisteredPerson): PersonEvent {
  switch (command.type) {
    case 'RegisterDeath':
      return { type: 'DeathRegistered', data: command.data };
    case 'RecordEducation':
      return { type: 'EducationRecorded', data: command.data };
    case 'StartEmployment':
      assertUnusedId(person.employments.map((e) => e.employmentId), command.data.employmentId, 'EMPLOYMENT.ID_IN_USE');
      return { type: 'EmploymentStarted', data: command.data };
    case 'EndEmployment': {
      const { employmentId } = command.data;
      if (!person.employments.some((e) => e.employmentId === employmentId)) {
        throw new NotFound('EMPLOYMENT.NOT_FOUND', `${person.nationalId} has no employment ${employmentId}`, { employmentId });
      }
      return { type: 'EmploymentEnded', data: command.data };
    }
    case 'ChangeName':
      return { type: 'NameChanged', data: command.data };
    case 'ChangeResidence':
      return { type: 'ResidenceChanged', data: command.data };
    case 'RecordEmigration':
      return { type: 'Emigrated', data: command.data };
    case 'RecordImmigration':
      return { type: 'Immigrated', data: command.data };
    case 'GrantNationality':
      return { type: 'NationalityGranted', data: command.data };
    case 'IssueIdentityCard':
      assertCardMayBeIssued(person, command.data.cardNumber);
      return { type: 'IdentityCardIssued', data: command.data };
    case 'ReportIdentityCard': {
      const { cardNumber } = command.data;
      if (!person.cards.some((card) => card.cardNumber === cardNumber)) {
        throw new NotFound('CARD.NOT_FOUND', `${person.nationalId} holds no card ${cardNumber}`, { cardNumber });
      }
      return { type: 'IdentityCardReported', data: command.data };
    }
    case 'CorrectRecord':
      return correctionOf(command, person);
    case 'AnnulRegistration':
      return annulmentOf(command, person);
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function assertUnusedId(used: string[], id: string, code: string): void {
  if (used.includes(id)) throw new Conflict(code, `${id} is already in use`, { id });
}

/** "Never to a deceased person": even a card dated before the death, once the death is known. */
function assertCardMayBeIssued(person: RegisteredPerson, cardNumber: string): void {
  if (person.status === 'deceased') {
    throw new RuleViolation('CARD.DECEASED', `${person.nationalId} died on ${person.dateOfDeath}: no card is issued`, {});
  }
  assertUnusedId(person.cards.map((card) => card.cardNumber), cardNumber, 'CARD.NUMBER_IN_USE');
}
