import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Fact } from '../../domain/person/person-facts';
import { isRegistration } from '../../domain/person/person-facts';
import { InvalidValue } from '../../domain/shared/domain-error';
import { isNationalId } from '../../domain/shared/national-id';
import type { CommandContext } from '../shared/command-context';
import { AmendedFacts, type RecordedAmendment } from '../shared/amended-facts';
import type { CorrectRecordDto } from './correct-record.dto';

export class CorrectRecordCommand extends Command<RecordedAmendment> {
  constructor(
    readonly nationalId: string,
    readonly body: CorrectRecordDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The parents a corrected birth or enrolment names, before and after the correction: the rules
 * about the mother and father (alive, of age, of the right sex) are judged on the new ones.
 */
function parentsNamed(fact: Fact, changes: CorrectRecordDto['changes']): string[] {
  if (!isRegistration(fact.event)) return [];
  const named = [fact.event.data.motherId, fact.event.data.fatherId];
  const changed = changes.filter(({ field }) => field === 'motherId' || field === 'fatherId').map(({ to }) => to);
  return [...named, ...changed].filter(isNationalId);
}

/** A corrected value the fact cannot hold is named by its place in the request, not by the fact's field. */
function namedByChange(error: unknown, changes: CorrectRecordDto['changes']): unknown {
  if (!(error instanceof InvalidValue)) return error;
  const i = changes.findIndex(({ field }) => error.field === field || error.field.startsWith(`${field}.`));
  return i < 0 ? error : new InvalidValue(`changes[${i}].to`, error.code, error.message);
}

@CommandHandler(CorrectRecordCommand)
export class CorrectRecordHandler implements ICommandHandler<CorrectRecordCommand> {
  constructor(private readonly amendments: AmendedFacts) {}

  execute({ nationalId, body, context }: CorrectRecordCommand): Promise<RecordedAmendment> {
    return this.amendments.record({
      nationalId,
      eventId: body.eventId,
      context,
      request: { nationalId, body },
      relativesOf: (fact) => parentsNamed(fact, body.changes),
      command: (metadata, correctedEventId, relatives) => ({
        type: 'CorrectRecord',
        data: {
          correctedEventId,
          changes: body.changes.map(({ field, to }) => ({ field, to })),
          reason: body.reason,
          authorityReference: body.authorityReference,
          documents: body.documents ?? [],
          date: body.date ?? metadata.now.slice(0, 10),
          relatives,
        },
        metadata,
      }),
    }).catch((error: unknown) => {
      throw namedByChange(error, body.changes);
    });
  }
}
