import type { CivilDate } from '../../shared/partial-date';
import type { IdentityCard } from '../person-collections';
import { noViolations, withViolation, type HistoryRule, type Violation } from './rule';

/** The first day a card is no longer valid: its expiry or its report, whichever came first. */
function validUntil(card: IdentityCard): CivilDate {
  return card.reported && card.reported.date < card.expiresOn ? card.reported.date : card.expiresOn;
}

/** Valid on `day`: issued on or before it, not expired and not reported by then. */
export function isValidOn(card: IdentityCard, day: CivilDate): boolean {
  return card.issuedOn <= day && day < validUntil(card);
}

/**
 * "Identity card: at most one valid card at a time; a new card is issued only after the previous
 * one expired or was reported." A card expiring on a day is no longer valid that day, so its
 * replacement may be issued on it.
 */
export const identityCardRules: HistoryRule = (person) => {
  // Lists made only for what is found, no filtered list of reports: the rules run over every
  // history a decision would leave, and most persons hold no card.
  let found: Violation[] | undefined;
  for (const card of person.cards) {
    if (card.expiresOn <= card.issuedOn) {
      found = withViolation(found, {
        code: 'CARD.EXPIRY_BEFORE_ISSUE',
        message: `Card ${card.cardNumber} expires on ${card.expiresOn}, not after its issue (${card.issuedOn})`,
        facts: [card.eventId],
      });
    }
    const overlapping = person.cards.find((other) => other !== card && isValidOn(other, card.issuedOn));
    if (overlapping) {
      found = withViolation(found, {
        code: 'CARD.VALID_CARD_EXISTS',
        message: `Card ${overlapping.cardNumber} is still valid on ${card.issuedOn}: report it or wait for its expiry`,
        facts: [card.eventId, overlapping.eventId],
      });
    }
  }
  for (const { eventId, event, annulled } of person.facts) {
    if (event.type !== 'IdentityCardReported' || annulled) continue;
    const { data } = event;
    const card = person.cards.find((c) => c.cardNumber === data.cardNumber);
    if (!card) continue;
    if (data.date < card.issuedOn) {
      found = withViolation(found, {
        code: 'CARD.REPORT_BEFORE_ISSUE',
        message: `Card ${data.cardNumber} cannot be reported on ${data.date}, before its issue (${card.issuedOn})`,
        facts: [eventId, card.eventId],
      });
    } else if (card.reported!.eventId !== eventId) {
      found = withViolation(found, {
        code: 'CARD.ALREADY_REPORTED',
        message: `Card ${data.cardNumber} was already reported on ${card.reported!.date}`,
        facts: [eventId, card.reported!.eventId],
      });
    }
  }
  return found ?? noViolations;
};
