import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AgencyRegistry } from '../agencies/agency-registry';
import type { EventStore } from '../event-store/event-store.port';
import { projections } from '../projections';
import { createReadModelStore } from '../read-models/create-read-model-store';
import { ReadSide } from '../read-models/engine/read-side';
import type { ThreadedRebuild } from '../read-models/engine/rebuild-threads';
import type { Projection } from '../read-models/projection';
import type { ReadModelStore } from '../read-models/read-model.port';
import { Gazetteer } from '../gazetteer/gazetteer';
import { MAX_BODY_DEPTH, tooDeepAt } from '../http/body-depth';
import { answerClientError } from '../http/client-error';
import { ProblemFilter, sendProblem, toProblem } from '../http/problem.filter';
import { badRequest, requestValidation } from '../http/validation';
import { httpDuration } from '../operations/metrics';
import { AppModule } from './app.module';
import { Clock, SystemClock } from './clock';
import type { SijilConfig } from './config';

export interface AppParts {
  config: SijilConfig;
  store: EventStore;
  clock?: Clock;
  gazetteer?: Gazetteer;
  extraControllers?: Type[];
  /** Where read models live; by default opened from the config (and closed with the app). */
  readModels?: ReadModelStore;
  /** The projections to run; the registry's by default. */
  projections?: Projection[];
  /** Run the projections in this process (default true; false when a worker runs them). */
  runProjections?: boolean;
  /** Threads for the projections with nothing stored to catch up in (see ProjectionEngineOptions). */
  catchUpThreads?: ThreadedRebuild;
}

function serveOpenApi(app: NestFastifyApplication): void {
  const document = new DocumentBuilder()
    .setTitle('Sijil civil status ledger')
    .setDescription('Public contract v1: commands record vital events; reads replay them. Errors are application/problem+json.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
}

/** The HTTP application on a given log; `sijil serve` and the end-to-end tests both build it here. */
export async function createApp(parts: AppParts): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    // A URL Fastify cannot decode is refused before any route: as problem+json too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, toProblem(error)),
    clientErrorHandler: answerClientError,
  });
  adapter.getInstance().addHook('preHandler', (request, _reply, done) => {
    const at = tooDeepAt(request.body);
    done(at === undefined ? undefined : badRequest([{ field: at, rule: 'maxDepth', message: `nests more than ${MAX_BODY_DEPTH} levels` }]));
  });
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      config: parts.config,
      store: parts.store,
      clock: parts.clock ?? new SystemClock(),
      gazetteer: parts.gazetteer ?? Gazetteer.load(parts.config.gazetteerPath),
      agencies: new AgencyRegistry(parts.store),
      readSide: new ReadSide({
        eventStore: parts.store,
        readModels: parts.readModels ?? (await createReadModelStore(parts.config)),
        projections: parts.projections ?? projections,
        runProjections: parts.runProjections ?? true,
        ownsStore: !parts.readModels,
        catchUpThreads: parts.catchUpThreads,
      }),
      extraControllers: parts.extraControllers,
    }),
    adapter,
    { logger: ['error', 'warn'] },
  );
  app.useGlobalPipes(requestValidation);
  app.useGlobalFilters(new ProblemFilter());
  serveOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
