import type { Kin, MarriageCommand, RegisterDivorce, RegisterMarriage } from '../marriage/marriage-commands';
import { decideMarriage } from '../marriage/marriage-decide';
import { defaultPolicy } from '../policy/jurisdiction-policy';
import type { PersonEvent, Sex } from '../person/person-events';
import type { PersonState } from '../person/person-state';
import { deciderSpecification } from './decider-specification';
import { enrolment, metadata, nid, personOf } from './person-fixtures';

export function adult(n: number, sex: Sex, ...later: PersonEvent[]) {
  return personOf(enrolment({ nationalId: nid(n), sex, dateOfBirth: '1980-01-01' }), ...later);
}

export function marriageCommand(
  spouses: [PersonState, PersonState],
  overrides: Partial<Omit<RegisterMarriage['data'], 'spouses'>> = {},
): RegisterMarriage {
  return {
    type: 'RegisterMarriage',
    data: { marriageId: 'm-new', spouses, kin: {}, date: '2026-10-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2026/881', ...overrides },
    metadata: metadata(),
  };
}

export function divorceCommand(spouses: [PersonState, PersonState], marriageId: string, date: string): RegisterDivorce {
  return { type: 'RegisterDivorce', data: { marriageId, spouses, date, courtReference: 'Benghazi court 2027/102' }, metadata: metadata() };
}

/** The marriage fact as recorded in `self`'s stream. */
export function married(marriageId: string, spouseId: string, date: string): PersonEvent {
  return { type: 'MarriageRegistered', data: { marriageId, spouseId, date, place: 'LY-BA-03', contractReference: 'C' } };
}

export function kin(parents: string[] = [], grandparents: string[] = [], spouseDeaths: Record<string, string> = {}): Kin {
  return { parents, grandparents, spouseDeaths };
}

/** What a registered marriage records: one fact per spouse, each naming the other. */
export function recordedMarriage({ data }: RegisterMarriage): Record<string, PersonEvent[]> {
  const [a, b] = data.spouses.map((s) => s.nationalId!);
  const fact = (spouseId: string): PersonEvent => ({
    type: 'MarriageRegistered',
    data: { marriageId: data.marriageId, spouseId, date: data.date, place: data.place, contractReference: data.contractReference },
  });
  return { [a!]: [fact(b!)], [b!]: [fact(a!)] };
}

/** Given/when/then over the marriage decider: the spouses' histories arrive in the command. */
export function marriageSpec(policy = defaultPolicy) {
  return deciderSpecification<MarriageCommand, Record<string, PersonEvent[]>, undefined>({
    decide: (command) => [decideMarriage(command, policy)],
    evolve: (state) => state,
    initialState: undefined,
  }).given([]);
}
