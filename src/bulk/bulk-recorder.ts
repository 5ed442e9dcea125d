import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, POLICY } from '../app/tokens';
import { marriageSpousesWrite } from '../commands/shared/marriage-stream';
import type { PersonEvent } from '../domain/person/person-events';
import type { JurisdictionPolicy } from '../domain/policy/jurisdiction-policy';
import type { CommandMetadata } from '../domain/shared/command-metadata';
import { DomainError } from '../domain/shared/domain-error';
import { WrongExpectedRevision, type EventStore, type NewEvent, type StreamWrite } from '../event-store/event-store.port';
import { Gazetteer } from '../gazetteer/gazetteer';
import { toNewEvents } from '../ledger/person-stream';
import { BatchPersons } from './batch-persons';
import { decideBulk, type BatchContext } from './bulk-decide';
import { PersonCache } from './person-cache';
import type { BulkAgency, BulkCommand, BulkResult, RecordedFacts } from './bulk-commands';
import { keyedIds, randomIds } from './command-ids';

export interface BulkRecordOptions {
  /** Who records the facts (a command's own `agency` wins). */
  agency: BulkAgency;
  /** The instant the commands are handled (`metadata.now`): what "in the future" is measured against. */
  now?: string;
  /**
   * Writes to append in the same transaction as the batch, given its results: an importer's
   * checkpoint, so progress and facts commit together or not at all. Asked right before each
   * hand-over to the store, perhaps while the batch before commits, and again each time the batch
   * is decided again; a batch decided again because the one before was is asked after that one
   * was asked for the last time, so writes that count on from the batch before stay right.
   */
  alsoAppend?: (results: BulkResult[]) => StreamWrite[];
  /**
   * Called right before the batch goes to the store (perhaps while the one before commits): a
   * synthetic country sets its store's clock to the batch's instant there.
   */
  beforeAppend?: () => void;
  /**
   * Recorded results with an empty `facts` list, for a caller that reads only their status and
   * IDs (an importer): a batch's results are kept until its commit, and each one's lists of
   * facts and event IDs were four objects more that the collector copied twice.
   */
  withoutFacts?: boolean;
}

/** The facts of every result when the caller reads none. */
const noFacts: RecordedFacts[] = Object.freeze([]) as unknown as RecordedFacts[];

/** A batch decided: its results, its writes and what later batches may build on. */
interface Decision {
  results: BulkResult[];
  /**
   * Until `append` hands them to the store, which packs them for its writer at once: the
   * decision itself is kept until its commit, while the next batch is decided on top of it.
   */
  writes: StreamWrite[];
  persons: BatchPersons;
  marriages: Map<string, [string, string]>;
  refs: Map<string, string>;
  /** The caller's `alsoAppend` writes, once asked for at the append. */
  callerWrites: StreamWrite[];
}

/** A batch handed to the store. */
interface Appending {
  persons: BatchPersons;
  marriages: Map<string, [string, string]>;
  refs: Map<string, string>;
  /** The store's append of these very decisions, if they had writes: a batch decided on top of them is recorded after it, or not at all. */
  append: Promise<unknown> | undefined;
  /** Whether these very decisions committed: a batch decided on top of them is void if not. */
  committed: Promise<boolean>;
}

/**
 * The first attempt takes drawn national IDs to be unused without reading their streams; when the
 * append finds one in use (or a concurrent writer changed a stream the batch read), the batch is
 * decided again reading everything, on fresh state.
 */
const maxAttempts = 3;

/**
 * Records many commands with the API's rules and events, a batch per transaction: every person
 * the batch names is loaded once and evolved as its decisions land, each command is decided in
 * order (a refused one records nothing and does not stop the rest), and everything decided goes
 * to the log in one atomic `appendToStreams`, each stream at the revision it was read at.
 */
@Injectable()
export class BulkRecorder {
  /**
   * Persons committed by earlier batches: `SIJIL_BULK_CACHE` live (200,000 by default), the least
   * recently used beyond that packed outside the heap (`SIJIL_BULK_CACHE_BYTES`): valid while this
   * recorder is the only writer to their streams, which the append's expected revisions check.
   */
  readonly cache = new PersonCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gazetteer: Gazetteer,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  /** A batch's decisions: the next `record` call waits for its turn behind the one before. */
  private turn: Promise<void> = Promise.resolve();
  /** Whether the batch handed over last was recorded (perhaps decided again), once it is known. */
  private lastEnded: Promise<boolean> = Promise.resolve(true);
  /** The batch last handed to the store, its commit perhaps still pending: the next batch decides on top of it. */
  private appending: Appending | undefined;
  /** The refs of the batch committed last: the next batch may name its persons by them. */
  private committedRefs = new Map<string, string>();
  /**
   * A batch failed, perhaps before handing anything to the store, while later ones were already
   * given: those are not handed over before their turn (which then fails them).
   */
  private earlierFailed = false;

