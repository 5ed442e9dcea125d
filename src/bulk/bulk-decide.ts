import { assertKnownArea } from '../commands/shared/known-places';
import { marriageStreamId, spousesOfMarriage } from '../commands/shared/marriage-stream';
import type { Kin, RegisterMarriage } from '../domain/marriage/marriage-commands';
import { decideMarriage } from '../domain/marriage/marriage-decide';
import type { JurisdictionPolicy } from '../domain/policy/jurisdiction-policy';
import type { PersonCommand } from '../domain/person/person-commands';
import { decide } from '../domain/person/person-decide';
import type { PersonEnrolled, PersonEvent } from '../domain/person/person-events';
import { kinOf, knownIds, parentIds } from '../domain/person/person-queries';
import type { PersonState } from '../domain/person/person-state';
import { requireRegistered } from '../domain/person/registration';
import { decideRegistrationFrom } from '../domain/person/registration-decide';
import { isAreaCode } from '../domain/shared/area-code';
import type { CommandMetadata } from '../domain/shared/command-metadata';
import { Conflict, InvalidValue, NotFound } from '../domain/shared/domain-error';
import { keyedById } from '../domain/shared/keyed-by-id';
import { parseNationalId } from '../domain/shared/national-id';
import { withoutKeys } from '../domain/shared/without-keys';
import type { EventStore } from '../event-store/event-store.port';
import type { Gazetteer } from '../gazetteer/gazetteer';
import type { BatchPersons } from './batch-persons';
import type { BulkBirth, BulkCommand, BulkDivorce, BulkEnrolment, BulkMarriage, BulkPersonFact, PersonRef } from './bulk-commands';
import type { CommandIds } from './command-ids';

/** What the commands decided so far in a batch left behind for the next ones. */
export interface BatchContext {
  persons: BatchPersons;
  store: EventStore;
  gazetteer: Gazetteer;
  policy: JurisdictionPolicy;
  /** National IDs of the persons enrolled or born in this batch, by the command's `ref`. */
  refs: Map<string, string>;
  /** Those of the batch before. */
  earlierRefs: ReadonlyMap<string, string>;
  /** Spouses of the marriages recorded in this batch, by marriage ID. */
  marriages: Map<string, [string, string]>;
  /** Those of the batch before, when its append may not have committed yet. */
  earlierMarriages: ReadonlyMap<string, [string, string]>;
}

export interface Decided {
  /** Each person's events, in the order they are stamped. */
  events: Array<[string, PersonEvent[]]>;
  /** Every person the decision read: the append asserts their streams unchanged. */
  read: string[];
  nationalId?: string;
  /** A marriage recorded: the recorder writes its `$marriage-` stream after the spouses' events. */
  marriage?: { marriageId: string; spouses: [string, string] };
}

export type Outcome = Decided | { duplicate: true; nationalId?: string };

/**
 * Decides one command as the API's handler would: the areas it names must exist in the
 * gazetteer, then the domain decider runs on the states the batch holds. Throws the domain's
 * refusal, or answers `duplicate` when the command's key is already in the stream it names.
 */
export function decideBulk(command: BulkCommand, metadata: CommandMetadata, ids: CommandIds, ctx: BatchContext): Outcome | Promise<Outcome> {
  switch (command.type) {
    case 'EnrolPerson':
    case 'RegisterBirth':
      return decideNewPerson(command, metadata, ids, ctx);
    case 'RegisterMarriage':
      return decideMarriageOf(command, metadata, ids, ctx);
    case 'RegisterDivorce':
      return decideDivorce(command, metadata, ctx);
    default:
      return decidePersonFact(command, metadata, ctx);
  }
}

/** This batch's entry, else the batch before's: each batch keeps its own, not a copy of every batch's before it. */
const thisOrBefore = <V>(own: ReadonlyMap<string, V>, before: ReadonlyMap<string, V>, key: string): V | undefined => own.get(key) ?? before.get(key);

function resolve(ref: PersonRef, role: string, ctx: BatchContext): string {
  if (typeof ref === 'string') return ref;
  const nationalId = thisOrBefore(ctx.refs, ctx.earlierRefs, ref.ref);
  if (nationalId === undefined) {
    throw new NotFound('PERSON.NOT_FOUND', `The ${role} named ${ref.ref} is not registered`, { ref: ref.ref, role });
  }
  return nationalId;
}

/** Existence in the gazetteer; a malformed code is left for the decider to name. */
function knownArea(ctx: BatchContext, field: string, code: unknown): void {
  if (isAreaCode(code)) assertKnownArea(ctx.gazetteer, field, code);
}

/**
 * `next(value)` at once for a value, once it settles for a promise. Most persons a decision reads
 * are in the batch, the batch before or the cache: such a decision runs without a promise (an
 * `await` per person and per command was a tenth of a bulk enrolment's main thread).
 */
