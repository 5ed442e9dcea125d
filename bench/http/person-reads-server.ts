import { ReadSide } from '../../src/read-models/engine/read-side';
import { openBenchApp } from './bench-app';
import { BareReadController } from './bare-read.controller';

/**
 * The server the person-reads HTTP benchmark loads, in its own process: the product's app plus the
 * bare read route, and persons enrolled and projected by the engine before it says it is ready.
 */
async function main(): Promise<void> {
  const { app, enrol, serve } = await openBenchApp(BareReadController, true);
  const ids = await enrol(Number(process.env.BENCH_PERSONS ?? 2000), (i) => (i % 2 ? 'M' : 'F'));
  await app.get(ReadSide).engine.waitForHead({ timeoutMs: 120_000 });
  await serve({ ids });
}

void main();
