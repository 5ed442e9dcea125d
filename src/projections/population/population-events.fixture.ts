import type { RecordedEvent } from '../../event-store/event-store.port';

/** Person events as the log would deliver them, for the population model's specs and bench. */
export class EventLog {
  private position = 0;
  private readonly revisions = new Map<string, number>();
  private ids = 0;

  event(nationalId: string, type: string, data: Record<string, unknown>): RecordedEvent {
    const streamId = `person-${nationalId}`;
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    this.position += 1;
    return {
      id: `e${++this.ids}`,
      streamId,
      revision,
      position: this.position,
      type,
      data,
      metadata: { schemaVersion: 1 },
      recordedAt: '2026-01-01T00:00:00Z',
    };
  }

  born(nationalId: string, sex: 'F' | 'M', dateOfBirth: string, area = 'LY-BA-01', motherId?: string): RecordedEvent {
    return this.event(nationalId, motherId ? 'BirthRegistered' : 'PersonEnrolled', {
      nationalId,
      sex,
      dateOfBirth,
      placeOfBirth: area,
      ...(motherId ? { motherId } : { source: { kind: 'legacy-register', reference: 'r' } }),
    });
  }

  died(nationalId: string, dateOfDeath: string): RecordedEvent {
    return this.event(nationalId, 'DeathRegistered', { dateOfDeath });
  }
}