function then<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

const stateOf = (ctx: BatchContext, nationalId: string | undefined): PersonState | undefined | Promise<PersonState | undefined> =>
  nationalId === undefined ? undefined : ctx.persons.stateOf(nationalId);

function decideNewPerson(command: BulkEnrolment | BulkBirth, metadata: CommandMetadata, ids: CommandIds, ctx: BatchContext): Outcome | Promise<Outcome> {
  const { nationalId: given, motherId: motherRef, fatherId: fatherRef } = command.data;
  knownArea(ctx, 'placeOfBirth', command.data.placeOfBirth);
  const motherId = motherRef === undefined ? undefined : resolve(motherRef, 'mother', ctx);
  const fatherId = fatherRef === undefined ? undefined : resolve(fatherRef, 'father', ctx);
  return then(stateOf(ctx, motherId), (mother) =>
    then(stateOf(ctx, fatherId), (father) =>
      then(newNationalId(given, command.key, ids, ctx.persons), (drawn): Outcome => {
        if ('duplicate' in drawn) return drawn;
        const { nationalId, state } = drawn;
        // The event's data: the command's, its person references replaced by IDs (and any parent
        // states left out, as the API's copy leaves them), in the same key order.
        const data = withoutKeys(command.data, personKeys) as PersonEnrolled['data'];
        data.nationalId = nationalId;
        if (motherId !== undefined) data.motherId = motherId;
        if (fatherId !== undefined) data.fatherId = fatherId;
        const events = decideRegistrationFrom(command.type, data, { mother, father }, state, metadata, ctx.policy);
        return { events: [[nationalId, events]], read: knownIds(motherId, fatherId), nationalId };
      }),
    ),
  );
}

const personKeys = new Set(['nationalId', 'motherId', 'fatherId', 'mother', 'father']);
const marriageKeys = new Set(['marriageId']);

/**
 * The ID a new person is recorded under, with its stream's state: the one given (the decider
 * refuses it if in use), or the first draw whose stream is empty. A stream that already holds the
 * command's key means the person was recorded before.
 */
function newNationalId(
  given: string | undefined,
  key: string | undefined,
  ids: CommandIds,
  persons: BatchPersons,
  attempt = 0,
): Drawn | Promise<Drawn> {
  const draws = given === undefined ? 8 : 1;
  if (attempt === draws) throw new Error(`no unused national ID in ${draws} draws`);
  const nationalId = given ?? ids.nationalId(attempt);
  return then(persons.stateOf(nationalId, true), (state) => {
    if (persons.hasKey(nationalId, key)) return { duplicate: true, nationalId };
    if (given !== undefined || state.log.length === 0) return { nationalId, state };
    return newNationalId(given, key, ids, persons, attempt + 1);
  });
}

type Drawn = { nationalId: string; state: PersonState } | { duplicate: true; nationalId: string };

function decidePersonFact(command: BulkPersonFact, metadata: CommandMetadata, ctx: BatchContext): Outcome | Promise<Outcome> {
  const nationalId = parseNationalId(resolve(command.nationalId, 'person', ctx));
  if ('area' in command.data) knownArea(ctx, 'area', command.data.area);
  if (command.type === 'RegisterDeath') knownArea(ctx, 'placeOfDeath', command.data.placeOfDeath);
  return then(ctx.persons.stateOf(nationalId), (state): Outcome => {
    if (ctx.persons.hasKey(nationalId, command.key)) return { duplicate: true, nationalId };
    const domainCommand = { type: command.type, data: command.data, metadata } as PersonCommand;
    return { events: [[nationalId, decide(domainCommand, state, ctx.policy)]], read: [nationalId], nationalId };
  });
}

/** Both spouses, registered: as the API, a 404 names the ID before any rule runs. One read after the other, as before. */
function loadSpouses(spouses: [string, string], ctx: BatchContext): [PersonState, PersonState] | Promise<[PersonState, PersonState]> {
  return then(ctx.persons.stateOf(spouses[0]), (first) =>
    then(ctx.persons.stateOf(spouses[1]), (second): [PersonState, PersonState] => {
      requireRegistered(first, spouses[0]);
      requireRegistered(second, spouses[1]);
      return [first, second];
    }),
  );
}

