import { decideMarriage } from '../domain/marriage/marriage-decide';
import { defaultPolicy, type JurisdictionPolicy } from '../domain/policy/jurisdiction-policy';
import { decide } from '../domain/person/person-decide';
import type { PersonCommand } from '../domain/person/person-commands';
import type { PersonEvent, RecordedPersonEvent } from '../domain/person/person-events';
import { kinOf } from '../domain/person/person-queries';
import { evolve, initialState, type PersonState } from '../domain/person/person-state';
import type { CommandMetadata } from '../domain/shared/command-metadata';
import { DomainError } from '../domain/shared/domain-error';
import { personEventVersions } from '../domain/events/upcasters';
import { synthCommandId, synthEventId } from './synth-ids';
import type { SynthStep } from './synth-step';

/** An event as the log stores it: stream, ID, type, data, metadata, recording instant. */
export interface LoggedEvent {
  streamId: string;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

export interface Refusal {
  seq: number;
  type: string;
  code: string;
  message: string;
}

/**
 * A reference recorder for synthetic streams, with no store: each step is decided by the domain's
 * own deciders on states kept in memory, and its events are stamped as the bulk path stamps them
 * (deterministic IDs from the step, `recordedAt` the step's instant). Tests read the resulting log
 * to check the generator against the rules and its summary against the facts.
 */
export class InMemoryLedger {
  readonly log: LoggedEvent[] = [];
  readonly refusals: Refusal[] = [];
  private readonly states = new Map<string, PersonState>();

  constructor(private readonly policy: JurisdictionPolicy = defaultPolicy) {}

  state(nationalId: string): PersonState {
    return this.states.get(nationalId) ?? initialState;
  }

  record(step: SynthStep): void {
    const { command, at, seq } = step;
    const metadata: CommandMetadata = { now: at, registrar: command.agency.registrar, ...(command.agency.office && { office: command.agency.office }), ...(command.agency.officeArea && { officeArea: command.agency.officeArea }), idempotencyKey: command.key };
    try {
      const decided = this.decide(step, metadata);
      let index = 0;
      for (const [nationalId, events] of decided) {
        for (const event of events) {
          const id = synthEventId(at, seq, index++);
          const recorded: RecordedPersonEvent = { eventId: id, recordedAt: at, event };
          this.states.set(nationalId, evolve(this.state(nationalId), recorded));
          this.log.push({
            streamId: `person-${nationalId}`,
            id,
            type: event.type,
            data: event.data,
            metadata: { schemaVersion: personEventVersions[event.type], registrar: metadata.registrar, office: metadata.office, idempotencyKey: metadata.idempotencyKey, commandId: synthCommandId(at, seq) },
            recordedAt: at,
          });
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refusals.push({ seq, type: command.type, code: error.code, message: error.message });
    }
  }

  private decide({ command }: SynthStep, metadata: CommandMetadata): Array<[string, PersonEvent[]]> {
    switch (command.type) {
      case 'EnrolPerson':
      case 'RegisterBirth': {
        const { motherId, fatherId, nationalId } = command.data;
        const domain = {
          type: command.type,
          data: { ...command.data, mother: motherId ? this.state(motherId) : undefined, father: fatherId ? this.state(fatherId) : undefined },
          metadata,
        } as PersonCommand;
        return [[nationalId, decide(domain, this.state(nationalId), this.policy)]];
      }
      case 'RegisterMarriage':
      case 'RegisterDivorce': {
        const spouses = command.spouses.map((id) => this.state(id)) as [PersonState, PersonState];
        const data =
          command.type === 'RegisterMarriage'
            ? { ...command.data, spouses, kin: Object.fromEntries(command.spouses.map((id, i) => [id, this.kin(spouses[i]!)])) }
            : { ...command.data, spouses };
        const decision = decideMarriage({ type: command.type, data, metadata } as Parameters<typeof decideMarriage>[0], this.policy);
        return command.spouses.map((id) => [id, decision[id] ?? []]);
      }
      default: {
        const { nationalId, ...rest } = command;
        return [[nationalId, decide({ type: rest.type, data: rest.data, metadata } as PersonCommand, this.state(nationalId), this.policy)]];
      }
    }
  }

  private kin(state: PersonState) {
    if (state.status === 'unregistered') return kinOf(state, [], []);
    const parents = [state.motherId, state.fatherId].filter((id): id is string => !!id).map((id) => this.state(id));
    const spouses = state.marriages.map((m) => this.state(m.spouseId));
    return kinOf(state, parents, spouses);
  }
}