  /**
   * Records one batch, resolving once its append committed. A caller may hand over the next
   * batch before that: it is then decided while this one commits (on the states this one leaves,
   * and with its marriages), and recorded only after this one committed (its append may reach
   * the store before that, queued behind this one's). If this one's append
   * fails, the next one is decided again on what was finally recorded; if this one fails for good,
   * so do the batches handed over before that was reported, so the log never holds a batch without
   * the ones before it.
   */
  async record(commands: BulkCommand[], options: BulkRecordOptions): Promise<BulkResult[]> {
    const previousTurn = this.turn;
    let release!: () => void;
    this.turn = new Promise((resolve) => (release = resolve));
    const earlier = this.lastEnded;
    let ended!: (recorded: boolean) => void;
    const mine = new Promise<boolean>((resolve) => (ended = resolve));
    this.lastEnded = mine;
    try {
      await previousTurn;
      const results = await this.decideAndAppend(commands, options, earlier, release);
      ended(true);
      return results;
    } catch (error) {
      ended(false);
      // A batch handed over once this failure is known is recorded as usual.
      this.earlierFailed = this.lastEnded !== mine;
      if (!this.earlierFailed) this.lastEnded = Promise.resolve(true);
      throw error;
    } finally {
      release();
    }
  }

  /**
   * Decides the batch in its turn and hands its append to the store, to be recorded after the
   * batch before's (the store refuses it if that one failed): the store's writer then has it when
   * that one commits. Gives the turn on once the batch before committed, then awaits the commit.
   */
  private async decideAndAppend(commands: BulkCommand[], options: BulkRecordOptions, earlier: Promise<boolean>, release: () => void): Promise<BulkResult[]> {
    const before = this.appending;
    let decided = await this.decideAll(commands, options, true, before);
    const early = !this.earlierFailed;
    // Nothing to follow once the batch before committed (it then left `appending`): the append
    // goes to the store's writer at once, before the next batch's `beforeAppend` sets a clock.
    const after = this.appending === before ? before?.append : undefined;
    let appended = early ? await this.handOver(decided, options, after) : undefined;
    // Decided on states that were not recorded (its append, after theirs, is refused): wait for
    // what was, and decide again on it.
    if (before && !(await before.committed) && (await earlier)) {
      decided = await this.decideAll(commands, options, true);
      appended = undefined;
    }
    if (!(await earlier)) throw new Error('an earlier batch of this bulk recorder failed; this one is not recorded');
    appended ??= await this.handOver(decided, options);
    release();
    try {
      await appended.append;
    } catch (error) {
      return this.retry(commands, options, error, decided);
    }
    return this.committed(decided);
  }

  /** Hands a decided batch to the store: the next batch decides on top of it and follows its append. */
  private async handOver(decided: Decision, options: BulkRecordOptions, after?: Promise<unknown>): Promise<{ append: Promise<unknown> }> {
    let stored: Promise<unknown> | undefined;
    let append: Promise<unknown>;
    try {
      stored = this.append(decided, options, after);
      append = stored ?? Promise.resolve();
    } catch (error) {
      // A batch decided on top of this one follows it into failure.
      append = stored = Promise.reject(error);
    }
    this.appending = {
      persons: decided.persons,
      marriages: decided.marriages,
      refs: decided.refs,
      append: stored,
      committed: append.then(
        () => true,
        () => false,
      ),
    };
    // The store hands appends to its writer at the end of this turn of the event loop; the next
    // batch's decisions, run in microtasks, would otherwise hold this one back until they end.
    await new Promise((resolve) => setImmediate(resolve));
    // In an object: awaiting this method must not await the append.
    return { append };
  }

  private committed(decided: Decision): BulkResult[] {
    decided.persons.commitTo(this.cache);
    this.committedRefs = decided.refs;
    // A batch decided from now on reads these persons from the cache and the store.
    if (this.appending?.persons === decided.persons) this.appending = undefined;
    return decided.results;
  }

  /**
   * After a failed append: another writer (or a drawn ID in use) means what the cache holds may be
   * stale, so each retry reads every stream from the store.
   */
  private async retry(commands: BulkCommand[], options: BulkRecordOptions, error: unknown, failed: Decision): Promise<BulkResult[]> {
    for (let attempt = 2; ; attempt++) {
      this.cache.clear();
      // A conflict on the caller's own writes (an importer's progress) is not the batch's to retry.
      const conflict = error instanceof WrongExpectedRevision ? error : undefined;
      const retryable = conflict && attempt <= maxAttempts && !failed.callerWrites.some((write) => write.streamId === conflict.streamId);
      if (!retryable) throw error;
      const decided = await this.decideAll(commands, options, false);
      failed = decided;
      try {
        await this.append(decided, options);
        return this.committed(decided);
      } catch (next) {
        error = next;
      }
    }
  }

