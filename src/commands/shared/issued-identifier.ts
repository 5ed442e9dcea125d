import { createHash, randomBytes } from 'node:crypto';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from './command-context';
import { PersonFacts, type RecordedFact } from './person-facts';
import { recordPersonFact, type PersonFact } from './record-person-fact';

/** Crockford's base 32: no I, L, O or U, so an identifier read aloud or copied by hand stays right. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 12;

/**
 * An identifier the ledger issues with a fact (employment ID, card number), 60 bits in 12
 * characters. A command retried under its Idempotency-Key must answer with the identifier the
 * first attempt recorded, yet the remembered result holds only the national ID and event IDs:
 * so under a key the identifier is derived from the sender, the key and `scope`, and drawn at
 * random otherwise. Reusing a key for another request is a 409 before anything is recorded.
 */
export function issueIdentifier(context: CommandContext, scope: string): string {
  const bytes =
    context.idempotencyKey === undefined
      ? randomBytes(length)
      : createHash('sha256').update(JSON.stringify([context.agency.clientId, context.idempotencyKey, scope])).digest();
  return Array.from(bytes.subarray(0, length), (byte) => alphabet[byte % alphabet.length]).join('');
}

export type RecordedWith<Name extends string> = RecordedFact & Record<Name, string>;

/** A request about one person whose fact carries an identifier the ledger issues (`Name`). */
export abstract class IssuingCommand<Body, Name extends string> extends Command<RecordedWith<Name>> {
  constructor(
    readonly nationalId: string,
    readonly body: Body,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Issues the identifier, records the fact that carries it, and answers with both. */
export async function recordIssuing<Name extends string>(
  facts: PersonFacts,
  { nationalId, context }: IssuingCommand<unknown, Name>,
  name: Name,
  factWith: (identifier: string) => PersonFact,
): Promise<RecordedWith<Name>> {
  const identifier = issueIdentifier(context, `${name} of ${nationalId}`);
  const recorded = await recordPersonFact(facts, nationalId, factWith(identifier), context);
  return { ...recorded, [name]: identifier } as RecordedWith<Name>;
}
