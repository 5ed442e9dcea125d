import type { Projection } from '../projection';
import type { CollectionDefinition, Document, ReadModelStore, ReadModelWrite } from '../read-model.port';

/**
 * The engine's own collection: per projection, the version of the projection its stored model
 * was built by. Put in the same commit as a checkpoint, so the model and its version never part
 * (the port makes a commit's writes and checkpoint atomic on every store).
 */
export const VERSIONS: CollectionDefinition = { name: 'projection-versions', indexes: [] };

interface VersionDocument extends Document {
  version: number;
}

/** The version a projection declares: 1 when it declares none. */
export function versionOf(projection: Projection): number {
  const version = projection.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`projection ${projection.name}: version ${version} is not a positive integer`);
  return version;
}

/** The version the stored model was built by: 1 for a model stored before versions were recorded. */
export async function storedVersion(readModels: ReadModelStore, projection: string): Promise<number> {
  return (await readModels.get<VersionDocument>(VERSIONS.name, projection))?.version ?? 1;
}

/** The write recording that the projection's model is now built by the version it declares. */
export function versionWrite(projection: Projection): ReadModelWrite {
  const document: VersionDocument = { id: projection.name, version: versionOf(projection) };
  return { kind: 'put', collection: VERSIONS.name, document };
}
