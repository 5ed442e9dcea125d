import type { EventStore } from '../../event-store/event-store.port';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../read-model.port';
import { reportLag } from './lag-metrics';
import { ProjectionEngine } from './projection-engine';
import type { ProjectionLag } from './projection-lag';
import type { ProjectionProgress } from './projection-progress';
import type { ProjectionStatus } from './projection-runner';
import type { ThreadedRebuild } from './rebuild-threads';

export interface ReadSideOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: Projection[];
  /** Run the projections in this process (false when a `sijil projections run` worker does). */
  runProjections: boolean;
  /** Close the read-model store on shutdown (it was opened for this app). */
  ownsStore: boolean;
  /** Threads for the projections with nothing stored to catch up in (see ProjectionEngineOptions). */
  catchUpThreads?: ThreadedRebuild;
}

export interface ProjectionHealth extends ProjectionLag {
  /** The version of what the projection stores, as this release declares it. */
  version: number;
  /** `external` when another process (a worker) runs it. */
  status: ProjectionStatus | 'external';
  lastError?: string;
}

/**
 * The API process's read side: the read-model store the query handlers read, the projection
 * engine started once the app is up and stopped before it shuts down (Nest lifecycle hooks), and
 * the lag `/health` and `/metrics` report.
 */
export class ReadSide {
  readonly engine: ProjectionEngine;
  private unreport?: () => void;

  constructor(private readonly options: ReadSideOptions) {
    const { eventStore, readModels, projections, catchUpThreads } = options;
    this.engine = new ProjectionEngine({ eventStore, readModels, projections, catchUpThreads });
  }

  get readModels(): ReadModelStore {
    return this.options.readModels;
  }

  get progress(): ProjectionProgress {
    return this.engine.progress;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.define();
    if (this.options.runProjections) await this.engine.start();
    this.unreport = reportLag(() => this.engine.lag());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unreport?.();
    await this.engine.stop();
    if (this.options.ownsStore) await this.options.readModels.close();
  }

  async health(): Promise<ProjectionHealth[]> {
    const states = new Map(this.engine.states().map((state) => [state.name, state]));
    return (await this.engine.lag()).map((lag) => {
      // The lag is measured for the engine's own projections: each has a state.
      const state = states.get(lag.projection)!;
      return {
        ...lag,
        version: state.version,
        status: this.options.runProjections ? state.status : 'external',
        ...(state.lastError ? { lastError: state.lastError } : {}),
      };
    });
  }
}
