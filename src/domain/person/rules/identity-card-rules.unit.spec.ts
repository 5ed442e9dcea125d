import { command, enrolment, personSpec } from '../../testing/person-fixtures';
import type { IdentityCardIssued, PersonEvent } from '../person-events';

const spec = personSpec();
const issued = (cardNumber: string, date: string, expiresOn: string): IdentityCardIssued => ({
  type: 'IdentityCardIssued',
  data: { cardNumber, date, expiresOn, office: 'LY-BA-03-OFF1' },
});
const issue = (card: IdentityCardIssued) => command('IssueIdentityCard', card.data);
const reported = (cardNumber: string, date: string): PersonEvent => ({
  type: 'IdentityCardReported',
  data: { cardNumber, reason: 'lost', date },
});
const first = issued('C1', '2015-01-01', '2025-01-01');

describe('identity card: at most one valid card at a time', () => {
  it('issues a first card', () => spec.given([enrolment()]).when(issue(first)).then([first]));

  it('refuses a new card while the previous one is valid (CARD.VALID_CARD_EXISTS)', () =>
    spec.given([enrolment(), first]).when(issue(issued('C2', '2020-01-01', '2030-01-01'))).thenThrows('CARD.VALID_CARD_EXISTS'));

  it('issues a new card once the previous expired (on its expiry day) or was reported', () => {
    const renewal = issued('C2', '2025-01-01', '2035-01-01');
    spec.given([enrolment(), first]).when(issue(renewal)).then([renewal]);
    const replacement = issued('C2', '2020-01-01', '2030-01-01');
    spec.given([enrolment(), first, reported('C1', '2020-01-01')]).when(issue(replacement)).then([replacement]);
  });

  it('refuses a late-recorded card that overlaps a later one', () =>
    spec.given([enrolment(), first]).when(issue(issued('C0', '2010-01-01', '2020-01-01'))).thenThrows('CARD.VALID_CARD_EXISTS'));

  it('refuses a card expiring before it is issued (CARD.EXPIRY_BEFORE_ISSUE)', () =>
    spec.given([enrolment()]).when(issue(issued('C1', '2015-01-01', '2015-01-01'))).thenThrows('CARD.EXPIRY_BEFORE_ISSUE'));

  it('refuses a card to a deceased person, even dated before the death (CARD.DECEASED)', () =>
    spec
      .given([enrolment(), { type: 'DeathRegistered', data: { dateOfDeath: '2020-01-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'physician', reference: 'P-1' } } }])
      .when(issue(issued('C1', '2015-01-01', '2025-01-01')))
      .thenThrows('CARD.DECEASED'));

  it('refuses a card number in use (CARD.NUMBER_IN_USE)', () =>
    spec.given([enrolment(), first, reported('C1', '2016-01-01')]).when(issue(issued('C1', '2017-01-01', '2027-01-01'))).thenThrows('CARD.NUMBER_IN_USE', { kind: 'conflict' }));
});

describe('identity card report', () => {
  const report = (cardNumber: string, date: string) => command('ReportIdentityCard', { cardNumber, reason: 'stolen', date });

  it('reports a held card', () =>
    spec.given([enrolment(), first]).when(report('C1', '2016-01-01')).then([{ type: 'IdentityCardReported', data: report('C1', '2016-01-01').data }]));

  it('refuses an unknown card (CARD.NOT_FOUND)', () =>
    spec.given([enrolment(), first]).when(report('C9', '2016-01-01')).thenThrows('CARD.NOT_FOUND', { kind: 'not-found' }));

  it('refuses a second report (CARD.ALREADY_REPORTED) and one before the issue (CARD.REPORT_BEFORE_ISSUE)', () => {
    spec.given([enrolment(), first, reported('C1', '2016-01-01')]).when(report('C1', '2017-01-01')).thenThrows('CARD.ALREADY_REPORTED');
    spec.given([enrolment(), first]).when(report('C1', '2014-12-31')).thenThrows('CARD.REPORT_BEFORE_ISSUE');
  });
});
