import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, POLICY } from '../app/tokens';
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
import { keyedIds, randomIds, type CommandIds } from './command-ids';

export interface BulkRecordOptions {
  /** Who records the facts (a command's own `agency` wins). */
  agency: BulkAgency;
  /** The instant the commands are handled (`metadata.now`): what "in the future" is measured against. */
  now?: string;
  /**
   * Writes to append in the same transaction as the batch, given its results: an importer's
   * checkpoint, so progress and facts commit together or not at all.
   */
  alsoAppend?: (results: BulkResult[]) => StreamWrite[];
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
   * Persons committed by earlier batches, least recently used evicted first (`SIJIL_BULK_CACHE`
   * persons, 200,000 by default; 0 turns it off): valid while this recorder is the only writer to
   * their streams, which the append's expected revisions check.
   */
  readonly cache = new PersonCache(cacheLimit());

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gazetteer: Gazetteer,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  async record(commands: BulkCommand[], options: BulkRecordOptions): Promise<BulkResult[]> {
    for (let attempt = 1; ; attempt++) {
      const { results, writes, persons } = await this.decideAll(commands, options, attempt === 1);
      const extra = options.alsoAppend?.(results) ?? [];
      const all = [...writes, ...extra];
      if (all.every((write) => write.events.length === 0)) return results;
      try {
        await this.store.appendToStreams(all);
        persons.commitTo(this.cache);
        return results;
      } catch (error) {
        // Another writer (or a drawn ID in use): what the cache holds may be stale, so the retry
        // reads every stream from the store.
        this.cache.clear();
        const retry =
          error instanceof WrongExpectedRevision &&
          attempt < maxAttempts &&
          !extra.some((write) => write.streamId === error.streamId);
        if (!retry) throw error;
      }
    }
  }

  private async decideAll(
    commands: BulkCommand[],
    options: BulkRecordOptions,
    assumeNew: boolean,
  ): Promise<{ results: BulkResult[]; writes: StreamWrite[]; persons: BatchPersons }> {
    const now = options.now ?? new Date().toISOString();
    const ctx: BatchContext = {
      // The first attempt reads committed states from the cache; a retry reads the store (the cache was dropped).
      persons: new BatchPersons(this.store, assumeNew, this.cache),
      store: this.store,
      gazetteer: this.gazetteer,
      policy: this.policy,
      refs: new Map(),
      marriages: new Map(),
    };
    const systemWrites: StreamWrite[] = [];
    const results: BulkResult[] = [];
    for (const command of commands) {
      const metadata = metadataOf(command.agency ?? options.agency, now, command.key);
      const ids = command.ids ?? (command.key === undefined ? randomIds() : keyedIds(command.key));
      try {
        const outcome = await decideBulk(command, metadata, ids, ctx);
        if ('duplicate' in outcome) {
          if ('ref' in command && command.ref !== undefined && outcome.nationalId) ctx.refs.set(command.ref, outcome.nationalId);
          results.push({ status: 'duplicate', ...(outcome.nationalId && { nationalId: outcome.nationalId }) });
          continue;
        }
        const commandId = ids.commandId();
        let index = 0;
        const facts: RecordedFacts[] = outcome.events.map(([nationalId, events]) => {
          const eventId = ids.eventId;
          const stamped = toNewEvents(events, metadata, commandId, eventId ? () => eventId(index++) : undefined);
          ctx.persons.apply(nationalId, events, stamped, now);
          return { nationalId, eventIds: stamped.map((event) => event.id) };
        });
        if (outcome.system) {
          systemWrites.push({ ...outcome.system, events: withIds(outcome.system.events, ids, () => index++) });
        }
        ctx.persons.markRead(outcome.read);
        if ('ref' in command && command.ref !== undefined && outcome.nationalId) ctx.refs.set(command.ref, outcome.nationalId);
        if (outcome.marriage) ctx.marriages.set(outcome.marriage.marriageId, outcome.marriage.spouses);
        results.push({
          status: 'recorded',
          facts,
          ...(outcome.nationalId && { nationalId: outcome.nationalId }),
          ...(outcome.marriage && { marriageId: outcome.marriage.marriageId }),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ status: 'refused', error });
      }
    }
    return { results, writes: [...ctx.persons.writes(), ...systemWrites], persons: ctx.persons };
  }
}

function cacheLimit(): number {
  const configured = Number(process.env.SIJIL_BULK_CACHE);
  return process.env.SIJIL_BULK_CACHE !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : 200_000;
}

function metadataOf(agency: BulkAgency, now: string, key: string | undefined): CommandMetadata {
  return {
    now,
    registrar: agency.registrar,
    ...(agency.office !== undefined && { office: agency.office }),
    ...(agency.officeArea !== undefined && { officeArea: agency.officeArea }),
    ...(key !== undefined && { idempotencyKey: key }),
  };
}

/** Events keep the time-ordered IDs `toNewEvents` drew unless the command brings its own. */
function withIds(events: NewEvent[], ids: CommandIds, nextIndex: () => number): NewEvent[] {
  const eventId = ids.eventId;
  return eventId ? events.map((event) => ({ ...event, id: eventId(nextIndex()) })) : events;
}
