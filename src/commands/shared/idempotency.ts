import { createHash } from 'node:crypto';
import { newEventId } from '../../event-store/event-id';
import type { EventStore, StreamWrite } from '../../event-store/event-store.port';
import { ProblemException } from '../../http/problem';
import { badRequest } from '../../http/validation';

/**
 * An Idempotency-Key is remembered in a system stream written in the same atomic append as the
 * fact it produced: a retried command either finds the first result or records the fact once.
 */
export interface IdempotencyClaim {
  streamId: string;
  key: string;
  requestHash: string;
}

interface Remembered {
  requestHash: string;
  result: unknown;
}

const keyPattern = /^[\x21-\x7e]{1,200}$/;

export function claimFor(clientId: string, key: string | undefined, request: unknown): IdempotencyClaim | undefined {
  if (key === undefined) return undefined;
  if (!keyPattern.test(key)) {
    throw badRequest([
      { field: 'Idempotency-Key', rule: 'format', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  const digest = (value: string) => createHash('sha256').update(value).digest('hex');
  return {
    streamId: `$idempotency-${clientId}-${digest(key)}`,
    key,
    requestHash: digest(JSON.stringify(request)),
  };
}

/** The first result for this key, undefined when the key is new; a 409 when it was used for another request. */
export async function rememberedResult(store: EventStore, claim: IdempotencyClaim): Promise<unknown> {
  const [event] = await store.readStream(claim.streamId, { maxCount: 1 });
  if (!event) return undefined;
  const remembered = event.data as Remembered;
  if (remembered.requestHash !== claim.requestHash) {
    throw ProblemException.of(
      409,
      'IDEMPOTENCY.KEY_REUSED',
      'Idempotency key already used',
      `The key "${claim.key}" was first sent with another request; use a new key for a new request.`,
    );
  }
  return remembered.result;
}

export function rememberWrite(claim: IdempotencyClaim, result: unknown): StreamWrite {
  const remembered: Remembered = { requestHash: claim.requestHash, result };
  return {
    streamId: claim.streamId,
    expectedRevision: 'no_stream',
    events: [{ id: newEventId(), type: 'IdempotencyKeyUsed', data: remembered, metadata: { schemaVersion: 1 } }],
  };
}
