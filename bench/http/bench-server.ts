import { openBenchApp } from './bench-app';
import { CeilingController } from './ceiling.controller';

/**
 * The server the births benchmark loads, in its own process: the product's app plus the ceiling
 * route, and mothers to register births to. It runs the API as production deploys it for writes:
 * projections in their own worker (`sijil serve --no-projections` beside `sijil projections
 * run`), not on the API's event loop.
 */
async function main(): Promise<void> {
  const { enrol, serve } = await openBenchApp(CeilingController, false);
  const motherIds = await enrol(Number(process.env.BENCH_MOTHERS ?? 1000));
  await serve({ motherIds });
}

void main();
