import { Body, Controller, Inject } from '@nestjs/common';
import { EVENT_STORE } from '../../src/app/tokens';
import { RegisterBirthDto } from '../../src/commands/register-birth/register-birth.dto';
import { RecordsFact } from '../../src/commands/shared/records-fact.decorator';
import { newEventId } from '../../src/event-store/event-id';
import type { EventStore } from '../../src/event-store/event-store.port';

/**
 * The ceiling a birth is measured against: the same server stack, credential check and request
 * validation as POST /v1/births, then one group-committed row and nothing else (no rules, no
 * reads, no idempotency record). Mounted only by the benchmark's server.
 */
@Controller('bench')
export class CeilingController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @RecordsFact('ceiling', 'registrar')
  async append(@Body() body: RegisterBirthDto) {
    const id = newEventId();
    await this.store.appendToStream(`ceiling-${id}`, [{ id, type: 'CeilingRow', data: body, metadata: { schemaVersion: 1 } }], {
      expectedRevision: 'no_stream',
    });
    return { id };
  }
}
