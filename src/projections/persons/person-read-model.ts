import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '../../app/tokens';
import type { RecordedPersonEvent } from '../../domain/person/person-events';
import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import type { ReadModelStore } from '../../read-models/read-model.port';
import { stateAt, type ReadPoint } from '../person-read/read-point';
import { registered, type Kinfolk } from '../family/kinfolk';
import { unknownPerson } from '../person-read/unknown-person';
import { CURRENT_IDENTITY, KINSHIP, PERSON_LOG, type CurrentIdentityDocument, type KinshipDocument, type PersonLogDocument } from './person-documents';

/** The `persons` projection's collections, as the person reads ask them. */
@Injectable()
export class PersonReadModel {
  constructor(@Inject(READ_MODELS) private readonly models: ReadModelStore) {}

  currentIdentity(nationalId: string): Promise<CurrentIdentityDocument | undefined> {
    return this.models.get<CurrentIdentityDocument>(CURRENT_IDENTITY, nationalId);
  }

  async log(nationalId: string): Promise<RecordedPersonEvent[]> {
    return (await this.models.get<PersonLogDocument>(PERSON_LOG, nationalId))?.events ?? [];
  }

  /** Logs by national ID; a person never recorded has an empty log. */
  async logs(nationalIds: string[]): Promise<Map<string, RecordedPersonEvent[]>> {
    const found = await this.models.getMany<PersonLogDocument>(PERSON_LOG, [...new Set(nationalIds)]);
    return new Map(nationalIds.map((id) => [id, found.get(id)?.events ?? []]));
  }

  /** Everyone ever named as a child of each parent, by index; their states say who still is. */
  async childrenNamed(parentIds: string[]): Promise<Map<string, string[]>> {
    const children = new Map<string, string[]>(parentIds.map((id) => [id, []]));
    if (parentIds.length === 0) return children;
    const edges = await this.models.find<KinshipDocument>(KINSHIP, { where: { personId: { in: [...new Set(parentIds)] } } });
    for (const { personId, relatedId } of edges) children.get(personId)?.push(relatedId);
    return children;
  }
}

/**
 * The family around one person at one read point, loaded as far as a read asks: each state once,
 * each person's children once.
 */
export class KinfolkLoader implements Kinfolk {
  private readonly states = new Map<string, PersonState>();
  private readonly children = new Map<string, string[]>();

  constructor(
    private readonly reads: PersonReadModel,
    private readonly point: ReadPoint,
  ) {}

  /** The person a read is about, loaded first; a 404 when no registration counts at the read point. */
  async loadSubject(nationalId: string): Promise<RegisteredPerson> {
    await this.loadPersons([nationalId]);
    const person = registered(this, nationalId);
    if (!person) throw unknownPerson(nationalId, this.point);
    return person;
  }

  async loadPersons(nationalIds: string[]): Promise<void> {
    const missing = [...new Set(nationalIds)].filter((id) => !this.states.has(id));
    if (missing.length === 0) return;
    for (const [id, log] of await this.reads.logs(missing)) this.states.set(id, stateAt(log, this.point));
  }

  /** Loads the children named of each parent, and their states. */
  async loadChildren(parentIds: string[]): Promise<void> {
    const missing = [...new Set(parentIds)].filter((id) => !this.children.has(id));
    if (missing.length === 0) return;
    const found = await this.reads.childrenNamed(missing);
    for (const [id, children] of found) this.children.set(id, children);
    await this.loadPersons([...found.values()].flat());
  }

  person(nationalId: string): PersonState | undefined {
    return this.states.get(nationalId);
  }

  childrenOf(nationalId: string): string[] {
    return this.children.get(nationalId) ?? [];
  }
}
