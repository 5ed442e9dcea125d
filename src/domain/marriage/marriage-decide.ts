import type { JurisdictionPolicy } from '../policy/jurisdiction-policy';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-error';
import { keyedById } from '../shared/keyed-by-id';
import { latestCivilDateAt } from '../shared/partial-date';
import { assertValidFact } from '../person/fact-values';
import type { DivorceRegistered, MarriageRegistered, PersonEvent } from '../person/person-events';
import type { PersonState, RegisteredPerson } from '../person/person-state';
import { parentIds } from '../person/person-queries';
import { requireRegistered } from '../person/registration';
import { assertWithinJurisdiction } from '../person/rules/jurisdiction';
import { assertKeepsRules } from '../person/rules/keeps-rules';
import type { RuleContext } from '../person/rules/rule';
import type { MarriageCommand, RegisterDivorce, RegisterMarriage } from './marriage-commands';
import { lineageOf, prohibitedRelation } from './prohibited-degrees';

type Decision = Record<string, PersonEvent[]>;

/**
 * The marriage decider: a marriage or divorce is one fact in each spouse's stream, each naming
 * the other, keyed here by national ID for the caller to append together. Each stream's history
 * must keep every rule (age, spouse limit, alive on the date...) and the pair must not be within
 * the prohibited degrees.
 */
export function decideMarriage(command: MarriageCommand, policy: JurisdictionPolicy): Decision {
  switch (command.type) {
    case 'RegisterMarriage':
      return registerMarriage(command, policy);
    case 'RegisterDivorce':
      return registerDivorce(command, policy);
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function spousesOf(command: MarriageCommand): [RegisteredPerson, RegisteredPerson] {
  const [a, b] = command.data.spouses.map((spouse) => requireRegistered(spouse));
  if (a!.nationalId === b!.nationalId) {
    throw new RuleViolation('MARRIAGE.SAME_PERSON', `${a!.nationalId} cannot be married to themselves`, {});
  }
  return [a!, b!];
}

/** Records one fact per spouse after the jurisdiction check and the rules on each history. */
function recordInBoth(
  command: MarriageCommand,
  policy: JurisdictionPolicy,
  spouses: [RegisteredPerson, RegisteredPerson],
  eventFor: (self: RegisteredPerson, other: RegisteredPerson) => PersonEvent,
  spouseDeathsOf: (self: RegisteredPerson, other: RegisteredPerson) => RuleContext['spouseDeaths'],
): Decision {
  const decision = keyedById<PersonEvent[]>();
  const today = latestCivilDateAt(command.metadata.now);
  for (let i = 0; i < 2; i++) {
    const self = spouses[i]!;
    const other = spouses[1 - i]!;
    const event = eventFor(self, other);
    assertValidFact(event);
    assertWithinJurisdiction(event, self, command.metadata, policy);
    // One list for the rules and the decision: neither changes it.
    const events = [event];
    assertKeepsRules(self, events, { policy, today, relatives: noRelatives, spouseDeaths: spouseDeathsOf(self, other) });
    decision[self.nationalId] = events;
  }
  return decision;
}

/** A marriage's rules read no relative: one empty set shared (frozen), not an object made for each spouse. */
const noRelatives: RuleContext['relatives'] = Object.freeze(keyedById<PersonState>());

function registerMarriage(command: RegisterMarriage, policy: JurisdictionPolicy): Decision {
  const { marriageId, kin, date, place, contractReference } = command.data;
  const spouses = spousesOf(command);
  for (const spouse of spouses) {
    if (spouse.marriages.some((m) => m.marriageId === marriageId)) {
      throw new Conflict('MARRIAGE.ID_IN_USE', `Marriage ID ${marriageId} is already in use`, { marriageId });
    }
  }
  const [a, b] = spouses.map((s) => lineageOf(s.nationalId, parentIds(s), kin[s.nationalId]));
  const relation = prohibitedRelation(a!, b!);
  if (relation) {
    throw new RuleViolation(
      'MARRIAGE.PROHIBITED_DEGREE',
      `${a!.id} and ${b!.id} are within the prohibited degrees (${relation})`,
      { relation },
    );
  }
  return recordInBoth(
    command,
    policy,
    spouses,
    (_self, other): MarriageRegistered => ({
      type: 'MarriageRegistered',
      data: { marriageId, spouseId: other.nationalId, date, place, contractReference },
    }),
    (self) => kin[self.nationalId]?.spouseDeaths ?? {},
  );
}

function registerDivorce(command: RegisterDivorce, policy: JurisdictionPolicy): Decision {
  const { marriageId, date, courtReference } = command.data;
  const spouses = spousesOf(command);
  for (const [self, other] of [spouses, [spouses[1], spouses[0]]] as const) {
    if (!self.marriages.some((m) => m.marriageId === marriageId && m.spouseId === other.nationalId)) {
      throw new NotFound('MARRIAGE.NOT_FOUND', `${self.nationalId} has no marriage ${marriageId} with ${other.nationalId}`, { marriageId });
    }
  }
  return recordInBoth(
    command,
    policy,
    spouses,
    (_self, other): DivorceRegistered => ({
      type: 'DivorceRegistered',
      data: { marriageId, spouseId: other.nationalId, date, courtReference },
    }),
    // A spouse who died before the divorce date had already ended the marriage (widowhood).
    (_self, other) => {
      const spouseDeaths = keyedById<string>();
      if (other.status === 'deceased') spouseDeaths[other.nationalId] = other.dateOfDeath;
      return spouseDeaths;
    },
  );
}
