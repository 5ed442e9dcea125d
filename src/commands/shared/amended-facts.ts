import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../app/clock';
import { POLICY } from '../../app/tokens';
import { decide } from '../../domain/person/person-decide';
import type { PersonCommand } from '../../domain/person/person-commands';
import { factById, type Fact } from '../../domain/person/person-facts';
import { counterpartFact, kinOf } from '../../domain/person/person-queries';
import type { PersonEvent } from '../../domain/person/person-events';
import type { PersonState } from '../../domain/person/person-state';
import type { CommandMetadata } from '../../domain/shared/command-metadata';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import { PersonStates, type PersonReads } from '../../ledger/person-states';
import { personStreamId } from '../../ledger/person-stream';
import { metadataOf, type CommandContext } from './command-context';
import { FactRecorder } from './fact-recorder';
import type { RecordedFact } from './person-facts';
import { loadPersons, loadRegistered, severalPersonsWrites, type LoadedPersons } from './several-persons';

export interface AmendmentRequest {
  nationalId: string;
  /** The fact amended, in the person's stream. */
  eventId: string;
  context: CommandContext;
  /** The request as sent (path and body): what an idempotency key is compared against. */
  request: unknown;
  /** Persons the rules about the amended fact read (a corrected birth's mother and father). */
  relativesOf?: (fact: Fact) => string[];
  /** The domain command that amends `eventId` in one person's stream. */
  command: (metadata: CommandMetadata, eventId: string, relatives: Record<string, PersonState>) => PersonCommand;
}

/** What one stream recorded and, for a marriage or divorce, what the spouse's stream recorded. */
export interface RecordedAmendment extends RecordedFact {
  counterpart?: RecordedFact;
}

/** The spouse a marriage or divorce names: its counterpart fact is in that spouse's stream. */
function spouseNamedBy(fact: Fact | undefined): string | undefined {
  const event = fact?.event;
  return event?.type === 'MarriageRegistered' || event?.type === 'DivorceRegistered' ? event.data.spouseId : undefined;
}

/**
 * The amended history is judged whole, and a spouse's death ends a marriage: load every
 * spouse (their streams are then asserted unchanged in the same append) and pass the deaths.
 */
async function spouseDeathsOf(persons: PersonReads, state: PersonState, read: LoadedPersons): Promise<Record<string, string>> {
  const spouseIds = state.status === 'unregistered' ? [] : state.marriages.map((marriage) => marriage.spouseId);
  await loadPersons(persons, spouseIds, read);
  return kinOf(state, [], spouseIds.map((id) => read.get(id)!.state)).spouseDeaths;
}

/**
 * Corrections and annulments: one mechanism for both. A marriage or divorce is one fact kept
 * in two streams, so amending it amends the copy in the spouse's stream too, each decided on
 * its own stream's rules, both appended atomically (with any relatives the rules read asserted
 * unchanged). Any other fact is amended in the person's stream alone.
 */
@Injectable()
export class AmendedFacts {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly clock: Clock,
    private readonly persons: PersonStates,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  async record(request: AmendmentRequest): Promise<RecordedAmendment> {
    const { nationalId, eventId, context } = request;
    // A fact's spouse never changes (identifiers are never corrected): safe to read before locking.
    const { state } = await this.persons.load(nationalId);
    const spouseId = spouseNamedBy(factById(state.facts, eventId));
    return this.recorder.record({
      clientId: context.agency.clientId,
      idempotencyKey: context.idempotencyKey,
      request: request.request,
      streams: [nationalId, ...(spouseId ? [spouseId] : [])].map(personStreamId),
      attempt: (persons) => this.decide(request, persons),
    });
  }

  private async decide(request: AmendmentRequest, persons: PersonReads) {
    const { nationalId, eventId } = request;
    const metadata = metadataOf(request.context, this.clock);
    const read = await loadRegistered(persons, [nationalId]);
    const fact = factById(read.get(nationalId)!.state.facts, eventId);
    const amended: Array<[string, string]> = [[nationalId, eventId]];
    const spouseId = spouseNamedBy(fact);
    if (spouseId) {
      await loadPersons(persons, [spouseId], read);
      const counterpart = counterpartFact(fact!, read.get(spouseId)!.state);
      if (counterpart) amended.push([spouseId, counterpart.eventId]);
    }
    const relativeIds = fact && request.relativesOf ? request.relativesOf(fact) : [];
    await loadPersons(persons, relativeIds, read);
    const relatives = Object.fromEntries(relativeIds.map((id) => [id, read.get(id)!.state]));
    const decided: Record<string, PersonEvent[]> = {};
    for (const [id, amendedId] of amended) {
      const state = read.get(id)!.state;
      const command = request.command(metadata, amendedId, relatives);
      const spouseDeaths = await spouseDeathsOf(persons, state, read);
      decided[id] = decide({ ...command, data: { ...command.data, spouseDeaths } } as PersonCommand, state, this.policy);
    }
    const { writes, facts } = severalPersonsWrites(decided, read, metadata, randomUUID());
    const [own, counterpart] = facts;
    return { writes, result: { ...own!, ...(counterpart && { counterpart }) } };
  }
}
