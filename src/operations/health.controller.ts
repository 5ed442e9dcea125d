import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../agencies/access.decorators';
import { EVENT_STORE } from '../app/tokens';
import type { EventStore } from '../event-store/event-store.port';
import { ReadSide } from '../read-models/engine/read-side';
import { metricsRegistry } from './metrics';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly readSide?: ReadSide,
  ) {}

  /** Liveness and readiness: ready once the log answers a read; each projection's state and lag. */
  @Public()
  @Get('health')
  async health() {
    await this.store.readAll({ maxCount: 1 });
    return { status: 'ok', log: 'reachable', ...(this.readSide ? { projections: await this.readSide.health() } : {}) };
  }

  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
