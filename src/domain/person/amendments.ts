import { InvalidValue, NotFound, RuleViolation } from '../shared/domain-error';
import { assertValidFact } from './fact-values';
import type { AnnulRegistration, CorrectRecord } from './person-commands';
import type { FieldChange, PersonEvent, RecordCorrected, RegistrationAnnulled } from './person-events';
import { factById, isAmendment, isRegistration, type Fact } from './person-facts';
import type { RegisteredPerson } from './person-state';
import { requireParent } from './registration';

/** Identifiers tie streams and facts together: a correction never changes them. */
const IDENTIFIERS = ['nationalId', 'marriageId', 'spouseId', 'employmentId', 'cardNumber'];
/** Changing these on a birth or enrolment re-judges the parents, so their states must be passed. */
const PARENT_FIELDS = ['motherId', 'fatherId', 'dateOfBirth'];

function requireFact(person: RegisteredPerson, eventId: string): Fact {
  const fact = factById(person.facts, eventId);
  if (!fact) throw new NotFound('FACT.NOT_FOUND', `${person.nationalId} has no fact ${eventId}`, { eventId });
  return fact;
}

/**
 * The correction as recorded: each change gets its `from` from the fact as it stands, and the
 * corrected fact must still be well formed. Whether it keeps the rules is judged on the whole
 * corrected history by the caller.
 */
export function correctionOf(command: CorrectRecord, person: RegisteredPerson): RecordCorrected {
  const { correctedEventId, changes, relatives = {}, spouseDeaths: _readByTheRules, ...rest } = command.data;
  const fact = requireFact(person, correctedEventId);
  if (isAmendment(fact.event)) {
    throw new RuleViolation('CORRECTION.NOT_CORRECTABLE', `Fact ${correctedEventId} is a ${fact.event.type}: annul it instead`, { eventId: correctedEventId });
  }
  if (fact.annulled) {
    throw new RuleViolation('CORRECTION.ANNULLED_FACT', `Fact ${correctedEventId} is annulled and cannot be corrected`, { eventId: correctedEventId });
  }
  if (changes.length === 0) throw new InvalidValue('changes', 'CORRECTION.NO_CHANGES', 'changes must name at least one field');
  const data = fact.event.data as Record<string, unknown>;
  const complete: FieldChange[] = changes.map(({ field, to }, i) => {
    if (!Object.hasOwn(data, field)) {
      throw new InvalidValue(`changes[${i}].field`, 'CORRECTION.UNKNOWN_FIELD', `${fact.event.type} ${correctedEventId} has no field ${field}`);
    }
    if (IDENTIFIERS.includes(field)) {
      throw new RuleViolation('CORRECTION.IMMUTABLE_FIELD', `${field} identifies the fact and is never changed`, { field });
    }
    return { field, from: data[field], to };
  });
  const corrected = {
    ...fact.event,
    data: { ...data, ...Object.fromEntries(complete.map(({ field, to }) => [field, to])) },
  } as PersonEvent;
  assertValidFact(corrected);
  if (isRegistration(corrected) && complete.some(({ field }) => PARENT_FIELDS.includes(field))) {
    requireParent(corrected.data.motherId, relatives[corrected.data.motherId ?? ''], 'mother');
    requireParent(corrected.data.fatherId, relatives[corrected.data.fatherId ?? ''], 'father');
  }
  return { type: 'RecordCorrected', data: { correctedEventId, changes: complete, ...rest } };
}

/** An annulment is final: it cannot itself be annulled, and a fact is annulled once. */
export function annulmentOf(command: AnnulRegistration, person: RegisteredPerson): RegistrationAnnulled {
  const { spouseDeaths: _readByTheRules, ...data } = command.data;
  const { annulledEventId } = data;
  const fact = requireFact(person, annulledEventId);
  if (fact.event.type === 'RegistrationAnnulled') {
    throw new RuleViolation('ANNULMENT.NOT_ANNULLABLE', `Fact ${annulledEventId} is an annulment, which is final`, { eventId: annulledEventId });
  }
  if (fact.annulled) {
    throw new RuleViolation('ANNULMENT.ALREADY_ANNULLED', `Fact ${annulledEventId} is already annulled`, { eventId: annulledEventId });
  }
  return { type: 'RegistrationAnnulled', data };
}
