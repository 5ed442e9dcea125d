import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessGuard } from '../agencies/access.guard';
import { AgencyRegistry } from '../agencies/agency-registry';
import { commandControllers, commandHandlers } from '../commands';
import { AmendedFacts } from '../commands/shared/amended-facts';
import { FactRecorder } from '../commands/shared/fact-recorder';
import { NewPersonFacts } from '../commands/shared/new-person-facts';
import { PersonFacts } from '../commands/shared/person-facts';
import type { EventStore } from '../event-store/event-store.port';
import { Gazetteer } from '../gazetteer/gazetteer';
import { PersonStates } from '../ledger/person-states';
import { HealthController } from '../operations/health.controller';
import { queryControllers, queryHandlers, queryProviders } from '../projections';
import { ProjectionProgress } from '../read-models/engine/projection-progress';
import { ReadSide } from '../read-models/engine/read-side';
import { Clock } from './clock';
import type { SijilConfig } from './config';
import { EVENT_STORE, POLICY, READ_MODELS } from './tokens';

export interface AppDependencies {
  config: SijilConfig;
  store: EventStore;
  gazetteer: Gazetteer;
  clock: Clock;
  agencies: AgencyRegistry;
  /** Read models, the projection engine (started with the app) and read-your-writes. */
  readSide: ReadSide;
  /** Routes a harness adds beside the product's (the benchmark's ceiling route). */
  extraControllers?: Type[];
}

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, ...commandControllers, ...queryControllers, ...(deps.extraControllers ?? [])],
      providers: [
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: POLICY, useValue: deps.config.policy },
        { provide: Gazetteer, useValue: deps.gazetteer },
        { provide: Clock, useValue: deps.clock },
        { provide: AgencyRegistry, useValue: deps.agencies },
        { provide: ReadSide, useValue: deps.readSide },
        { provide: READ_MODELS, useValue: deps.readSide.readModels },
        { provide: ProjectionProgress, useValue: deps.readSide.progress },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: PersonStates, useFactory: (store: EventStore) => new PersonStates(store), inject: [EVENT_STORE] },
        FactRecorder,
        PersonFacts,
        NewPersonFacts,
        AmendedFacts,
        ...commandHandlers,
        ...queryHandlers,
        ...queryProviders,
      ],
    };
  }
}
