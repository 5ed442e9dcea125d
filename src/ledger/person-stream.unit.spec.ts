import type { PersonEvent } from '../domain/person/person-events';
import { toNewEvents } from './person-stream';

/** The stamp is written to the log as JSON: its keys and their order are part of every recorded event. */
describe('toNewEvents stamps', () => {
  const event = { type: 'ResidenceChanged', data: { area: 'LY-TR-01', date: '2020-01-01' } } as unknown as PersonEvent;
  const stampOf = (metadata: { office?: string; idempotencyKey?: string }) =>
    JSON.stringify(toNewEvents([event], { now: '2026-01-01T00:00:00.000Z', registrar: 'r', ...metadata }, 'c', () => 'e')[0]!.metadata);

  it.each([
    [{ office: 'LY-TR-01-OFF1', idempotencyKey: 'k' }, '{"schemaVersion":1,"registrar":"r","office":"LY-TR-01-OFF1","idempotencyKey":"k","commandId":"c"}'],
    [{ office: 'LY-TR-01-OFF1' }, '{"schemaVersion":1,"registrar":"r","office":"LY-TR-01-OFF1","commandId":"c"}'],
    [{ idempotencyKey: 'k' }, '{"schemaVersion":1,"registrar":"r","idempotencyKey":"k","commandId":"c"}'],
    [{}, '{"schemaVersion":1,"registrar":"r","commandId":"c"}'],
    [{ office: '', idempotencyKey: '' }, '{"schemaVersion":1,"registrar":"r","commandId":"c"}'],
  ])('with %j writes %s', (metadata, json) => {
    expect(stampOf(metadata)).toBe(json);
  });
});