  /** The batch's writes and the caller's, in one transaction; no append when nothing was decided. */
  private append(decided: Decision, options: BulkRecordOptions, after?: Promise<unknown>): Promise<unknown> | undefined {
    decided.callerWrites = options.alsoAppend?.(decided.results) ?? [];
    const all = [...decided.writes, ...decided.callerWrites];
    decided.writes = [];
    if (all.every((write) => write.events.length === 0)) return undefined;
    options.beforeAppend?.();
    return this.store.appendToStreams(all, after && { after });
  }

  private async decideAll(
    commands: BulkCommand[],
    options: BulkRecordOptions,
    assumeNew: boolean,
    before?: Appending,
  ): Promise<Decision> {
    const now = options.now ?? new Date().toISOString();
    const ctx: BatchContext = {
      // The first attempt reads committed states from the cache; a retry reads the store (the cache was dropped).
      persons: new BatchPersons(this.store, assumeNew, this.cache, before?.persons),
      store: this.store,
      gazetteer: this.gazetteer,
      policy: this.policy,
      refs: new Map(),
      // The batch before's: a caller that hands over the next batch before this one committed cannot
      // know them yet. Read beside this batch's, not copied into them: a copy carried every ref of
      // every batch before on to the next, which an import of families copied again each batch.
      earlierRefs: before ? before.refs : this.committedRefs,
      marriages: new Map(),
      // The batch before's marriages are not in the store yet (those of earlier batches are).
      earlierMarriages: before ? before.marriages : new Map(),
    };
    const systemWrites: StreamWrite[] = [];
    const results: BulkResult[] = [];
    for (const command of commands) {
      const metadata = metadataOf(command.agency ?? options.agency, now, command.key);
      const ids = command.ids ?? (command.key === undefined ? randomIds() : keyedIds(command.key));
      try {
        const decided = decideBulk(command, metadata, ids, ctx);
        const outcome = decided instanceof Promise ? await decided : decided;
        if ('duplicate' in outcome) {
          if ('ref' in command && command.ref !== undefined && outcome.nationalId) ctx.refs.set(command.ref, outcome.nationalId);
          results.push({ status: 'duplicate', ...(outcome.nationalId && { nationalId: outcome.nationalId }) });
          continue;
        }
        const commandId = ids.commandId();
        let index = 0;
        const land = ([nationalId, events]: [string, PersonEvent[]]): NewEvent[] => {
          // Called as a method: an importer's IDs are a class, its row and file kept on the object.
          const stamped = toNewEvents(events, metadata, commandId, ids.eventId ? () => ids.eventId!(index++) : undefined);
          ctx.persons.apply(nationalId, events, stamped, now);
          return stamped;
        };
        let facts = noFacts;
        if (options.withoutFacts) outcome.events.forEach(land);
        else facts = outcome.events.map((landing) => ({ nationalId: landing[0], eventIds: land(landing).map((event) => event.id) }));
        if (outcome.marriage) {
          // Its event takes the command's next ID when the caller issues them: no UUIDv7 drawn to be replaced.
          const { marriageId, spouses } = outcome.marriage;
          systemWrites.push(marriageSpousesWrite(marriageId, spouses, ids.eventId?.(index++)));
        }
        ctx.persons.markRead(outcome.read);
        if ('ref' in command && command.ref !== undefined && outcome.nationalId) ctx.refs.set(command.ref, outcome.nationalId);
        if (outcome.marriage) ctx.marriages.set(outcome.marriage.marriageId, outcome.marriage.spouses);
        results.push(recordedResult(facts, outcome.nationalId, outcome.marriage?.marriageId));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ status: 'refused', error });
      }
    }
    ctx.persons.endDecisions();
    return { results, writes: [...ctx.persons.takeWrites(), ...systemWrites], persons: ctx.persons, marriages: ctx.marriages, refs: ctx.refs, callerWrites: [] };
  }
}

/**
 * Built per command with every field at once, an absent one undefined (the deciders read them, no
 * one lists them): fields added to a smaller literal went to a second, growing array.
 */
function metadataOf(agency: BulkAgency, now: string, key: string | undefined): CommandMetadata {
  return { now, registrar: agency.registrar, office: agency.office, officeArea: agency.officeArea, idempotencyKey: key };
}

/**
 * One literal per combination (a marriage names no person, a registration no marriage): a
 * result that gained fields after it was made kept them in a second array until the caller let
 * go of the batch's results. Absent fields stay absent, as callers may list a result's keys.
 */
function recordedResult(facts: RecordedFacts[], nationalId: string | undefined, marriageId: string | undefined): BulkResult {
  if (nationalId) return marriageId ? { status: 'recorded', facts, nationalId, marriageId } : { status: 'recorded', facts, nationalId };
  return marriageId ? { status: 'recorded', facts, marriageId } : { status: 'recorded', facts };
}
