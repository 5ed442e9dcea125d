import { defaultPolicy, type JurisdictionPolicy } from '../policy/jurisdiction-policy';
import type { CommandMetadata } from '../shared/command-metadata';
import { verhoeffCheckDigit } from '../shared/verhoeff';
import type { PersonCommand } from '../person/person-commands';
import { decide } from '../person/person-decide';
import type { PersonEnrolled, PersonEvent } from '../person/person-events';
import { evolve, initialState, type PersonState, type RegisteredPerson } from '../person/person-state';
import { deciderSpecification } from './decider-specification';

/** A valid national ID, distinct for each `n`. */
export function nid(n: number): string {
  const digits = `2${String(n).padStart(10, '0')}`;
  return `${digits}${verhoeffCheckDigit(digits)}`;
}

export const NOW = '2026-11-22T10:00:00Z';

export function metadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { now: NOW, registrar: 'registrar-1', office: 'LY-BA-03-OFF1', ...overrides };
}

export function command<T extends PersonCommand['type']>(
  type: T,
  data: Extract<PersonCommand, { type: T }>['data'],
  meta: Partial<CommandMetadata> = {},
): Extract<PersonCommand, { type: T }> {
  return { type, data, metadata: metadata(meta) } as Extract<PersonCommand, { type: T }>;
}

export function enrolment(overrides: Partial<PersonEnrolled['data']> = {}): PersonEnrolled {
  return {
    type: 'PersonEnrolled',
    data: {
      nationalId: nid(1),
      name: { given: 'فاطمة', father: 'محمد', grandfather: 'سالم', family: 'العبيدي' },
      sex: 'F',
      dateOfBirth: '1980-05-10',
      placeOfBirth: 'LY-BA-01',
      nationality: 'LY',
      residency: 'citizen',
      source: { kind: 'legacy-register', reference: 'Benghazi family register 12, page 40' },
      ...overrides,
    },
  };
}

/** Event IDs are `e1`, `e2`... in the order given, so specs can name the facts they correct. */
export function recordedEvolve(state: PersonState, event: PersonEvent): PersonState {
  return evolve(state, { eventId: `e${state.log.length + 1}`, recordedAt: NOW, event });
}

export function personOf(...events: PersonEvent[]): RegisteredPerson {
  const state = events.reduce(recordedEvolve, initialState);
  if (state.status === 'unregistered') throw new Error('fixture has no registration');
  return state;
}

export function personSpec(policy: JurisdictionPolicy = defaultPolicy) {
  return deciderSpecification<PersonCommand, PersonEvent, PersonState>({
    decide: (cmd, state) => decide(cmd, state, policy),
    evolve: recordedEvolve,
    initialState,
  });
}
