import { Gauge } from 'prom-client';
import { metricsRegistry } from '../../operations/metrics';
import type { ProjectionLag } from './projection-lag';

type LagSource = () => Promise<ProjectionLag[]>;
const sources = new Set<LagSource>();
let cached: { at: number; lag: Promise<ProjectionLag[]> } | undefined;

/** One scrape reads both gauges: compute the lag once for both. */
function currentLag(): Promise<ProjectionLag[]> {
  if (!cached || Date.now() - cached.at > 500) {
    cached = { at: Date.now(), lag: Promise.all([...sources].map((source) => source().catch(() => []))).then((all) => all.flat()) };
  }
  return cached.lag;
}

function lagGauge(name: string, help: string, value: (lag: ProjectionLag) => number): Gauge {
  return new Gauge({
    name,
    help,
    labelNames: ['projection'],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const lag of await currentLag()) this.set({ projection: lag.projection }, value(lag));
    },
  });
}

lagGauge('sijil_projection_lag_events', 'Events in the log not yet applied by the projection', (lag) => lag.events);
lagGauge('sijil_projection_lag_seconds', 'Age of the oldest event the projection has not applied yet', (lag) => lag.seconds);
lagGauge('sijil_projection_checkpoint', 'Log position the projection has applied up to', (lag) => lag.checkpoint);

/** Exposes a set of projections' lag in /metrics until the returned function is called. */
export function reportLag(source: LagSource): () => void {
  sources.add(source);
  cached = undefined;
  return () => {
    sources.delete(source);
    cached = undefined;
  };
}
