import { defaultPolicy } from '../policy/jurisdiction-policy';
import { command, enrolment, nid, personOf, personSpec } from '../testing/person-fixtures';
import type { CorrectRecord } from './person-commands';
import type { PersonEvent } from './person-events';

const spec = personSpec();
const enrolled = enrolment({ dateOfBirth: '1980-05-10' });
const married: PersonEvent = {
  type: 'MarriageRegistered',
  data: { marriageId: 'm-1', spouseId: nid(2), date: '2005-01-01', place: 'LY-BA-03', contractReference: 'C-1' },
};
const correct = (correctedEventId: string, changes: CorrectRecord['data']['changes'], extra: Partial<CorrectRecord['data']> = {}) =>
  command('CorrectRecord', { correctedEventId, changes, reason: 'register error', authorityReference: 'NR-7', documents: ['scan-1'], date: '2026-01-01', ...extra });
const annul = (annulledEventId: string) => command('AnnulRegistration', { annulledEventId, courtReference: 'C-9', reason: 'fraud', date: '2026-01-01' });

describe('corrections', () => {
  it('records the change with the value it replaces', () =>
    spec.given([enrolled]).when(correct('e1', [{ field: 'dateOfBirth', to: '1981' }])).then([
      { type: 'RecordCorrected', data: { ...correct('e1', []).data, changes: [{ field: 'dateOfBirth', from: '1980-05-10', to: '1981' }] } },
    ]));

  it('refuses a correction that would break a rule, naming it (CORRECTION.BREAKS_RULE)', () =>
    spec
      .given([enrolled, married])
      .when(correct('e1', [{ field: 'dateOfBirth', to: '1990-01-01' }]))
      .thenThrows('CORRECTION.BREAKS_RULE', { details: { rule: 'MARRIAGE.UNDER_AGE' } }));

  it('re-checks the birth parent rules with the relatives passed', () => {
    const mother = personOf(enrolment({ nationalId: nid(5), dateOfBirth: '1960' }));
    const child = enrolment({ nationalId: nid(6), dateOfBirth: '1985', motherId: nid(5) });
    spec
      .given([child])
      .when(correct('e1', [{ field: 'dateOfBirth', to: '1965' }], { relatives: { [nid(5)]: mother } }))
      .thenThrows('CORRECTION.BREAKS_RULE', { details: { rule: 'BIRTH.MOTHER_AGE' } });
    spec.given([child]).when(correct('e1', [{ field: 'dateOfBirth', to: '1965' }])).thenThrows('PERSON.NOT_FOUND', { details: { role: 'mother' } });
  });

  it('judges marriages with the spouse deaths passed, and records none of them', () => {
    const widower = [
      { ...enrolled, data: { ...enrolled.data, sex: 'M' } } as PersonEvent,
      married,
      { type: 'MarriageRegistered', data: { marriageId: 'm-2', spouseId: nid(3), date: '2012-01-01', place: 'LY-BA-03', contractReference: 'C-2' } } as PersonEvent,
    ];
    const oneWife = personSpec({ ...defaultPolicy, concurrentSpouses: { M: 1, F: 1 } });
    const withDeath = { spouseDeaths: { [nid(2)]: '2010-01-01' } };
    oneWife
      .given(widower)
      .when(correct('e3', [{ field: 'date', to: '2009-01-01' }], withDeath))
      .thenThrows('CORRECTION.BREAKS_RULE', { details: { rule: 'MARRIAGE.SPOUSE_LIMIT' } });
    const afterHerDeath = correct('e3', [{ field: 'date', to: '2011-01-01' }], withDeath);
    const { spouseDeaths: _, ...recorded } = afterHerDeath.data;
    oneWife.given(widower).when(afterHerDeath).then([
      { type: 'RecordCorrected', data: { ...recorded, changes: [{ field: 'date', from: '2012-01-01', to: '2011-01-01' }] } },
    ]);
  });

  it('refuses an unknown fact (FACT.NOT_FOUND)', () =>
    spec.given([enrolled]).when(correct('e9', [{ field: 'sex', to: 'M' }])).thenThrows('FACT.NOT_FOUND', { kind: 'not-found' }));

  it('changes only fields the fact has (CORRECTION.UNKNOWN_FIELD), never identifiers (CORRECTION.IMMUTABLE_FIELD)', () => {
    spec.given([enrolled]).when(correct('e1', [{ field: 'eyeColour', to: 'brown' }])).thenThrows('CORRECTION.UNKNOWN_FIELD', { kind: 'invalid' });
    spec.given([enrolled]).when(correct('e1', [{ field: 'nationalId', to: nid(9) }])).thenThrows('CORRECTION.IMMUTABLE_FIELD');
    spec.given([enrolled, married]).when(correct('e2', [{ field: 'spouseId', to: nid(9) }])).thenThrows('CORRECTION.IMMUTABLE_FIELD');
  });

  it('checks the new values like a new fact’s (400 naming the field)', () => {
    spec.given([enrolled]).when(correct('e1', [{ field: 'dateOfBirth', to: '1980-02-30' }])).thenThrows('DATE.INVALID', { details: { field: 'dateOfBirth' } });
    spec.given([enrolled]).when(correct('e1', [])).thenThrows('CORRECTION.NO_CHANGES');
  });

  it('refuses to correct an annulled fact (CORRECTION.ANNULLED_FACT) or an amendment (CORRECTION.NOT_CORRECTABLE)', () => {
    const annulment = { type: 'RegistrationAnnulled', data: annul('e2').data } as const;
    spec.given([enrolled, married, annulment]).when(correct('e2', [{ field: 'place', to: 'LY-BA-01' }])).thenThrows('CORRECTION.ANNULLED_FACT');
    spec.given([enrolled, married, annulment]).when(correct('e3', [{ field: 'reason', to: 'x' }])).thenThrows('CORRECTION.NOT_CORRECTABLE');
  });
});

describe('annulments', () => {
  it('annuls a fact by court order', () =>
    spec.given([enrolled, married]).when(annul('e2')).then([{ type: 'RegistrationAnnulled', data: annul('e2').data }]));

  it('refuses to annul twice (ANNULMENT.ALREADY_ANNULLED) or to annul an annulment (ANNULMENT.NOT_ANNULLABLE)', () => {
    const annulment = { type: 'RegistrationAnnulled', data: annul('e2').data } as const;
    spec.given([enrolled, married, annulment]).when(annul('e2')).thenThrows('ANNULMENT.ALREADY_ANNULLED');
    spec.given([enrolled, married, annulment]).when(annul('e3')).thenThrows('ANNULMENT.NOT_ANNULLABLE');
  });

  it('refuses an annulment that would break a rule (ANNULMENT.BREAKS_RULE)', () => {
    const card = (cardNumber: string, date: string): PersonEvent => ({ type: 'IdentityCardIssued', data: { cardNumber, date, expiresOn: '2030-01-01', office: 'LY-BA-03-OFF1' } });
    const report: PersonEvent = { type: 'IdentityCardReported', data: { cardNumber: 'C1', reason: 'lost', date: '2018-01-01' } };
    spec.given([enrolled, card('C1', '2015-01-01'), report, card('C2', '2018-02-01')]).when(annul('e3')).thenThrows('ANNULMENT.BREAKS_RULE', { details: { rule: 'CARD.VALID_CARD_EXISTS' } });
  });
});
