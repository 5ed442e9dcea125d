import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnrolPerson, PersonCommand, RegisterBirth } from '../../domain/person/person-commands';
import { Gazetteer } from '../../gazetteer/gazetteer';
import type { CommandContext } from './command-context';
import { assertKnownArea } from './known-places';
import { PersonFacts, type RecordedFact } from './person-facts';

type WithoutMetadata<C> = C extends PersonCommand ? Omit<C, 'metadata'> : never;

/** A fact about a registered person whose data the request gives whole: `{type, data}` of a domain command. */
export type PersonFact = WithoutMetadata<Exclude<PersonCommand, EnrolPerson | RegisterBirth>>;

/**
 * One command for every use case that only says which fact its request means (education,
 * employment end, the changes of status, card reports): they differ in their DTOs, not in how
 * the fact is recorded.
 */
export class RecordPersonFactCommand extends Command<RecordedFact> {
  constructor(
    readonly nationalId: string,
    readonly fact: PersonFact,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Records `fact` in the person's stream. The request an Idempotency-Key is compared against is
 * the fact itself, so the same key on another route or with other values is a 409.
 */
export function recordPersonFact(facts: PersonFacts, nationalId: string, fact: PersonFact, context: CommandContext): Promise<RecordedFact> {
  return facts.record({
    nationalId,
    context,
    request: { nationalId, ...fact },
    command: (metadata) => ({ ...fact, metadata }) as PersonCommand,
  });
}

@CommandHandler(RecordPersonFactCommand)
export class RecordPersonFactHandler implements ICommandHandler<RecordPersonFactCommand> {
  constructor(
    private readonly facts: PersonFacts,
    private readonly gazetteer: Gazetteer,
  ) {}

  execute({ nationalId, fact, context }: RecordPersonFactCommand): Promise<RecordedFact> {
    // The facts of this kind that name a place (residence change, immigration) call it `area`.
    if ('area' in fact.data) assertKnownArea(this.gazetteer, 'area', fact.data.area);
    return recordPersonFact(this.facts, nationalId, fact, context);
  }
}