function decideMarriageOf(command: BulkMarriage, metadata: CommandMetadata, ids: CommandIds, ctx: BatchContext): Outcome | Promise<Outcome> {
  const given = command.data.marriageId;
  knownArea(ctx, 'place', command.data.place);
  const spouses: [string, string] = [
    parseNationalId(resolve(command.spouses[0], 'spouse', ctx), 'spouses[0]'),
    parseNationalId(resolve(command.spouses[1], 'spouse', ctx), 'spouses[1]'),
  ];
  return then(loadSpouses(spouses, ctx), (states) => {
    if (ctx.persons.hasKey(spouses[0], command.key)) return { duplicate: true };
    return then(kinOfSpouses(spouses, states, ctx), ({ kin, read }) => {
      const marriageId = given ?? ids.marriageId();
      return then(given === undefined ? undefined : assertUnusedMarriageId(given, ctx), (): Outcome => {
        // Assigned onto the copy, in the same key order: a spread of it took V8's slow path.
        const data = withoutKeys(command.data, marriageKeys);
        data.marriageId = marriageId;
        data.spouses = states;
        data.kin = kin;
        const decided = decideMarriage({ type: 'RegisterMarriage', data, metadata } as RegisterMarriage, ctx.policy);
        return {
          events: spouses.map((id) => [id, decided[id]!]),
          read: [...spouses, ...read],
          marriage: { marriageId, spouses },
        };
      });
    });
  });
}

/** The states of `ids`, read together as `Promise.all` reads them; at once when none needs the store. */
function statesOf(ids: string[], ctx: BatchContext): PersonState[] | Promise<PersonState[]> {
  // Most spouses of a bulk marriage have no parent and no other spouse on record.
  if (ids.length === 0) return noStates;
  const states = ids.map((id) => ctx.persons.stateOf(id));
  return states.some((state) => state instanceof Promise) ? Promise.all(states) : (states as PersonState[]);
}

/** No persons, shared (frozen): `kinOf` only reads the lists it is given. */
const noStates = Object.freeze([]) as unknown as PersonState[];

interface KinRead {
  kin: Record<string, Kin>;
  read: string[];
}

/** The kin the rules read (parents for grandparents, undivorced spouses for widowhood), as the API loads it. */
function kinOfSpouses(spouses: string[], states: PersonState[], ctx: BatchContext): KinRead | Promise<KinRead> {
  const found: KinRead = { kin: keyedById(), read: [] };
  const kinFrom = (i: number): KinRead | Promise<KinRead> => {
    if (i === spouses.length) return found;
    const [id, state] = [spouses[i]!, states[i]!];
    const parents = parentIds(state);
    const partners = undivorcedSpouses(state);
    return then(statesOf(parents, ctx), (parentStates) =>
      then(statesOf(partners, ctx), (partnerStates) => {
        found.kin[id] = kinOf(state, parentStates, partnerStates);
        found.read.push(...parents, ...partners);
        return kinFrom(i + 1);
      }),
    );
  };
  return kinFrom(0);
}

/** The spouses of marriages not ended by divorce, in one list made only when there is one (most bulk spouses marry once). */
function undivorcedSpouses(state: PersonState): string[] {
  let partners: string[] | undefined;
  if (state.status !== 'unregistered') for (const m of state.marriages) if (!m.divorce) (partners ??= []).push(m.spouseId);
  return partners ?? noIds;
}

/** No IDs, shared (frozen): read only. */
const noIds = Object.freeze([]) as unknown as string[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marriage IDs are UUIDs, as the ledger issues them: the API's divorce route takes nothing else. */
function assertMarriageIdFormat(marriageId: string): void {
  if (!UUID.test(marriageId)) {
    throw new InvalidValue('marriageId', 'MARRIAGE.ID_FORMAT', `marriageId must be a UUID as the ledger issued it (got ${JSON.stringify(marriageId)})`);
  }
}

function assertUnusedMarriageId(marriageId: string, ctx: BatchContext): void | Promise<void> {
  assertMarriageIdFormat(marriageId);
  const inUse = () => new Conflict('MARRIAGE.ID_IN_USE', `Marriage ID ${marriageId} is already in use`, { marriageId });
  if (thisOrBefore(ctx.marriages, ctx.earlierMarriages, marriageId)) throw inUse();
  // A first attempt takes the ID to be unused, as it does drawn national IDs: the marriage stream's
  // write expects `no_stream`, so an ID in use fails the append and the retry reads and refuses it.
  if (ctx.persons.assumeNew) return;
  return ctx.store.readStream(marriageStreamId(marriageId), { maxCount: 1 }).then((events) => {
    if (events.length > 0) throw inUse();
  });
}

function decideDivorce(command: BulkDivorce, metadata: CommandMetadata, ctx: BatchContext): Outcome | Promise<Outcome> {
  const { marriageId } = command.data;
  assertMarriageIdFormat(marriageId);
  return then(thisOrBefore(ctx.marriages, ctx.earlierMarriages, marriageId) ?? spousesOfMarriage(ctx.store, marriageId), (spouses) =>
    then(loadSpouses(spouses, ctx), (states): Outcome => {
      if (ctx.persons.hasKey(spouses[0], command.key)) return { duplicate: true };
      const decided = decideMarriage({ type: 'RegisterDivorce', data: { ...command.data, spouses: states }, metadata }, ctx.policy);
      return { events: spouses.map((id) => [id, decided[id]!]), read: spouses };
    }),
  );
}
