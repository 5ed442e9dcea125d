import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { generateCountry } from '../../src/synth/country-generator';
import { InMemoryLedger } from '../../src/synth/in-memory-ledger';

/**
 * The log of a synthetic country of 3,000 persons over 4 years, which records every kind of fact,
 * with a correction or an annulment of every tenth fact (the generator makes neither): births
 * re-dated, moves re-placed, registrations annulled, mothers' births among them.
 */
export function amendedCountry(seed: string): RecordedEvent[] {
  const ledger = new InMemoryLedger();
  for (const step of generateCountry({ persons: 3_000, years: 4, seed, areaCodes: ['LY-BA-01', 'LY-BA-03', 'LY-TB-01'] }).steps) ledger.record(step);
  const amended = ledger.log.flatMap((fact, i) => {
    if (i % 10 !== 0) return [fact];
    const { streamId, metadata, recordedAt } = fact;
    const id = `${fact.id}-amended`;
    const date = '2030-01-01';
    if (i % 70 === 0) return [fact, { streamId, id, type: 'RegistrationAnnulled', data: { annulledEventId: fact.id, date }, metadata, recordedAt }];
    const changes = [{ field: 'dateOfBirth', to: '1970-01-01' }, { field: 'area', to: 'LY-TB-01' }, { field: 'date', to: '2020-02-02' }];
    return [fact, { streamId, id, type: 'RecordCorrected', data: { correctedEventId: fact.id, changes, date }, metadata, recordedAt }];
  });
  const revisions = new Map<string, number>();
  return amended.map((event, i) => {
    const revision = (revisions.get(event.streamId) ?? -1) + 1;
    revisions.set(event.streamId, revision);
    return { ...event, revision, position: i + 1, metadata: event.metadata as RecordedEvent['metadata'] };
  });
}
