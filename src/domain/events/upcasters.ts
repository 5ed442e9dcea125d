import type { PersonEvent, PersonEventType } from '../person/person-events';

/**
 * The schema version each event type is stored at today. Bump a type's version when its shape
 * changes and register an upcaster from the previous version: stored events are never rewritten,
 * they are upcast on every read.
 */
export const personEventVersions: Record<PersonEventType, number> = {
  PersonEnrolled: 1,
  BirthRegistered: 1,
  DeathRegistered: 1,
  MarriageRegistered: 1,
  DivorceRegistered: 1,
  EducationRecorded: 1,
  EmploymentStarted: 1,
  EmploymentEnded: 1,
  NameChanged: 1,
  ResidenceChanged: 1,
  Emigrated: 1,
  Immigrated: 1,
  NationalityGranted: 1,
  IdentityCardIssued: 1,
  IdentityCardReported: 1,
  RecordCorrected: 1,
  RegistrationAnnulled: 1,
};

/** Turns data stored at `fromVersion` into the shape of `fromVersion + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface UpcasterRegistry {
  register(type: string, fromVersion: number, upcaster: Upcaster): void;
  /** The event's data at the current version of its type, whatever version it was stored at. */
  upcast(type: string, version: number, data: unknown): unknown;
}

export function createUpcasterRegistry(versions: Record<string, number>): UpcasterRegistry {
  const upcasters = new Map<string, Upcaster>();
  const key = (type: string, fromVersion: number) => `${type}@${fromVersion}`;
  return {
    register(type, fromVersion, upcaster) {
      const current = versions[type];
      if (current === undefined || fromVersion < 1 || fromVersion >= current) {
        throw new Error(`no ${type} version ${fromVersion + 1} to upcast to (current: ${current ?? 'none'})`);
      }
      upcasters.set(key(type, fromVersion), upcaster);
    },
    upcast(type, version, data) {
      const current = versions[type];
      if (current === undefined) throw new Error(`unknown event type ${type}`);
      if (version > current) throw new Error(`${type} version ${version} is newer than this code (${current})`);
      let upcast = data as Record<string, unknown>;
      for (let v = version; v < current; v++) {
        const step = upcasters.get(key(type, v));
        if (!step) throw new Error(`no upcaster for ${type} from version ${v}`);
        upcast = step(upcast);
      }
      return upcast;
    },
  };
}

/** The ledger's registry: every shape change of a person event registers its upcaster here. */
export const personEventUpcasters = createUpcasterRegistry(personEventVersions);

/** What reading code calls on every stored person event before evolving or projecting it. */
export function upcast(type: PersonEventType, version: number, data: unknown): PersonEvent['data'] {
  return personEventUpcasters.upcast(type, version, data) as PersonEvent['data'];
}
